package io.runbook.expr;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The tests of {@code x is name(args)}: Jinja2's, Ansible's, and the task-result tests. */
final class Tests {
  private Tests() {}

  static void register(Library lib) {
    lib.lenientTest("defined", "", 0, (v, a) -> !(v instanceof Undefined));
    lib.lenientTest("undefined", "", 0, (v, a) -> v instanceof Undefined);
    lib.lenientTest("none", "", 0, (v, a) -> v == null);
    lib.test("number", "", 0, (v, a) -> Values.isNumeric(v));
    lib.test("integer", "", 0, (v, a) -> Values.isInteger(v));
    lib.test("float", "", 0, (v, a) -> v instanceof Double);
    lib.test("boolean", "", 0, (v, a) -> v instanceof Boolean);
    lib.test("string", "", 0, (v, a) -> v instanceof String);
    lib.test("mapping", "", 0, (v, a) -> v instanceof Map);
    lib.test("sequence", "", 0, (v, a) -> v instanceof String || v instanceof Collection || v instanceof Map);
    lib.testAlias("sequence", "iterable");
    lib.test("true", "", 0, (v, a) -> Boolean.TRUE.equals(v));
    lib.test("false", "", 0, (v, a) -> Boolean.FALSE.equals(v));
    lib.test("truthy", "convert_bool", 0, (v, a) -> Values.truthy(a.bool(0, false) ? boolish(v) : v, a.at));
    lib.test("falsy", "convert_bool", 0, (v, a) -> !Values.truthy(a.bool(0, false) ? boolish(v) : v, a.at));
    lib.test("lower", "", 0, (v, a) -> Values.str(v).equals(Values.str(v).toLowerCase(Locale.ROOT)));
    lib.test("upper", "", 0, (v, a) -> Values.str(v).equals(Values.str(v).toUpperCase(Locale.ROOT)));
    lib.test("odd", "", 0, (v, a) -> integer(v, a) % 2 != 0);
    lib.test("even", "", 0, (v, a) -> integer(v, a) % 2 == 0);
    lib.test("divisibleby", "num", 1, (v, a) -> {
      long n = a.integer(0, 1);
      if (n == 0) {
        throw a.fail("division by zero");
      }
      return integer(v, a) % n == 0;
    });
    lib.test("match", "pattern, ignorecase, multiline", 1, (v, a) -> regex(v, a, "match"));
    lib.test("search", "pattern, ignorecase, multiline", 1, (v, a) -> regex(v, a, "search"));
    lib.test("regex", "pattern, ignorecase, multiline, match_type", 1, (v, a) -> regex(v, a, a.string(3, "search")));
    lib.test("version", "version, operator, strict, version_type", 1, Tests::version);
    lib.testAlias("version", "version_compare");
    lib.test("in", "seq", 1, (v, a) -> Sequences.contains(a.get(0), v, a.at));
    lib.test("contains", "value", 1, (v, a) -> Sequences.contains(v, a.get(0), a.at));
    lib.test("subset", "other", 1, (v, a) -> allIn(a.iterable(v), a.iterable(a.get(0))));
    lib.test("superset", "other", 1, (v, a) -> allIn(a.iterable(a.get(0)), a.iterable(v)));
    lib.test("equalto", "other", 1, (v, a) -> Values.equal(v, a.get(0)));
    lib.testAlias("equalto", "eq", "==");
    lib.test("ne", "other", 1, (v, a) -> !Values.equal(v, a.get(0)));
    lib.testAlias("ne", "!=");
    lib.test("lt", "other", 1, (v, a) -> Values.compare(v, a.get(0), "<", a.at) < 0);
    lib.test("le", "other", 1, (v, a) -> Values.compare(v, a.get(0), "<=", a.at) <= 0);
    lib.test("gt", "other", 1, (v, a) -> Values.compare(v, a.get(0), ">", a.at) > 0);
    lib.test("ge", "other", 1, (v, a) -> Values.compare(v, a.get(0), ">=", a.at) >= 0);
    lib.testAlias("lt", "<", "lessthan");
    lib.testAlias("le", "<=");
    lib.testAlias("gt", ">", "greaterthan");
    lib.testAlias("ge", ">=");
    lib.test("sameas", "other", 1, (v, a) -> v == a.get(0) || v instanceof Boolean && v.equals(a.get(0)));
    lib.test("failed", "", 0, (v, a) -> Values.truthy(result(v, a, "failed").getOrDefault("failed", false), a.at));
    lib.testAlias("failed", "failure");
    lib.test("succeeded", "", 0, (v, a) -> !Values.truthy(result(v, a, "succeeded").getOrDefault("failed", false), a.at));
    lib.testAlias("succeeded", "success", "successful");
    lib.test("changed", "", 0, (v, a) -> changed(result(v, a, "changed"), a));
    lib.testAlias("changed", "change");
    lib.test("skipped", "", 0, (v, a) -> Values.truthy(result(v, a, "skipped").getOrDefault("skipped", false), a.at));
    lib.testAlias("skipped", "skip");
    lib.test("unreachable", "", 0, (v, a) -> Values.truthy(result(v, a, "unreachable").getOrDefault("unreachable", false), a.at));
    lib.test("reachable", "", 0, (v, a) -> !Values.truthy(result(v, a, "reachable").getOrDefault("unreachable", false), a.at));
  }

