package io.runbook.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Small source rewrites applied before JEXL compiles an expression, for functions that JEXL
 * cannot offer as plain functions:
 * <ul>
 *   <li>{@code default(x, y)} becomes {@code (x ?? (y))}: a function's arguments are evaluated
 *       first, so an undefined {@code x} would fail in strict mode, while {@code ??} tolerates it
 *       (parenthesized, as {@code ??} binds looser than comparisons: {@code n >= default(x, 1)});
 *   <li>{@code defined(x)} becomes {@code ((x ?? null) != null)}: defined and not null;
 *   <li>{@code int(x)} and {@code float(x)} call {@code asInt}/{@code asFloat} (Java keywords).
 * </ul>
 * Text inside string literals is never touched.
 */
final class Rewrites {
  private Rewrites() {}

  static String apply(String expr) {
    if (!expr.contains("default(") && !expr.contains("defined(") && !expr.contains("int(")
        && !expr.contains("float(")) {
      return expr;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < expr.length()) {
      char c = expr.charAt(i);
      if (c == '\'' || c == '"') {
        int end = endOfString(expr, i);
        out.append(expr, i, end);
        i = end;
        continue;
      }
      if (Character.isLetter(c) && (i == 0 || !isNamePart(expr.charAt(i - 1)))) {
        int j = i;
        while (j < expr.length() && isNamePart(expr.charAt(j))) {
          j++;
        }
        String word = expr.substring(i, j);
        if (j < expr.length() && expr.charAt(j) == '(') {
          int close = matching(expr, j);
          if (close > 0) {
            List<String> args = arguments(expr.substring(j + 1, close));
            String rewritten = rewrite(word, args);
            if (rewritten != null) {
              out.append(rewritten);
              i = close + 1;
              continue;
            }
          }
        }
        out.append(word);
        i = j;
        continue;
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static String rewrite(String word, List<String> args) {
    return switch (word) {
      case "default" -> args.size() == 2
          ? "(" + apply(args.get(0).strip()) + " ?? (" + apply(args.get(1).strip()) + "))" : null;
      case "defined" -> args.size() == 1 ? "((" + apply(args.get(0).strip()) + " ?? null) != null)" : null;
      case "int" -> "asInt(" + String.join(",", args.stream().map(Rewrites::apply).toList()) + ")";
      case "float" -> "asFloat(" + String.join(",", args.stream().map(Rewrites::apply).toList()) + ")";
      default -> null;
    };
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.';
  }

  private static int endOfString(String s, int open) {
    char q = s.charAt(open);
    for (int i = open + 1; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == q) {
        return i + 1;
      }
    }
    return s.length();
  }

  private static int matching(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        i = endOfString(s, i) - 1;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        if (depth == 0) {
          return c == ')' ? i : -1;
        }
      }
    }
    return -1;
  }

  private static List<String> arguments(String inner) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\'' || c == '"') {
        i = endOfString(inner, i) - 1;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        args.add(inner.substring(start, i));
        start = i + 1;
      }
    }
    if (!inner.isBlank()) {
      args.add(inner.substring(start));
    }
    return args;
  }
}
