package io.runbook.lint.rules;

import java.util.Map;

/** Which runbook function does what a Jinja2 filter or test did (docs/expressions.md). */
final class JinjaNames {
  private static final Map<String, String> FILTERS = Map.ofEntries(
      Map.entry("default", "default(x, y)"), Map.entry("d", "default(x, y)"),
      Map.entry("int", "int(x)"), Map.entry("float", "float(x)"), Map.entry("string", "str(x)"),
      Map.entry("bool", "bool(x)"), Map.entry("length", "length(x)"), Map.entry("count", "length(x)"),
      Map.entry("lower", "lower(s)"), Map.entry("upper", "upper(s)"), Map.entry("trim", "trim(s)"),
      Map.entry("join", "join(list, sep)"), Map.entry("split", "split(s, sep)"),
      Map.entry("replace", "replace(s, a, b)"), Map.entry("first", "first(l)"),
      Map.entry("last", "last(l)"), Map.entry("unique", "unique(l)"), Map.entry("sort", "sort(l)"),
      Map.entry("sum", "sum(l)"), Map.entry("min", "min(l)"), Map.entry("max", "max(l)"),
      Map.entry("list", "the value itself"), Map.entry("quote", "quote(s)"),
      Map.entry("basename", "basename(p)"), Map.entry("dirname", "dirname(p)"),
      Map.entry("to_json", "toJson(x)"), Map.entry("to_nice_json", "toJson(x)"),
      Map.entry("from_json", "fromJson(s)"), Map.entry("regex_replace", "regexReplace(s, re, with)"),
      Map.entry("regex_search", "regexSearch(s, re)"), Map.entry("map", "mapattr(l, key) or extract(names, m, key)"),
      Map.entry("selectattr", "selectattr(l, key, value)"), Map.entry("rejectattr", "rejectattr(l, key, value)"),
      Map.entry("difference", "difference(a, b)"), Map.entry("intersect", "intersect(a, b)"),
      Map.entry("union", "union(a, b)"), Map.entry("dict2items", "keys(m) and values(m)"));
  private static final Map<String, String> TESTS = Map.of(
      "defined", "defined(x)", "undefined", "!defined(x)", "none", "x == null",
      "match", "regexMatch(s, re)", "search", "regexSearch(s, re) != null",
      "string", "a comparison", "number", "a comparison", "version", "version:compare(a, b) and friends");

  private JinjaNames() {}

  static String filter(String name) {
    String f = FILTERS.get(name);
    return f == null ? "call a function instead (see docs/expressions.md)" : "use " + f;
  }

  static String test(String name, boolean negated) {
    String t = TESTS.get(name.toLowerCase(java.util.Locale.ROOT));
    if (t == null) {
      return "call a function instead (see docs/expressions.md)";
    }
    if (negated && name.equals("defined")) {
      return "use !defined(x)";
    }
    if (negated && name.equals("undefined")) {
      return "use defined(x)";
    }
    return "use " + (negated ? "the negation of " : "") + t;
  }
}
