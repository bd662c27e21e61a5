package io.runbook.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's value semantics, as Jinja2 and so Ansible apply them: equality ({@code '5' == 5} is
 * false, {@code 1 == 1.0} and {@code True == 1} are true), ordering, truthiness, and how a value
 * is written as text ({@code str()}: {@code True}, {@code None}, {@code ['a', 1]}).
 *
 * <p>Values are Java's plain ones: Long (BigInteger past 64 bits), Double, String, Boolean,
 * List, Map, null for None, and {@link Undefined}.
 */
final class Values {
  private Values() {}

  static Object integer(BigInteger b) {
    return b.bitLength() < 64 ? (Object) b.longValue() : b;
  }

  static boolean isInteger(Object x) {
    return x instanceof Long || x instanceof Integer || x instanceof BigInteger || x instanceof Short
        || x instanceof Byte;
  }

  static boolean isNumber(Object x) {
    return x instanceof Number;
  }

  /** A number or a bool, as Python's arithmetic sees it (True is 1). */
  static boolean isNumeric(Object x) {
    return x instanceof Number || x instanceof Boolean;
  }

  static BigInteger big(Object x) {
    if (x instanceof BigInteger b) {
      return b;
    }
    if (x instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    return BigInteger.valueOf(((Number) x).longValue());
  }

  static double real(Object x) {
    if (x instanceof Boolean b) {
      return b ? 1 : 0;
    }
    return ((Number) x).doubleValue();
  }

  /** Python's truthiness: None, False, 0, 0.0, '' and empty collections are false. */
  static boolean truthy(Object x, int at) {
    if (x == null) {
      return false;
    }
    if (x instanceof Boolean b) {
      return b;
    }
    if (x instanceof Number n) {
      return x instanceof BigInteger b ? b.signum() != 0 : n.doubleValue() != 0;
    }
    if (x instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (x instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (x instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (x instanceof Undefined u) {
      if (u.soft()) {
        return false;
      }
      throw u.error(at);
    }
    return true;
  }

  /** Python's {@code ==}. */
  static boolean equal(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (isNumeric(a) && isNumeric(b)) {
      if (a instanceof Boolean && b instanceof Boolean) {
        return a.equals(b);
      }
      if (a instanceof Double || a instanceof Float || b instanceof Double || b instanceof Float) {
        return real(a) == real(b);
      }
      return big(a).equals(big(b));
    }
    if (a instanceof String x && b instanceof String y) {
      return x.equals(y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<?> i = x.iterator();
      Iterator<?> j = y.iterator();
      while (i.hasNext()) {
        if (!equal(i.next(), j.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!y.containsKey(e.getKey()) || !equal(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** Python's ordering of numbers, strings and lists; anything else is a TypeError. */
  static int compare(Object a, Object b, String op, int at) {
    if (isNumeric(a) && isNumeric(b)) {
      if (a instanceof Double || b instanceof Double || a instanceof Float || b instanceof Float) {
        return Double.compare(real(a), real(b));
      }
      return big(a).compareTo(big(b));
    }
    if (a instanceof String x && b instanceof String y) {
      return Integer.signum(x.compareTo(y));
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        if (!equal(x.get(i), y.get(i))) {
          return compare(x.get(i), y.get(i), op, at);
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    undefinedCheck(a, at);
    undefinedCheck(b, at);
    throw new ExpressionError(at, "'" + op + "' not supported between " + typeName(a) + " and "
        + typeName(b) + article(a, b));
  }

  private static String article(Object a, Object b) {
    return isNumeric(a) && b instanceof String || a instanceof String && isNumeric(b)
        ? " (convert with '| int' or '| string' first)" : "";
  }

  static void undefinedCheck(Object x, int at) {
    if (x instanceof Undefined u) {
      throw u.error(at);
    }
  }

  /** Python's type names, for messages: str, int, float, bool, list, dict, NoneType. */
  static String typeName(Object x) {
    if (x == null) {
      return "NoneType";
    }
    if (x instanceof String) {
      return "str";
    }
    if (x instanceof Boolean) {
      return "bool";
    }
    if (isInteger(x)) {
      return "int";
    }
    if (x instanceof Number) {
      return "float";
    }
    if (x instanceof Map) {
      return "dict";
    }
    if (x instanceof Collection) {
      return "list";
    }
    if (x instanceof Undefined) {
      return "undefined";
    }
    return x.getClass().getSimpleName();
  }

  /** Python's {@code str()}: how Jinja2 writes a value into text. */
  static String str(Object x) {
    if (x instanceof String s) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    write(x, out, false);
    return out.toString();
  }

  /** Python's {@code repr()}. */
  static String repr(Object x) {
    StringBuilder out = new StringBuilder();
    write(x, out, true);
    return out.toString();
  }

  private static void write(Object x, StringBuilder out, boolean repr) {
    Budget.text(out, 0);
    if (x == null) {
      out.append("None");
    } else if (x instanceof Boolean b) {
      out.append(b ? "True" : "False");
    } else if (x instanceof Double || x instanceof Float) {
      out.append(floatRepr(((Number) x).doubleValue()));
    } else if (x instanceof Number) {
      out.append(x);
    } else if (x instanceof String s) {
      if (repr) {
        quote(s, out);
      } else {
        out.append(s);
      }
    } else if (x instanceof Map<?, ?> m) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        write(e.getKey(), out, true);
        out.append(": ");
        write(e.getValue(), out, true);
      }
      out.append('}');
    } else if (x instanceof Collection<?> c) {
      out.append('[');
      boolean first = true;
      for (Object item : c) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        write(item, out, true);
      }
      out.append(']');
    } else {
      out.append(x);
    }
  }

  /** Python's string repr: single quotes unless the text has one and no double quote. */
  private static void quote(String s, StringBuilder out) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    out.append(q);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c == q) {
            out.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append(q);
  }

  /** Python's float repr: the shortest digits, fixed between 1e-4 and 1e16, else 1e+16. */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal b = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    String digits = b.unscaledValue().abs().toString();
    int exponent = digits.length() - b.scale() - 1;
    String sign = d < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = b.abs().toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
        + Math.abs(exponent);
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object x) {
    return (List<Object>) x;
  }
}
