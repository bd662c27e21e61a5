package io.runbook.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The bound arguments of one call, with typed accessors whose errors name the argument and the
 * offset of the call. A value that is undefined is an error when read, as in Ansible.
 */
final class Args {
  /** An argument that was not given (distinct from none). */
  static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "ABSENT";
    }
  };

  private final String callee;
  private final Object[] values;
  final int at;

  Args(String callee, Object[] values, int at) {
    this.callee = callee;
    this.values = values;
    this.at = at;
  }

  int size() {
    return values.length;
  }

  boolean has(int i) {
    return i < values.length && values[i] != ABSENT;
  }

  Object get(int i) {
    Object v = has(i) ? values[i] : null;
    Values.undefinedCheck(v, at);
    return v;
  }

  Object get(int i, Object fallback) {
    return has(i) ? get(i) : fallback;
  }

  /** The extra positional arguments a variadic parameter collected ({@code groups...}). */
  List<Object> rest(int i) {
    List<Object> out = new ArrayList<>();
    if (has(i) && values[i] instanceof List<?> l) {
      for (Object v : l) {
        Values.undefinedCheck(v, at);
        out.add(v);
      }
    }
    return out;
  }

  String string(int i, String fallback) {
    if (!has(i)) {
      return fallback;
    }
    Object v = get(i);
    if (!(v instanceof String s)) {
      throw error("a string", v);
    }
    return s;
  }

  long integer(int i, long fallback) {
    if (!has(i)) {
      return fallback;
    }
    Object v = get(i);
    if (v instanceof Boolean || !Values.isInteger(v)) {
      throw error("an integer", v);
    }
    return ((Number) v).longValue();
  }

  boolean bool(int i, boolean fallback) {
    return has(i) ? Values.truthy(get(i), at) : fallback;
  }

  ExpressionError error(String expected, Object got) {
    return new ExpressionError(at, callee + " needs " + expected + ", not " + describe(got));
  }

  ExpressionError fail(String message) {
    return new ExpressionError(at, callee + ": " + message);
  }

  static String describe(Object x) {
    if (x instanceof String s) {
      return "the string " + Values.repr(s.length() > 40 ? s.substring(0, 40) + "..." : s);
    }
    if (x instanceof Collection || x instanceof Map) {
      return "a " + Values.typeName(x);
    }
    return x == null ? "none" : Values.typeName(x) + " " + Values.str(x);
  }

  /** The value as a list (a mapping gives its keys, a string its characters, as Python's iter). */
  List<Object> iterable(Object x) {
    return Sequences.iterate(x, at, callee);
  }
}
