package io.runbook.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a play's hosts into batches per {@code serial}: sizes are numbers or percentages of the
 * play's host count (never less than one host), and the last size repeats, as in Ansible.
 * Example: 20 hosts with {@code serial: "30%"} give 6, 6, 6, 2.
 */
final class Batches {
  private Batches() {}

  /** {@code sizes} hold Long or "N%" strings, already rendered; empty means one batch. */
  static List<List<String>> split(List<String> hosts, List<Object> sizes) {
    List<List<String>> batches = new ArrayList<>();
    if (hosts.isEmpty()) {
      return batches;
    }
    if (sizes.isEmpty()) {
      batches.add(List.copyOf(hosts));
      return batches;
    }
    int next = 0;
    int sizeIndex = 0;
    while (next < hosts.size()) {
      Object size = sizes.get(Math.min(sizeIndex++, sizes.size() - 1));
      int n = size(size, hosts.size());
      int end = Math.min(hosts.size(), next + n);
      batches.add(List.copyOf(hosts.subList(next, end)));
      next = end;
    }
    return batches;
  }

  static int size(Object size, int total) {
    int n;
    if (size instanceof Number num) {
      n = num.intValue();
      if (n == 0) {
        n = total; // serial: 0 means "all at once", as in Ansible
      }
    } else {
      String s = String.valueOf(size).trim();
      if (s.endsWith("%")) {
        double pct = Double.parseDouble(s.substring(0, s.length() - 1));
        n = (int) (total * pct / 100.0);
      } else {
        n = Integer.parseInt(s);
      }
    }
    return Math.max(1, n);
  }
}
