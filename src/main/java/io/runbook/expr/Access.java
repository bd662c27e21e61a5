package io.runbook.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading into values as Jinja2 does: {@code x.name} and {@code x[key]} on mappings, lists
 * (negative indexes count from the end) and strings, and slices. What is not there is an
 * {@link Undefined} that says so; reading into an undefined value stays undefined, so
 * {@code a.b.c is defined} works when {@code a} is missing.
 */
final class Access {
  private Access() {}

  /** {@code target[key]}; {@code written} is how the key reads in a message. */
  static Object item(Object target, Object key, int at, String written) {
    if (target instanceof Undefined) {
      return target;
    }
    Values.undefinedCheck(key, at);
    if (target instanceof Map<?, ?> m) {
      if (m.containsKey(key)) {
        return m.get(key);
      }
      if (key instanceof Number) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (e.getKey() instanceof Number && Values.equal(e.getKey(), key)) {
            return e.getValue();
          }
        }
      }
      if (key != null && !(key instanceof String) && m.containsKey(Values.str(key))) {
        return new Undefined("the mapping has no key " + Values.repr(key)
            + " (it has the string key " + Values.repr(Values.str(key)) + ")");
      }
      return new Undefined("the mapping has no key " + Values.repr(key) + keysHint(m));
    }
    if (target instanceof List<?> l) {
      if (!(Values.isInteger(key) || key instanceof Boolean)) {
        return new Undefined("a list has no attribute " + Values.repr(key)
            + (key instanceof String ? " (index lists with numbers, e.g. [0])" : ""));
      }
      long i = Values.big(key).longValue();
      long index = i < 0 ? l.size() + i : i;
      if (index < 0 || index >= l.size()) {
        return new Undefined("the list has no item " + i + " (it has " + l.size() + ")");
      }
      return l.get((int) index);
    }
    if (target instanceof String s && (Values.isInteger(key))) {
      long i = ((Number) key).longValue();
      long index = i < 0 ? s.length() + i : i;
      if (index < 0 || index >= s.length()) {
        return new Undefined("the string has no character " + i);
      }
      return String.valueOf(s.charAt((int) index));
    }
    if (target == null) {
      return new Undefined("none has no attribute " + Values.repr(written)
          + " (the value before '." + written + "' is none)");
    }
    return new Undefined(Values.typeName(target) + " " + Values.repr(target) + " has no attribute "
        + Values.repr(written));
  }

  private static String keysHint(Map<?, ?> m) {
    if (m.isEmpty()) {
      return " (it is empty)";
    }
    List<String> keys = new ArrayList<>();
    for (Object k : m.keySet()) {
      if (keys.size() == 8) {
        keys.add("...");
        break;
      }
      keys.add(Values.str(k));
    }
    return " (its keys: " + String.join(", ", keys) + ")";
  }

  /** {@code target[start:stop:step]}, Python's slice rules. */
  static Object slice(Object target, Object start, Object stop, Object step, int at) {
    Values.undefinedCheck(target, at);
    long by = step == null ? 1 : index(step, at);
    if (by == 0) {
      throw new ExpressionError(at, "slice step cannot be zero");
    }
    int n;
    if (target instanceof String s) {
      n = s.length();
    } else if (target instanceof List<?> l) {
      n = l.size();
    } else {
      throw new ExpressionError(at, "only lists and strings can be sliced, not " + Args.describe(target));
    }
    long from = bound(start, n, by < 0 ? n - 1 : 0, by, at);
    long to = bound(stop, n, by < 0 ? -1 : n, by, at);
    StringBuilder text = new StringBuilder();
    List<Object> items = new ArrayList<>();
    for (long i = from; by > 0 ? i < to : i > to; i += by) {
      if (target instanceof String s) {
        text.append(s.charAt((int) i));
      } else {
        items.add(((List<?>) target).get((int) i));
      }
    }
    return target instanceof String ? text.toString() : items;
  }

  private static long bound(Object x, int n, long fallback, long step, int at) {
    if (x == null) {
      return fallback;
    }
    long i = index(x, at);
    if (i < 0) {
      i += n;
      if (i < 0) {
        i = step < 0 ? -1 : 0;
      }
    } else if (i >= n) {
      i = step < 0 ? n - 1 : n;
    }
    return i;
  }

  private static long index(Object x, int at) {
    Values.undefinedCheck(x, at);
    if (!Values.isInteger(x)) {
      throw new ExpressionError(at, "slice indices must be integers, not " + Args.describe(x));
    }
    return ((Number) x).longValue();
  }
}
