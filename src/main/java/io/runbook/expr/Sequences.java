package io.runbook.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Python's iteration and membership over the runtime's values. */
final class Sequences {
  private Sequences() {}

  /** {@code iter(x)} as a list: a list's items, a mapping's keys, a string's characters. */
  static List<Object> iterate(Object x, int at, String who) {
    if (x instanceof List<?> l) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) l;
      return list;
    }
    if (x instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (x instanceof Map<?, ?> m) {
      return new ArrayList<>(m.keySet());
    }
    if (x instanceof String s) {
      List<Object> out = new ArrayList<>(s.length());
      s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
      return out;
    }
    Values.undefinedCheck(x, at);
    throw new ExpressionError(at, who + " needs a list, not " + Args.describe(x));
  }

  /** Python's {@code needle in haystack}. */
  static boolean contains(Object haystack, Object needle, int at) {
    Values.undefinedCheck(needle, at);
    if (haystack instanceof String s) {
      if (!(needle instanceof String n)) {
        throw new ExpressionError(at, "'in <string>' needs a string on the left, not " + Args.describe(needle));
      }
      return s.contains(n);
    }
    if (haystack instanceof Map<?, ?> m) {
      return m.containsKey(needle) || needle instanceof Number && m.keySet().stream()
          .anyMatch(k -> Values.equal(k, needle));
    }
    if (haystack instanceof Collection<?> c) {
      for (Object item : c) {
        Budget.check();
        if (Values.equal(item, needle)) {
          return true;
        }
      }
      return false;
    }
    Values.undefinedCheck(haystack, at);
    throw new ExpressionError(at, "'in' needs a list, a mapping or a string on the right, not "
        + Args.describe(haystack));
  }

  /** A new list, refused past the item bound. */
  static List<Object> bounded(List<Object> out) {
    Budget.items(out.size());
    return out;
  }

  /** Unique items in order (Python ==). */
  static List<Object> unique(List<Object> items) {
    List<Object> out = new ArrayList<>();
    for (Object x : items) {
      if (!containsEqual(out, x)) {
        out.add(x);
      }
    }
    return out;
  }

  static boolean containsEqual(List<Object> list, Object x) {
    for (Object y : list) {
      Budget.check();
      if (Values.equal(x, y)) {
        return true;
      }
    }
    return false;
  }
}
