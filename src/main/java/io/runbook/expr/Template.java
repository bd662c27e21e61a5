package io.runbook.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A string split into literal text and {@code {{ expr }}} parts. The closing {@code }}} is found
 * outside quotes and outside the expression's own braces, so {@code {{ {'a': {'b': 1}} }}} works.
 */
final class Template {
  private static final Map<String, Template> CACHE = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 4096;

  /** A part: literal text, or an expression whose text starts at {@code offset} in the string. */
  record Part(String text, boolean expression, int offset) {}

  final List<Part> parts;

  private Template(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  static Template parse(String text) {
    Template t = CACHE.get(text);
    if (t == null) {
      t = new Template(split(text));
      if (CACHE.size() < MAX_CACHED) {
        CACHE.put(text, t);
      }
    }
    return t;
  }

  /** The expression when the whole string is exactly one {@code {{ expr }}}, else null. */
  Part single() {
    Part only = null;
    for (Part p : parts) {
      if (p.expression()) {
        if (only != null) {
          return null;
        }
        only = p;
      } else if (!p.text().isBlank()) {
        return null;
      }
    }
    return only;
  }

  private static List<Part> split(String s) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf("{{", i);
      int statement = firstStatement(s, i, open < 0 ? s.length() : open);
      if (statement >= 0) {
        throw new Unterminated(statement, "Jinja2 statements and comments ({% %}, {# #}) are not part of"
            + " runbook's templates, which hold only {{ expr }}: use 'a if c else b' in an expression, or"
            + " loop or when on the task");
      }
      if (open < 0) {
        parts.add(new Part(s.substring(i), false, i));
        break;
      }
      if (open > i) {
        parts.add(new Part(s.substring(i, open), false, i));
      }
      int close = closing(s, open + 2);
      if (close < 0) {
        throw new Unterminated(open);
      }
      String expr = s.substring(open + 2, close);
      int lead = expr.length() - expr.stripLeading().length();
      parts.add(new Part(expr.strip(), true, open + 2 + lead));
      i = close + 2;
    }
    return parts;
  }

  private static int firstStatement(String s, int from, int to) {
    int p = s.indexOf("{%", from);
    int c = s.indexOf("{#", from);
    int first = p < 0 ? c : c < 0 ? p : Math.min(p, c);
    return first >= 0 && first < to ? first : -1;
  }

  private static int closing(String s, int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0 && i + 1 < s.length() && s.charAt(i + 1) == '}') {
          return i;
        }
        depth = Math.max(0, depth - 1);
      }
    }
    return -1;
  }

  /** A {@code {{} without its {@code }}}, or a Jinja2 statement, at this offset. */
  static final class Unterminated extends RuntimeException {
    final int offset;

    Unterminated(int offset) {
      this(offset, "'{{' is not closed by '}}'");
    }

    Unterminated(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
    }
  }
}
