package io.runbook.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's arithmetic on the runtime's values: integers without overflow (Long, then
 * BigInteger, bounded), true division giving floats, floor division and modulo rounding toward
 * negative infinity, {@code +} on strings and lists, {@code *} repeating them, all within the
 * evaluation's size bounds. Mixed types are Python's TypeError, with a hint.
 */
final class Arithmetic {
  private static final int MAX_BITS = 1 << 16;

  private Arithmetic() {}

  static Object add(Object a, Object b, int at) {
    if (Values.isNumeric(a) && Values.isNumeric(b)) {
      if (isReal(a) || isReal(b)) {
        return Values.real(a) + Values.real(b);
      }
      return bound(Values.big(a).add(Values.big(b)), at);
    }
    if (a instanceof String x && b instanceof String y) {
      Budget.text(x, y.length());
      return x + y;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      Budget.items((long) x.size() + y.size());
      List<Object> out = new ArrayList<>(x);
      out.addAll(y);
      return out;
    }
    throw mismatch("+", a, b, at);
  }

  static Object sub(Object a, Object b, int at) {
    if (Values.isNumeric(a) && Values.isNumeric(b)) {
      if (isReal(a) || isReal(b)) {
        return Values.real(a) - Values.real(b);
      }
      return bound(Values.big(a).subtract(Values.big(b)), at);
    }
    throw mismatch("-", a, b, at);
  }

  static Object mul(Object a, Object b, int at) {
    if (Values.isNumeric(a) && Values.isNumeric(b)) {
      if (isReal(a) || isReal(b)) {
        return Values.real(a) * Values.real(b);
      }
      return bound(Values.big(a).multiply(Values.big(b)), at);
    }
    if (a instanceof String || a instanceof List) {
      if (Values.isInteger(b) || b instanceof Boolean) {
        return repeat(a, Values.big(b), at);
      }
    } else if (b instanceof String || b instanceof List) {
      if (Values.isInteger(a) || a instanceof Boolean) {
        return repeat(b, Values.big(a), at);
      }
    }
    throw mismatch("*", a, b, at);
  }

  private static Object repeat(Object seq, BigInteger times, int at) {
    long n = times.signum() <= 0 ? 0 : times.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue();
    if (seq instanceof String s) {
      Budget.text("", s.length() * n);
      return s.repeat((int) n);
    }
    List<?> l = (List<?>) seq;
    Budget.items(l.size() * n);
    List<Object> out = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      out.addAll(l);
    }
    return out;
  }

  static Object div(Object a, Object b, int at) {
    numbers("/", a, b, at);
    double d = Values.real(b);
    if (d == 0) {
      throw new ExpressionError(at, "division by zero");
    }
    if (!isReal(a) && !isReal(b)) {
      return new BigDecimal(Values.big(a)).divide(new BigDecimal(Values.big(b)), java.math.MathContext.DECIMAL64)
          .doubleValue();
    }
    return Values.real(a) / d;
  }

  static Object floorDiv(Object a, Object b, int at) {
    numbers("//", a, b, at);
    if (Values.real(b) == 0) {
      throw new ExpressionError(at, "integer division or modulo by zero");
    }
    if (isReal(a) || isReal(b)) {
      return Math.floor(Values.real(a) / Values.real(b));
    }
    BigInteger[] qr = Values.big(a).divideAndRemainder(Values.big(b));
    BigInteger q = qr[0];
    if (qr[1].signum() != 0 && qr[1].signum() != Values.big(b).signum()) {
      q = q.subtract(BigInteger.ONE);
    }
    return Values.integer(q);
  }

  static Object mod(Object a, Object b, int at) {
    if (a instanceof String s) {
      Values.undefinedCheck(b, at);
      return Printf.format(s, b, at);
    }
    numbers("%", a, b, at);
    if (Values.real(b) == 0) {
      throw new ExpressionError(at, "integer division or modulo by zero");
    }
    if (isReal(a) || isReal(b)) {
      double x = Values.real(a);
      double y = Values.real(b);
      double r = x % y;
      return r != 0 && (r < 0) != (y < 0) ? r + y : r;
    }
    BigInteger r = Values.big(a).mod(Values.big(b).abs());
    if (Values.big(b).signum() < 0 && r.signum() != 0) {
      r = r.add(Values.big(b));
    }
    return Values.integer(r);
  }

  static Object pow(Object a, Object b, int at) {
    numbers("**", a, b, at);
    if (isReal(a) || isReal(b) || Values.big(b).signum() < 0) {
      return Math.pow(Values.real(a), Values.real(b));
    }
    BigInteger base = Values.big(a);
    BigInteger exp = Values.big(b);
    if (base.abs().compareTo(BigInteger.ONE) > 0
        && exp.compareTo(BigInteger.valueOf(MAX_BITS / Math.max(1, base.abs().bitLength() - 1))) > 0) {
      throw new ExpressionError(at, "the result of '**' would have more than " + MAX_BITS + " bits");
    }
    return Values.integer(base.pow(exp.intValue()));
  }

  static Object neg(Object a, int at) {
    if (a instanceof Double d) {
      return -d;
    }
    if (Values.isNumeric(a)) {
      return Values.integer(Values.big(a).negate());
    }
    Values.undefinedCheck(a, at);
    throw new ExpressionError(at, "bad operand for unary '-': " + Args.describe(a));
  }

  static Object pos(Object a, int at) {
    if (Values.isNumeric(a)) {
      return a instanceof Boolean ? Values.big(a).longValue() : a;
    }
    Values.undefinedCheck(a, at);
    throw new ExpressionError(at, "bad operand for unary '+': " + Args.describe(a));
  }

  /** {@code ~}: both sides as text. */
  static Object concat(Object a, Object b, int at) {
    Values.undefinedCheck(a, at);
    Values.undefinedCheck(b, at);
    String x = Values.str(a);
    String y = Values.str(b);
    Budget.text(x, y.length());
    return x + y;
  }

  static double round(double x, long digits, RoundingMode mode) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    return new BigDecimal(x).setScale((int) digits, mode).doubleValue();
  }

  private static boolean isReal(Object x) {
    return x instanceof Double || x instanceof Float;
  }

  private static Object bound(BigInteger b, int at) {
    if (b.bitLength() > MAX_BITS) {
      throw new ExpressionError(at, "an integer of more than " + MAX_BITS + " bits");
    }
    return Values.integer(b);
  }

  private static void numbers(String op, Object a, Object b, int at) {
    if (!Values.isNumeric(a) || !Values.isNumeric(b)) {
      throw mismatch(op, a, b, at);
    }
  }

  private static ExpressionError mismatch(String op, Object a, Object b, int at) {
    Values.undefinedCheck(a, at);
    Values.undefinedCheck(b, at);
    String hint = a instanceof String && Values.isNumeric(b) || Values.isNumeric(a) && b instanceof String
        ? (op.equals("+") ? " (join text with '~', or convert with '| int')" : " (convert with '| int' first)")
        : "";
    return new ExpressionError(at, "unsupported operand types for " + op + ": " + Values.typeName(a)
        + " and " + Values.typeName(b) + hint);
  }
}
