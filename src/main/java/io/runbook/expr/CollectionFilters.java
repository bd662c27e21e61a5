package io.runbook.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filters on lists and mappings, with Jinja2's and Ansible's arguments: length, join, first,
 * last, min, max, sum, unique, sort, reverse, flatten, list, dict2items, items2dict, combine,
 * zip, map, select, reject, selectattr, rejectattr and the set operations.
 */
final class CollectionFilters {
  private CollectionFilters() {}

  static void register(Library lib) {
    lib.filter("length", "", 0, (v, a) -> length(v, a));
    lib.filterAlias("length", "count");
    lib.filter("join", "d, attribute", 0, CollectionFilters::join);
    lib.filter("first", "", 0, (v, a) -> edge(v, a, true));
    lib.filter("last", "", 0, (v, a) -> edge(v, a, false));
    lib.filter("min", "case_sensitive, attribute", 0, (v, a) -> extreme(v, a, -1));
    lib.filter("max", "case_sensitive, attribute", 0, (v, a) -> extreme(v, a, 1));
    lib.filter("sum", "attribute, start", 0, CollectionFilters::sum);
    lib.filter("unique", "case_sensitive, attribute", 0, CollectionFilters::unique);
    lib.filter("sort", "reverse, case_sensitive, attribute", 0, CollectionFilters::sort);
    lib.filter("reverse", "", 0, CollectionFilters::reverse);
    lib.filter("flatten", "levels, skip_nulls", 0, (v, a) -> flatten(a.iterable(v),
        a.has(0) && a.get(0) != null ? a.integer(0, -1) : -1, a.bool(1, true), new ArrayList<>()));
    lib.filter("list", "", 0, (v, a) -> new ArrayList<>(a.iterable(v)));
    lib.filter("dict2items", "key_name, value_name", 0, CollectionFilters::dict2items);
    lib.filter("items2dict", "key_name, value_name", 0, CollectionFilters::items2dict);
    lib.filter("combine", "dicts..., recursive, list_merge", 0, CollectionFilters::combine);
    lib.filter("zip", "others...", 0, (v, a) -> zip(v, a, false, null));
    lib.filter("zip_longest", "others..., fillvalue", 0, (v, a) -> zip(v, a, true, a.get(1, null)));
    lib.filter("map", "name, args..., attribute, default", 0, Selections::map);
    lib.filter("select", "test, args...", 0, (v, a) -> Selections.select(v, a, true, false));
    lib.filter("reject", "test, args...", 0, (v, a) -> Selections.select(v, a, false, false));
    lib.filter("selectattr", "attribute, test, args...", 1, (v, a) -> Selections.select(v, a, true, true));
    lib.filter("rejectattr", "attribute, test, args...", 1, (v, a) -> Selections.select(v, a, false, true));
    lib.filter("union", "other", 1, (v, a) -> {
      List<Object> all = new ArrayList<>(a.iterable(v));
      all.addAll(a.iterable(a.get(0)));
      return Sequences.unique(Sequences.bounded(all));
    });
    lib.filter("intersect", "other", 1, (v, a) -> among(a.iterable(v), a.iterable(a.get(0)), true));
    lib.filter("difference", "other", 1, (v, a) -> among(a.iterable(v), a.iterable(a.get(0)), false));
    lib.filter("symmetric_difference", "other", 1, (v, a) -> {
      List<Object> x = a.iterable(v);
      List<Object> y = a.iterable(a.get(0));
      List<Object> out = among(x, y, false);
      out.addAll(among(y, x, false));
      return Sequences.unique(out);
    });
    lib.filter("batch", "linecount, fill_with", 1, CollectionFilters::batch);
    lib.filter("product", "others...", 0, CollectionFilters::product);
  }

  static long length(Object v, Args a) {
    if (v instanceof String s) {
      return s.codePointCount(0, s.length());
    }
    if (v instanceof Collection<?> c) {
      return c.size();
    }
    if (v instanceof Map<?, ?> m) {
      return m.size();
    }
    throw a.error("a string, list or mapping", v);
  }

