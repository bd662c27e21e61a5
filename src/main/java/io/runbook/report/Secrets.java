package io.runbook.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values of a run, and their masking: every occurrence of one in any text is
 * replaced by {@code ********}, wherever it came from and whatever template it went through.
 * Values shorter than four characters are not masked (they would blank out ordinary text), as
 * Ansible's secret masking also leaves them.
 */
public final class Secrets {
  public static final String MASK = "********";
  private static final int MIN_LENGTH = 4;
  private final Set<String> values = ConcurrentHashMap.newKeySet();
  private volatile List<String> longestFirst = List.of();

  /** Adds every string (and number) found in {@code value}, however deep. */
  public void addAll(Object value) {
    boolean added = collect(value);
    if (added) {
      List<String> sorted = new ArrayList<>(values);
      sorted.sort(Comparator.comparingInt(String::length).reversed());
      longestFirst = sorted;
    }
  }

  private boolean collect(Object value) {
    if (value instanceof io.runbook.yaml.UnsafeText u) {
      return collect(u.text());
    }
    if (value instanceof Map<?, ?> m) {
      boolean any = false;
      for (Object v : m.values()) {
        any |= collect(v);
      }
      return any;
    }
    if (value instanceof Collection<?> c) {
      boolean any = false;
      for (Object v : c) {
        any |= collect(v);
      }
      return any;
    }
    if (value instanceof String || value instanceof Number) {
      String s = String.valueOf(value);
      return s.length() >= MIN_LENGTH && values.add(s);
    }
    return false;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The text with every secret replaced. */
  public String mask(String text) {
    if (text == null || longestFirst.isEmpty()) {
      return text;
    }
    String out = text;
    for (String s : longestFirst) {
      if (out.contains(s)) {
        out = out.replace(s, MASK);
      }
    }
    return out;
  }

  /** A deep copy of maps and lists with every string masked. */
  public Object mask(Object value) {
    if (longestFirst.isEmpty()) {
      return value;
    }
    if (value instanceof String s) {
      return mask(s);
    }
    if (value instanceof Number n && values.contains(String.valueOf(n))) {
      return MASK;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(mask(String.valueOf(k)), mask(v)));
      return out;
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      c.forEach(v -> out.add(mask(v)));
      return out;
    }
    return value;
  }
}
