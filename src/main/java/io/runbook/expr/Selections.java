package io.runbook.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code map}, {@code select}/{@code reject} and {@code selectattr}/{@code rejectattr}: a filter or test per item. */
final class Selections {
  private Selections() {}

  /** Jinja2's attribute path: {@code 'a.b'} and {@code 'items.0'} walk mappings and lists. */
  static Object attribute(Object item, Object path, int at) {
    String p = Values.str(path);
    Object current = item;
    int from = 0;
    while (true) {
      int dot = p.indexOf('.', from);
      String part = dot < 0 ? p.substring(from) : p.substring(from, dot);
      current = Access.item(current, current instanceof List && isIndex(part) ? (Object) Long.parseLong(part) : part,
          at, part);
      if (dot < 0 || current instanceof Undefined) {
        return current;
      }
      from = dot + 1;
    }
  }

  private static boolean isIndex(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() == start || s.length() > 18) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static Object map(Object v, Args a) {
    List<Object> out = new ArrayList<>();
    if (a.has(2)) {
      if (v instanceof Map) {
        throw overMapping(a);
      }
      Object attr = a.get(2);
      for (Object item : a.iterable(v)) {
        Object x = attribute(item, attr, a.at);
        out.add(x instanceof Undefined && a.has(3) ? a.get(3) : x);
      }
      return out;
    }
    if (!a.has(0)) {
      throw a.fail("give a filter name, map('lower'), or an attribute, map(attribute='host')");
    }
    String name = a.string(0, "");
    Callable f = Library.STANDARD.filter(name);
    if (f == null) {
      throw a.fail("unknown filter " + Values.repr(name));
    }
    List<Object> extra = a.rest(1);
    for (Object item : a.iterable(v)) {
      out.add(Binding.invoke(f, "filter", item, extra, a.at));
      Budget.items(out.size());
    }
    return out;
  }

  /** select/reject ({@code byAttribute} false) and selectattr/rejectattr. */
  static Object select(Object v, Args a, boolean keep, boolean byAttribute) {
    if (byAttribute && v instanceof Map) {
      throw overMapping(a);
    }
    int testSlot = byAttribute ? 1 : 0;
    Callable test = null;
    if (a.has(testSlot)) {
      String name = a.string(testSlot, "");
      test = Library.STANDARD.test(name);
      if (test == null) {
        throw a.fail("unknown test " + Values.repr(name));
      }
    }
    List<Object> extra = a.rest(testSlot + 1);
    List<Object> out = new ArrayList<>();
    for (Object item : a.iterable(v)) {
      Object subject = byAttribute ? attribute(item, a.get(0), a.at) : item;
      boolean holds = test == null ? Values.truthy(subject, a.at)
          : Values.truthy(Binding.invoke(test, "test", subject, extra, a.at), a.at);
      if (holds == keep) {
        out.add(item);
      }
    }
    return out;
  }

  /** Ansible's extract: {@code 'h1' | extract(hostvars, 'ansible_host')}. */
  static Object extract(Object v, Args a) {
    Object found = Access.item(a.get(0), v, a.at, Values.str(v));
    if (a.has(1)) {
      Object keys = a.get(1);
      for (Object k : keys instanceof List<?> l ? l : List.of(keys)) {
        found = Access.item(found, k, a.at, Values.str(k));
      }
    }
    return found;
  }

  /** As in Jinja2 a mapping gives its keys; by attribute, what was meant is its values or items. */
  private static ExpressionError overMapping(Args a) {
    return a.fail("a mapping gives its keys, which have no attributes: write x | dict2items"
        + " (attributes key and value.NAME) or x.values()");
  }
}
