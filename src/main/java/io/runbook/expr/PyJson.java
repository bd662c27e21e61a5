package io.runbook.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JSON written as Python's {@code json.dumps} writes it, so {@code to_json} and
 * {@code to_nice_json} give Ansible's text byte for byte: {@code ", "} and {@code ": "}
 * separators, non-ASCII escaped, floats as Python's repr; with an indent, keys sorted.
 */
final class PyJson {
  private PyJson() {}

  static String write(Object value, int indent, boolean sortKeys, boolean ensureAscii, int at) {
    StringBuilder out = new StringBuilder();
    write(value, out, indent, 0, sortKeys, ensureAscii, at);
    return out.toString();
  }

  private static void write(Object x, StringBuilder out, int indent, int level, boolean sort,
      boolean ascii, int at) {
    Budget.text(out, 0);
    Budget.check();
    if (x == null) {
      out.append("null");
    } else if (x instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (x instanceof Double d) {
      out.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : Values.floatRepr(d));
    } else if (x instanceof Number) {
      out.append(x);
    } else if (x instanceof String s) {
      string(s, out, ascii);
    } else if (x instanceof Map<?, ?> m) {
      List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
      if (sort) {
        entries.sort((p, q) -> key(p.getKey()).compareTo(key(q.getKey())));
      }
      out.append('{');
      for (int i = 0; i < entries.size(); i++) {
        out.append(i == 0 ? "" : indent > 0 ? "," : ", ");
        newline(out, indent, level + 1);
        string(key(entries.get(i).getKey()), out, ascii);
        out.append(": ");
        write(entries.get(i).getValue(), out, indent, level + 1, sort, ascii, at);
      }
      if (!entries.isEmpty()) {
        newline(out, indent, level);
      }
      out.append('}');
    } else if (x instanceof Collection<?> c) {
      out.append('[');
      int i = 0;
      for (Object item : c) {
        out.append(i++ == 0 ? "" : indent > 0 ? "," : ", ");
        newline(out, indent, level + 1);
        write(item, out, indent, level + 1, sort, ascii, at);
      }
      if (i > 0) {
        newline(out, indent, level);
      }
      out.append(']');
    } else if (x instanceof Undefined u) {
      throw u.error(at);
    } else {
      throw new ExpressionError(at, "cannot write " + Values.typeName(x) + " as JSON");
    }
  }

  private static String key(Object k) {
    if (k instanceof String s) {
      return s;
    }
    if (k == null) {
      return "null";
    }
    if (k instanceof Boolean b) {
      return b ? "true" : "false";
    }
    return Values.str(k);
  }

  private static void newline(StringBuilder out, int indent, int level) {
    if (indent > 0) {
      out.append('\n').append(" ".repeat(indent * level));
    }
  }

  private static void string(String s, StringBuilder out, boolean ascii) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || ascii && c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