  /** Jinja2's unique: first of each, strings compared without case unless told otherwise. */
  private static Object unique(Object v, Args a) {
    boolean caseSensitive = a.bool(0, false);
    Object attribute = a.get(1, null);
    List<Object> out = new ArrayList<>();
    List<Object> seen = new ArrayList<>();
    for (Object x : a.iterable(v)) {
      Object key = attribute == null ? x : Selections.attribute(x, attribute, a.at);
      if (!caseSensitive && key instanceof String s) {
        key = s.toLowerCase(Locale.ROOT);
      }
      if (!Sequences.containsEqual(seen, key)) {
        seen.add(key);
        out.add(x);
      }
    }
    return out;
  }

  private static Object join(Object v, Args a) {
    String sep = a.has(0) ? Values.str(a.get(0)) : "";
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (Object item : a.iterable(v)) {
      if (!first) {
        out.append(sep);
      }
      first = false;
      Object x = a.has(1) ? Selections.attribute(item, a.get(1), a.at) : item;
      Values.undefinedCheck(x, a.at);
      out.append(Values.str(x));
      Budget.text(out, 0);
    }
    return out.toString();
  }

  private static Object edge(Object v, Args a, boolean first) {
    List<Object> items = a.iterable(v);
    if (items.isEmpty()) {
      return new Undefined("no " + (first ? "first" : "last") + " item, the list is empty");
    }
    return items.get(first ? 0 : items.size() - 1);
  }

  /** Jinja2's sort key: strings compare without case unless told otherwise. */
  static Comparator<Object> order(boolean caseSensitive, Object attribute, int at) {
    return (x, y) -> {
      Object p = attribute == null ? x : Selections.attribute(x, attribute, at);
      Object q = attribute == null ? y : Selections.attribute(y, attribute, at);
      if (!caseSensitive && p instanceof String s && q instanceof String t) {
        p = s.toLowerCase(Locale.ROOT);
        q = t.toLowerCase(Locale.ROOT);
      }
      return Values.compare(p, q, "<", at);
    };
  }

  private static Object extreme(Object v, Args a, int sign) {
    List<Object> items = a.iterable(v);
    if (items.isEmpty()) {
      return new Undefined("no " + (sign < 0 ? "smallest" : "largest") + " item, the list is empty");
    }
    Comparator<Object> c = order(a.bool(0, false), a.get(1, null), a.at);
    Object best = items.get(0);
    for (Object x : items) {
      if (Integer.signum(c.compare(x, best)) == sign) {
        best = x;
      }
    }
    return best;
  }

  private static Object sum(Object v, Args a) {
    Object total = a.get(1, 0L);
    for (Object x : a.iterable(v)) {
      Object item = a.has(0) ? Selections.attribute(x, a.get(0), a.at) : x;
      total = Arithmetic.add(total, item, a.at);
    }
    return total;
  }

  private static Object sort(Object v, Args a) {
    List<Object> out = new ArrayList<>(a.iterable(v));
    Comparator<Object> c = order(a.bool(1, false), a.get(2, null), a.at);
    out.sort(a.bool(0, false) ? c.reversed() : c);
    return out;
  }

  private static Object reverse(Object v, Args a) {
    if (v instanceof String s) {
      return new StringBuilder(s).reverse().toString();
    }
    List<Object> out = new ArrayList<>(a.iterable(v));
    java.util.Collections.reverse(out);
    return out;
  }

  private static List<Object> flatten(List<Object> items, long levels, boolean skipNulls, List<Object> out) {
    for (Object x : items) {
      if (skipNulls && (x == null || "None".equals(x) || "null".equals(x))) {
        continue;
      }
      if (x instanceof List<?> l && levels != 0) {
        @SuppressWarnings("unchecked")
        List<Object> inner = (List<Object>) l;
        flatten(inner, levels - 1, skipNulls, out);
      } else {
        out.add(x);
        Budget.items(out.size());
      }
    }
    return out;
  }

