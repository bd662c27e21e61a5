package io.runbook.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TOML values: written from plain Java values, and read back to compare by meaning. */
final class TomlValues {
  private TomlValues() {}

  /** The TOML text of a value. */
  static String render(Object v) {
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
      return String.valueOf(v);
    }
    if (v instanceof Double d) {
      return d.isInfinite() ? (d > 0 ? "inf" : "-inf") : d.isNaN() ? "nan" : String.valueOf(d);
    }
    if (v instanceof List<?> l) {
      List<String> items = new ArrayList<>();
      l.forEach(i -> items.add(render(i)));
      return "[" + String.join(", ", items) + "]";
    }
    if (v instanceof Map<?, ?> m) {
      List<String> items = new ArrayList<>();
      m.forEach((k, x) -> items.add(key(String.valueOf(k)) + " = " + render(x)));
      return "{" + String.join(", ", items) + "}";
    }
    throw new ActionException("a TOML value must be a string, number, boolean or list, not "
        + (v == null ? "null" : v.getClass().getSimpleName()));
  }

  static String key(String k) {
    return k.matches("[A-Za-z0-9_-]+") ? k : quote(k);
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c < 0x20 ? String.format("\\u%04X", (int) c) : String.valueOf(c));
      }
    }
    return sb.append('"').toString();
  }

  /** Reads a value's text well enough to compare it: scalars, strings and arrays of them. */
  static Object parse(String text) {
    String t = text.strip();
    if (t.startsWith("\"") || t.startsWith("'")) {
      return unquote(t);
    }
    if (t.startsWith("[") && t.endsWith("]")) {
      List<Object> items = new ArrayList<>();
      for (String part : splitTop(t.substring(1, t.length() - 1))) {
        if (!part.isBlank()) {
          items.add(parse(part.replaceAll("(?m)#.*$", "").strip()));
        }
      }
      return items;
    }
    if (t.equals("true") || t.equals("false")) {
      return Boolean.parseBoolean(t);
    }
    String n = t.replace("_", "");
    try {
      return Long.decode(n.startsWith("+") ? n.substring(1) : n);
    } catch (NumberFormatException e) {
      try {
        return Double.parseDouble(n);
      } catch (NumberFormatException e2) {
        return t;
      }
    }
  }

  /** Equal in meaning: 1 and 1.0 differ in TOML, but 8250 from YAML and 8250 in TOML do not. */
  static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return (x instanceof Double) == (y instanceof Double) && x.doubleValue() == y.doubleValue();
    }
    if (a instanceof List<?> l && b instanceof List<?> m) {
      if (l.size() != m.size()) {
        return false;
      }
      for (int i = 0; i < l.size(); i++) {
        if (!same(l.get(i), m.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a != null && a.equals(b);
  }

  static String unquote(String q) {
    if (q.startsWith("\"\"\"") || q.startsWith("'''")) {
      String inner = q.substring(3, q.length() - 3);
      return inner.startsWith("\n") ? inner.substring(1) : inner;
    }
    String inner = q.substring(1, q.length() - 1);
    if (q.startsWith("'")) {
      return inner;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length()) {
        char n = inner.charAt(++i);
        switch (n) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'u' -> {
            sb.append((char) Integer.parseInt(inner.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> sb.append(n);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static List<String> splitTop(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }
}
