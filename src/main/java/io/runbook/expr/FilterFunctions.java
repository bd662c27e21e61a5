package io.runbook.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Ansible's filters on lists, as functions: {@code selectattr(nodes, 'state', 'online')} is
 * {@code nodes | selectattr('state', 'equalto', 'online')}; {@code mapattr(nodes, 'host')} is
 * {@code map(attribute='host')}; {@code difference}, {@code intersect} and {@code union} keep
 * the first list's order; {@code extract(names, hostvars, 'ansible_host')} is
 * {@code map('extract', hostvars, 'ansible_host')}. Pure, like every function: new lists, arguments untouched.
 */
public class FilterFunctions {
  /** The mappings of {@code items} whose {@code key} equals {@code value} (numbers by value). */
  public List<Object> selectattr(Object items, Object key, Object value) {
    return filter(items, key, value, true);
  }

  /** The mappings of {@code items} whose {@code key} does not equal {@code value}. */
  public List<Object> rejectattr(Object items, Object key, Object value) {
    return filter(items, key, value, false);
  }

  /** The value of {@code key} in each mapping of {@code items} (null where it is missing). */
  public List<Object> mapattr(Object items, Object key) {
    List<Object> out = new ArrayList<>();
    for (Object item : collection(items)) {
      out.add(item instanceof Map<?, ?> m ? m.get(String.valueOf(key)) : null);
    }
    return out;
  }

  /**
   * {@code key} of {@code mapping[name]} for each name: Ansible's
   * {@code groups['pd_servers'] | map('extract', hostvars, 'ansible_host')}.
   */
  public List<Object> extract(Object names, Object mapping, Object key) {
    if (!(mapping instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("extract needs a mapping, not " + Expressions.describe(mapping));
    }
    List<Object> out = new ArrayList<>();
    for (Object name : collection(names)) {
      Object entry = m.get(String.valueOf(name));
      out.add(entry instanceof Map<?, ?> e ? e.get(String.valueOf(key)) : null);
    }
    return out;
  }

  /** What is in {@code a} and not in {@code b}, without repeats. */
  public List<Object> difference(Object a, Object b) {
    return sameIn(a, b, false);
  }

  /** What is in both, without repeats. */
  public List<Object> intersect(Object a, Object b) {
    return sameIn(a, b, true);
  }

  /** The items of {@code a}, once each, that are ({@code inB}) or are not in {@code b}. */
  private List<Object> sameIn(Object a, Object b, boolean inB) {
    Collection<Object> other = collection(b);
    List<Object> out = new ArrayList<>();
    for (Object x : new LinkedHashSet<>(collection(a))) {
      if (other.stream().anyMatch(y -> equalValues(x, y)) == inB) {
        out.add(x);
      }
    }
    return out;
  }

  /** What is in either, without repeats. */
  public List<Object> union(Object a, Object b) {
    LinkedHashSet<Object> out = new LinkedHashSet<>(collection(a));
    out.addAll(collection(b));
    return new ArrayList<>(out);
  }

  private List<Object> filter(Object items, Object key, Object value, boolean keep) {
    List<Object> out = new ArrayList<>();
    for (Object item : collection(items)) {
      boolean matches = item instanceof Map<?, ?> m && equalValues(m.get(String.valueOf(key)), value);
      if (matches == keep) {
        out.add(item);
      }
    }
    return out;
  }

  private static boolean equalValues(Object x, Object y) {
    if (x instanceof Number a && y instanceof Number b) {
      return new java.math.BigDecimal(a.toString()).compareTo(new java.math.BigDecimal(b.toString())) == 0;
    }
    return Objects.equals(x, y);
  }

  @SuppressWarnings("unchecked")
  private static Collection<Object> collection(Object x) {
    if (x instanceof Collection<?> c) {
      return (Collection<Object>) c;
    }
    if (x instanceof Map<?, ?> m) {
      return (Collection<Object>) m.values();
    }
    if (x instanceof Object[] array) {
      return java.util.Arrays.asList(array);
    }
    if (x == null) {
      return List.of();
    }
    throw new IllegalArgumentException("expected a list, not " + Expressions.describe(x));
  }
}
