package io.runbook.expr;

import java.util.Collection;
import java.util.Map;

/** runbook's {@code =~}: a whole-string regular expression match, or membership in a list or mapping. */
final class Matching {
  private Matching() {}

  static boolean matches(Object value, Object pattern, int at) {
    Values.undefinedCheck(value, at);
    Values.undefinedCheck(pattern, at);
    if (pattern instanceof Collection || pattern instanceof Map) {
      return Sequences.contains(pattern, value, at);
    }
    if (!(pattern instanceof String regex)) {
      throw new ExpressionError(at, "'=~' needs a regular expression, a list or a mapping on the right, not "
          + Args.describe(pattern));
    }
    return Regexes.matcher(Regexes.compile(regex, false, false, at), text(value, at)).matches();
  }

  static String text(Object x, int at) {
    Values.undefinedCheck(x, at);
    return Values.str(x);
  }
}
