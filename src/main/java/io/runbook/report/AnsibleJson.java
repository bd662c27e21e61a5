package io.runbook.report;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON as Ansible's console shows it (Python's json.dumps): {@code {"changed": false, "rc": 1}}
 * on one line, or indented by four spaces for debug output.
 */
final class AnsibleJson {
  private AnsibleJson() {}

  static String compact(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, -1, 0);
    return sb.toString();
  }

  static String pretty(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value, 4, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object v, int indent, int depth) {
    if (v instanceof Map<?, ?> m) {
      container(sb, '{', '}', m.entrySet().iterator(), indent, depth, (e, d) -> {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) e;
        string(sb, String.valueOf(entry.getKey()));
        sb.append(": ");
        write(sb, entry.getValue(), indent, d);
      });
    } else if (v instanceof Collection<?> c) {
      container(sb, '[', ']', c.iterator(), indent, depth, (e, d) -> write(sb, e, indent, d));
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v == null) {
      sb.append("null");
    } else if (v instanceof Number || v instanceof Boolean) {
      sb.append(v);
    } else {
      string(sb, String.valueOf(v));
    }
  }

  private interface ItemWriter {
    void write(Object item, int depth);
  }

  private static void container(StringBuilder sb, char open, char close, Iterator<?> items,
      int indent, int depth, ItemWriter each) {
    sb.append(open);
    if (!items.hasNext()) {
      sb.append(close);
      return;
    }
    boolean first = true;
    while (items.hasNext()) {
      if (!first) {
        sb.append(indent < 0 ? ", " : ",");
      }
      if (indent >= 0) {
        sb.append('\n').append(" ".repeat(indent * (depth + 1)));
      }
      each.write(items.next(), depth + 1);
      first = false;
    }
    if (indent >= 0) {
      sb.append('\n').append(" ".repeat(indent * depth));
    }
    sb.append(close);
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
