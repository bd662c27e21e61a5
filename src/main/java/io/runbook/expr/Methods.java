package io.runbook.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The methods an expression may call on a value, as Python's ({@code s.startswith('v')},
 * {@code d.items()}, {@code ', '.join(names)}): a fixed table by name, each checking the kind
 * of value it is called on. Nothing is looked up by reflection.
 */
final class Methods {
  private Methods() {}

  static void register(Library lib) {
    lib.method("startswith", "prefix", 1, (v, a) -> affix(v, a, true));
    lib.method("endswith", "suffix", 1, (v, a) -> affix(v, a, false));
    lib.method("split", "sep, maxsplit", 0, (v, a) -> TextFilters.split(str(v, a), a.string(0, null), a.integer(1, -1)));
    lib.method("rsplit", "sep, maxsplit", 0, (v, a) -> rsplit(str(v, a), a.string(0, null), a.integer(1, -1)));
    lib.method("splitlines", "", 0, (v, a) -> new ArrayList<Object>(List.of(str(v, a).split("\r\n|\r|\n"))));
    lib.method("strip", "chars", 0, (v, a) -> TextFilters.strip(str(v, a), a.string(0, null), true, true));
    lib.method("lstrip", "chars", 0, (v, a) -> TextFilters.strip(str(v, a), a.string(0, null), true, false));
    lib.method("rstrip", "chars", 0, (v, a) -> TextFilters.strip(str(v, a), a.string(0, null), false, true));
    lib.method("lower", "", 0, (v, a) -> str(v, a).toLowerCase(Locale.ROOT));
    lib.method("upper", "", 0, (v, a) -> str(v, a).toUpperCase(Locale.ROOT));
    lib.method("title", "", 0, (v, a) -> Binding.invoke(Library.STANDARD.filter("title"), "filter", str(v, a), List.of(), a.at));
    lib.method("capitalize", "", 0, (v, a) -> TextFilters.capitalize(str(v, a)));
    lib.method("replace", "old, new, count", 2, (v, a) -> TextFilters.replace(str(v, a), a.string(0, ""), a.string(1, ""), a.integer(2, -1)));
    lib.method("find", "sub", 1, (v, a) -> (long) str(v, a).indexOf(a.string(0, "")));
    lib.method("isdigit", "", 0, (v, a) -> !str(v, a).isEmpty() && str(v, a).chars().allMatch(Character::isDigit));
    lib.method("isalpha", "", 0, (v, a) -> !str(v, a).isEmpty() && str(v, a).chars().allMatch(Character::isLetter));
    lib.method("join", "iterable", 1, (v, a) -> joinWith(str(v, a), a));
    lib.method("format", "args...", 0, Methods::format);
    lib.method("keys", "", 0, (v, a) -> new ArrayList<>(map(v, a).keySet()));
    lib.method("values", "", 0, (v, a) -> new ArrayList<>(map(v, a).values()));
    lib.method("items", "", 0, (v, a) -> {
      List<Object> out = new ArrayList<>();
      map(v, a).forEach((k, x) -> out.add(new ArrayList<>(java.util.Arrays.asList(k, x))));
      return out;
    });
    lib.method("get", "key, default", 1, (v, a) -> {
      Map<?, ?> m = map(v, a);
      Object k = a.get(0);
      return m.containsKey(k) ? m.get(k) : a.get(1, null);
    });
    lib.method("count", "x", 1, (v, a) -> v instanceof String s ? (long) countOf(s, a.string(0, ""))
        : (long) list(v, a).stream().filter(x -> Values.equal(x, a.get(0))).count());
    lib.method("index", "x", 1, (v, a) -> {
      if (v instanceof String s) {
        int i = s.indexOf(a.string(0, ""));
        if (i < 0) {
          throw a.fail("substring not found");
        }
        return (long) i;
      }
      List<Object> l = list(v, a);
      for (int i = 0; i < l.size(); i++) {
        if (Values.equal(l.get(i), a.get(0))) {
          return (long) i;
        }
      }
      throw a.fail(Values.repr(a.get(0)) + " is not in the list");
    });
  }

  private static String str(Object v, Args a) {
    if (!(v instanceof String s)) {
      throw a.error("a string", v);
    }
    return s;
  }

  private static Map<?, ?> map(Object v, Args a) {
    if (!(v instanceof Map<?, ?> m)) {
      throw a.error("a mapping", v);
    }
    return m;
  }

  private static List<Object> list(Object v, Args a) {
    if (!(v instanceof List<?>)) {
      throw a.error("a list or a string", v);
    }
    return Values.asList(v);
  }

  private static Object affix(Object v, Args a, boolean start) {
    String s = str(v, a);
    Object what = a.get(0);
    List<?> options = what instanceof List<?> l ? l : List.of(what == null ? "" : what);
    for (Object o : options) {
      if (!(o instanceof String p)) {
        throw a.error("a string or a tuple of strings", o);
      }
      if (start ? s.startsWith(p) : s.endsWith(p)) {
        return true;
      }
    }
    return false;
  }

  private static List<Object> rsplit(String s, String sep, long maxsplit) {
    if (maxsplit < 0 || sep == null) {
      return TextFilters.split(s, sep, maxsplit < 0 ? -1 : maxsplit);
    }
    List<Object> out = new ArrayList<>();
    int end = s.length();
    int at;
    while (out.size() < maxsplit && (at = s.lastIndexOf(sep, end - 1)) >= 0 && end > 0) {
      out.add(0, s.substring(at + sep.length(), end));
      end = at;
    }
    out.add(0, s.substring(0, end));
    return out;
  }

  private static int countOf(String s, String sub) {
    if (sub.isEmpty()) {
      return s.length() + 1;
    }
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
      n++;
    }
    return n;
  }

  private static Object joinWith(String sep, Args a) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (Object x : a.iterable(a.get(0))) {
      if (!(x instanceof String s)) {
        throw a.fail("join needs strings, found " + Args.describe(x));
      }
      if (!first) {
        out.append(sep);
      }
      first = false;
      out.append(s);
      Budget.text(out, 0);
    }
    return out.toString();
  }

  /** {@code '{}:{}'.format(host, port)}: positional fields only. */
  private static Object format(Object v, Args a) {
    String f = str(v, a);
    List<Object> args = a.rest(0);
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == '{' && i + 1 < f.length() && f.charAt(i + 1) == '{' || c == '}' && i + 1 < f.length() && f.charAt(i + 1) == '}') {
        out.append(c);
        i++;
      } else if (c == '{') {
        int close = f.indexOf('}', i);
        if (close < 0) {
          throw a.fail("a '{' is not closed");
        }
        String field = f.substring(i + 1, close);
        int index = field.isEmpty() ? next++ : field.matches("\\d+") ? Integer.parseInt(field) : -1;
        if (index < 0 || index >= args.size()) {
          throw a.fail("no argument for {" + field + "} (only positional fields such as {} or {0})");
        }
        out.append(Values.str(args.get(index)));
        Budget.text(out, 0);
        i = close;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