  private static Object boolish(Object v) {
    Object b = DataFilters.toBool(v);
    return v instanceof String s && !List.of("yes", "on", "1", "true", "no", "off", "0", "false")
        .contains(s.strip().toLowerCase(Locale.ROOT)) ? v : b;
  }

  private static long integer(Object v, Args a) {
    if (!Values.isInteger(v) && !(v instanceof Boolean)) {
      throw a.error("an integer", v);
    }
    return Values.big(v).longValue();
  }

  private static boolean regex(Object v, Args a, String how) {
    if (!(v instanceof String s)) {
      throw a.error("a string", v);
    }
    Pattern p = Regexes.compile(a.string(0, ""), a.bool(1, false), a.bool(2, false), a.at);
    return switch (how) {
      case "match" -> Regexes.matcher(p, s).lookingAt();
      case "search" -> Regexes.matcher(p, s).find();
      case "fullmatch" -> Regexes.matcher(p, s).matches();
      default -> throw a.fail("match_type is one of match, search, fullmatch");
    };
  }

  /** TiDB's version strings compared as runbook's version: functions do (see docs/expressions.md). */
  private static boolean version(Object v, Args a) {
    int c = Functions.versionCompare(v, a.get(0), a);
    String op = a.string(1, "eq");
    return switch (op) {
      case "lt", "<" -> c < 0;
      case "le", "<=" -> c <= 0;
      case "gt", ">" -> c > 0;
      case "ge", ">=" -> c >= 0;
      case "eq", "==", "=" -> c == 0;
      case "ne", "!=", "<>" -> c != 0;
      default -> throw a.fail("unknown operator " + Values.repr(op) + " (lt, le, gt, ge, eq, ne, or < <= > >= == !=)");
    };
  }

  private static boolean allIn(List<Object> items, List<Object> of) {
    for (Object x : items) {
      if (!Sequences.containsEqual(of, x)) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> result(Object v, Args a, String test) {
    if (!(v instanceof Map<?, ?> m)) {
      throw a.fail("the '" + test + "' test expects a registered result (a mapping), not " + Args.describe(v));
    }
    return (Map<Object, Object>) m;
  }

  private static boolean changed(Map<Object, Object> r, Args a) {
    if (Values.truthy(r.getOrDefault("changed", false), a.at)) {
      return true;
    }
    if (r.get("results") instanceof List<?> results) {
      for (Object item : results) {
        if (item instanceof Map<?, ?> m && Values.truthy(m.containsKey("changed") ? m.get("changed") : false, a.at)) {
          return true;
        }
      }
    }
    return false;
  }
}
