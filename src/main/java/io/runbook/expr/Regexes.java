package io.runbook.expr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiled regular expressions, cached; a bad pattern is a one-line error. */
final class Regexes {
  private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();
  private static final int MAX_CACHED = 1024;

  private Regexes() {}

  static Pattern compile(String regex) {
    Pattern p = CACHE.get(regex);
    if (p != null) {
      return p;
    }
    try {
      p = Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("bad regular expression '" + regex + "': "
          + e.getDescription());
    }
    if (CACHE.size() < MAX_CACHED) {
      CACHE.put(regex, p);
    }
    return p;
  }
}
