package io.runbook.action;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads rendered arguments for the built-in actions. The engine has
 * rendered templates already, so a value is a String, Long, Double, Boolean, List, Map or null;
 * a template that rendered to text ({@code port: "{{ p }}"} inside a longer string) may still be
 * a numeric string, which these readers accept. Anything else is an {@link ActionException}
 * naming {@code action.argument}.
 */
final class ActionArgs {
  private final String action;
  private final Map<String, Object> args;

  ActionArgs(String action, Map<String, Object> args) {
    this.action = action;
    this.args = args == null ? Map.of() : args;
  }

  boolean has(String name) {
    return args.get(name) != null;
  }

  Object raw(String name) {
    return args.get(name);
  }

  /** A string, or null when absent; numbers and booleans are turned into their text. */
  String string(String name) {
    Object v = args.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Number || v instanceof Boolean) {
      return String.valueOf(v);
    }
    throw wrong(name, "a string", v);
  }

  String string(String name, String fallback) {
    String s = string(name);
    return s == null ? fallback : s;
  }

  /** A string that must be present and not blank. */
  String requiredString(String name) {
    String s = string(name);
    if (s == null || s.isBlank()) {
      throw new ActionException("'" + action + "' needs the argument '" + name + "'");
    }
    return s;
  }

  boolean bool(String name, boolean fallback) {
    Boolean b = boolOrNull(name);
    return b == null ? fallback : b;
  }

  Boolean boolOrNull(String name) {
    Object v = args.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on", "1":
          return true;
        case "false", "no", "off", "0":
          return false;
        default:
          break;
      }
    }
    throw wrong(name, "true or false", v);
  }

  /** A whole number, or null when absent. */
  Long longOrNull(String name) {
    Object v = args.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return d.longValue();
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
    }
    throw wrong(name, "a whole number", v);
  }

  /** A number (whole or not), or {@code fallback} when absent. */
  double number(String name, double fallback) {
    Object v = args.get(name);
    if (v == null) {
      return fallback;
    }
    double d;
    if (v instanceof Number n) {
      d = n.doubleValue();
    } else if (v instanceof String s) {
      try {
        d = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw wrong(name, "a number", v);
      }
    } else {
      throw wrong(name, "a number", v);
    }
    if (Double.isNaN(d) || Double.isInfinite(d) || d < 0) {
      throw new ActionException("'" + action + "." + name + "' must be a number of 0 or more, not "
          + describe(v));
    }
    return d;
  }

  /** A list of strings; a single string counts as a one-element list. Null when absent. */
  List<String> stringList(String name) {
    Object v = args.get(name);
    if (v == null) {
      return null;
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (!(v instanceof List<?> list)) {
      throw wrong(name, "a list", v);
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (item == null || item instanceof Map || item instanceof List) {
        throw new ActionException("'" + action + "." + name + "' must be a list of strings, but "
            + "it holds " + describe(item));
      }
      out.add(String.valueOf(item));
    }
    return out;
  }

  /** A mapping with its values as text (environment variables, headers). Empty when absent. */
  Map<String, String> stringMap(String name) {
    Object v = args.get(name);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw wrong(name, "a mapping", v);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object value = e.getValue();
      if (value instanceof Map || value instanceof List) {
        throw new ActionException("'" + action + "." + name + "." + e.getKey()
            + "' must be a plain value, not " + describe(value));
      }
      out.put(String.valueOf(e.getKey()), value == null ? "" : String.valueOf(value));
    }
    return out;
  }

  ActionException wrong(String name, String expected, Object value) {
    return new ActionException("'" + action + "." + name + "' must be " + expected + ", not "
        + describe(value));
  }

  static String describe(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
    }
    if (v instanceof Map) {
      return "a mapping";
    }
    if (v instanceof List) {
      return "a list";
    }
    return String.valueOf(v);
  }
}
