package io.runbook.expr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Python regular expressions on java.util.regex: Python's named groups ({@code (?P<n>...)},
 * {@code (?P=n)}) and replacement syntax ({@code \1}, {@code \g<n>}) translated; compiled
 * patterns cached; a bad pattern is a one-line error; every match reads its text under the
 * evaluation's time bound.
 */
final class Regexes {
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 1024;

  private Regexes() {}

  static Pattern compile(String regex, boolean ignoreCase, boolean multiline, int at) {
    String key = (ignoreCase ? "i" : "-") + (multiline ? "m" : "-") + regex;
    Pattern p = CACHE.get(key);
    if (p != null) {
      return p;
    }
    String java = regex.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
    try {
      p = Pattern.compile(java, (ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
          | (multiline ? Pattern.MULTILINE : 0));
    } catch (PatternSyntaxException e) {
      throw new ExpressionError(at, "bad regular expression " + Values.repr(regex) + ": " + e.getDescription());
    }
    if (CACHE.size() < MAX_CACHED) {
      CACHE.put(key, p);
    }
    return p;
  }

  static Matcher matcher(Pattern p, String text) {
    return p.matcher(Budget.watched(text));
  }

  /** Python's {@code re.sub} replacement: {@code \1}, {@code \g<1>}, {@code \g<name>}, {@code \n}. */
  static String expand(Matcher m, String replacement, int at) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < replacement.length(); i++) {
      char c = replacement.charAt(i);
      if (c != '\\' || i + 1 >= replacement.length()) {
        out.append(c);
        continue;
      }
      char n = replacement.charAt(++i);
      if (Character.isDigit(n)) {
        int end = i + 1;
        if (end < replacement.length() && Character.isDigit(replacement.charAt(end))) {
          end++;
        }
        out.append(group(m, replacement.substring(i, end), at));
        i = end - 1;
      } else if (n == 'g' && i + 1 < replacement.length() && replacement.charAt(i + 1) == '<') {
        int close = replacement.indexOf('>', i);
        if (close < 0) {
          throw new ExpressionError(at, "unterminated \\g< in the replacement");
        }
        out.append(group(m, replacement.substring(i + 2, close), at));
        i = close;
      } else {
        out.append(switch (n) {
          case 'n' -> "\n";
          case 't' -> "\t";
          case '\\' -> "\\";
          default -> "\\" + n;
        });
      }
      Budget.text(out, 0);
    }
    return out.toString();
  }

  static String group(Matcher m, String ref, int at) {
    try {
      String g = ref.chars().allMatch(Character::isDigit) ? m.group(Integer.parseInt(ref)) : m.group(ref);
      return g == null ? "" : g;
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new ExpressionError(at, "the pattern has no group " + ref);
    }
  }
}