  private static Object dict2items(Object v, Args a) {
    if (!(v instanceof Map<?, ?> m)) {
      throw a.error("a mapping", v);
    }
    String k = a.string(0, "key");
    String val = a.string(1, "value");
    List<Object> out = new ArrayList<>();
    m.forEach((key, value) -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(k, key);
      item.put(val, value);
      out.add(item);
    });
    return out;
  }

  private static Object items2dict(Object v, Args a) {
    String k = a.string(0, "key");
    String val = a.string(1, "value");
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object item : a.iterable(v)) {
      if (!(item instanceof Map<?, ?> m) || !m.containsKey(k) || !m.containsKey(val)) {
        throw a.fail("each item needs the keys '" + k + "' and '" + val + "'");
      }
      out.put(m.get(k), m.get(val));
    }
    return out;
  }

  private static Object combine(Object v, Args a) {
    boolean recursive = a.bool(1, false);
    String listMerge = a.string(2, "replace");
    List<Object> dicts = new ArrayList<>();
    dicts.add(v);
    for (Object d : a.rest(0)) {
      if (d instanceof List<?> l) {
        dicts.addAll(l);
      } else {
        dicts.add(d);
      }
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Object d : dicts) {
      if (!(d instanceof Map<?, ?> m)) {
        throw a.error("mappings", d);
      }
      merge(out, m, recursive, listMerge, a);
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<Object, Object> into, Map<?, ?> from, boolean recursive, String listMerge, Args a) {
    for (Map.Entry<?, ?> e : from.entrySet()) {
      Object old = into.get(e.getKey());
      Object value = e.getValue();
      if (recursive && old instanceof Map<?, ?> om && value instanceof Map<?, ?> nm) {
        Map<Object, Object> merged = new LinkedHashMap<>((Map<Object, Object>) om);
        merge(merged, nm, true, listMerge, a);
        value = merged;
      } else if (old instanceof List<?> ol && value instanceof List<?> nl && !listMerge.equals("replace")) {
        List<Object> merged = new ArrayList<>();
        switch (listMerge) {
          case "keep" -> merged.addAll(ol);
          case "append" -> { merged.addAll(ol); merged.addAll(nl); }
          case "prepend" -> { merged.addAll(nl); merged.addAll(ol); }
          case "append_rp" -> { merged.addAll(ol); nl.forEach(x -> { if (!Sequences.containsEqual(merged, x)) merged.add(x); }); }
          case "prepend_rp" -> { merged.addAll(nl); ol.forEach(x -> { if (!Sequences.containsEqual(merged, x)) merged.add(x); }); }
          default -> throw a.fail("list_merge is one of replace, keep, append, prepend, append_rp, prepend_rp");
        }
        value = Sequences.bounded(merged);
      }
      into.put(e.getKey(), value);
      Budget.items(into.size());
    }
  }

  private static Object zip(Object v, Args a, boolean longest, Object fill) {
    List<List<Object>> lists = new ArrayList<>();
    lists.add(a.iterable(v));
    for (Object o : a.rest(0)) {
      lists.add(a.iterable(o));
    }
    int n = lists.stream().mapToInt(List::size).reduce(longest ? 0 : Integer.MAX_VALUE,
        longest ? Math::max : Math::min);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Object> tuple = new ArrayList<>();
      for (List<Object> l : lists) {
        tuple.add(i < l.size() ? l.get(i) : fill);
      }
      out.add(tuple);
    }
    return Sequences.bounded(out);
  }

  private static List<Object> among(List<Object> x, List<Object> y, boolean keep) {
    List<Object> out = new ArrayList<>();
    for (Object item : Sequences.unique(x)) {
      if (Sequences.containsEqual(y, item) == keep) {
        out.add(item);
      }
    }
    return out;
  }

  private static Object batch(Object v, Args a) {
    long size = a.integer(0, 1);
    if (size < 1) {
      throw a.fail("the batch size must be at least 1");
    }
    List<Object> out = new ArrayList<>();
    List<Object> current = new ArrayList<>();
    for (Object x : a.iterable(v)) {
      current.add(x);
      if (current.size() == size) {
        out.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      while (a.has(1) && current.size() < size) {
        current.add(a.get(1));
      }
      out.add(current);
    }
    return out;
  }

  private static Object product(Object v, Args a) {
    List<List<Object>> result = new ArrayList<>();
    result.add(new ArrayList<>());
    List<Object> factors = new ArrayList<>();
    factors.add(v);
    factors.addAll(a.rest(0));
    for (Object f : factors) {
      List<List<Object>> next = new ArrayList<>();
      for (List<Object> prefix : result) {
        for (Object x : a.iterable(f)) {
          List<Object> t = new ArrayList<>(prefix);
          t.add(x);
          next.add(t);
          Budget.items(next.size());
        }
      }
      result = next;
    }
    return new ArrayList<Object>(result);
  }
}
