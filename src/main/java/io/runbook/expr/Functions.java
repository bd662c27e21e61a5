package io.runbook.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Functions called by name: Jinja2's {@code range}, Ansible's {@code lookup('env', NAME)} (the
 * only lookup: the others reach outside the sandbox), the {@code version:} functions for TiDB's
 * version strings, and runbook's earlier spellings that do not clash with Ansible's
 * ({@code size(x)}, {@code startsWith(s, p)}, {@code regexSearch(s, re)}, ...).
 *
 * <p>Any filter can also be called as a function with its value first: {@code lower(s)} is
 * {@code s | lower}, {@code default(x, 1)} is {@code x | default(1)}.
 */
final class Functions {
  static final int MAX_RANGE = 100_000;

  private Functions() {}

  static void register(Library lib) {
    lib.function("range", "start, stop, step", 1, (v, a) -> range(a));
    lib.function("lookup", "plugin, terms..., default", 1, Functions::lookup);
    lib.function("version:compare", "a, b", 2, (v, a) -> (long) versionCompare(a.get(0), a.get(1), a));
    lib.function("version:lt", "a, b", 2, (v, a) -> versionCompare(a.get(0), a.get(1), a) < 0);
    lib.function("version:le", "a, b", 2, (v, a) -> versionCompare(a.get(0), a.get(1), a) <= 0);
    lib.function("version:gt", "a, b", 2, (v, a) -> versionCompare(a.get(0), a.get(1), a) > 0);
    lib.function("version:ge", "a, b", 2, (v, a) -> versionCompare(a.get(0), a.get(1), a) >= 0);
    lib.function("version:eq", "a, b", 2, (v, a) -> versionCompare(a.get(0), a.get(1), a) == 0);
    lib.function("version:parse", "v", 1, (v, a) -> version(a.get(0), a).toMap());
    lib.function("version:binlogGeneration", "v", 1, (v, a) -> version(a.get(0), a).binlogGeneration());
    lib.function("version:clusterBinlog", "v", 1, (v, a) -> version(a.get(0), a).binlogGeneration().equals("cluster"));

    // runbook's earlier spellings, kept where they mean what they always did
    lib.filterAlias("length", "size");
    lib.filter("empty", "", 0, (v, a) -> v == null || !Values.truthy(v, a.at) && !(v instanceof Boolean) && !Values.isNumeric(v));
    lib.filter("keys", "", 0, (v, a) -> new ArrayList<>(mapping(v, a).keySet()));
    lib.filter("values", "", 0, (v, a) -> new ArrayList<>(mapping(v, a).values()));
    lib.filter("startsWith", "prefix", 1, (v, a) -> TextFilters.text(v, a).startsWith(a.string(0, "")));
    lib.filter("endsWith", "suffix", 1, (v, a) -> TextFilters.text(v, a).endsWith(a.string(0, "")));
    lib.filter("contains", "x", 1, (v, a) -> Sequences.contains(v, a.get(0), a.at));
    lib.filter("regexMatch", "regex", 1, (v, a) -> Regexes.matcher(
        Regexes.compile(a.string(0, ""), false, false, a.at), TextFilters.text(v, a)).lookingAt());
    lib.filter("regexSearch", "regex", 1, Functions::regexSearch);
    lib.filter("regexReplace", "regex, replacement", 2, (v, a) -> Regexes.matcher(
        Regexes.compile(a.string(0, ""), false, false, a.at), TextFilters.text(v, a))
        .replaceAll(Matcher.quoteReplacement(a.string(1, ""))));
    lib.filter("mapattr", "attribute", 1, (v, a) -> {
      List<Object> out = new ArrayList<>();
      for (Object item : a.iterable(v)) {
        out.add(Selections.attribute(item, a.get(0), a.at));
      }
      return out;
    });
    lib.filterAlias("to_json", "toJson");
    lib.filterAlias("from_json", "fromJson");
    lib.filterAlias("string", "str");
  }

  private static Map<?, ?> mapping(Object v, Args a) {
    if (!(v instanceof Map<?, ?> m)) {
      throw a.error("a mapping", v);
    }
    return m;
  }

  /** The first match anywhere, group 1 when the pattern has groups; none without a match. */
  private static Object regexSearch(Object v, Args a) {
    Matcher m = Regexes.matcher(Regexes.compile(a.string(0, ""), false, false, a.at), TextFilters.text(v, a));
    if (!m.find()) {
      return null;
    }
    return m.groupCount() > 0 ? m.group(1) : m.group();
  }

  /** Jinja2's range: at most 100,000 numbers, its width computed without overflow. */
  private static Object range(Args a) {
    long start = 0;
    long stop;
    if (a.has(1)) {
      start = a.integer(0, 0);
      stop = a.integer(1, 0);
    } else {
      stop = a.integer(0, 0);
    }
    long step = a.integer(2, 1);
    if (step == 0) {
      throw a.fail("the step cannot be zero");
    }
    java.math.BigInteger width = java.math.BigInteger.valueOf(stop).subtract(java.math.BigInteger.valueOf(start))
        .divide(java.math.BigInteger.valueOf(step));
    if (width.compareTo(java.math.BigInteger.valueOf(MAX_RANGE)) > 0) {
      throw a.fail("a range of more than " + MAX_RANGE + " numbers");
    }
    List<Object> out = new ArrayList<>();
    for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
      out.add(i);
    }
    return out;
  }

  /** Ansible's env lookup: the controller's variable, '' when unset; several names joined with ','. */
  private static Object lookup(Object v, Args a) {
    String plugin = a.string(0, "");
    if (!plugin.equals("env")) {
      throw a.fail("only lookup('env', NAME) is available (" + Library.REFUSED.get("query") + ")");
    }
    List<String> values = new ArrayList<>();
    for (Object name : a.rest(1)) {
      String value = System.getenv(Values.str(name));
      values.add(value == null ? (a.has(2) ? Values.str(a.get(2)) : "") : value);
    }
    return String.join(",", values);
  }

  static int versionCompare(Object x, Object y, Args a) {
    return Integer.signum(version(x, a).compareTo(version(y, a)));
  }

  private static TidbVersion version(Object x, Args a) {
    if (!(x instanceof String s)) {
      throw a.error("a version string such as 'v3.0.5'", x);
    }
    try {
      return TidbVersion.parse(s);
    } catch (IllegalArgumentException e) {
      throw a.fail(e.getMessage());
    }
  }
}
