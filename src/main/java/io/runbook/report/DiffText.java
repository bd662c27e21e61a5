package io.runbook.report;

import java.util.List;

/** A unified-style diff of two texts, enough for an operator to see what a task changes. */
final class DiffText {
  private DiffText() {}

  static String render(HostResult.Diff d) {
    StringBuilder sb = new StringBuilder();
    sb.append("--- before: ").append(d.before() == null ? "(absent)" : d.path()).append('\n');
    sb.append("+++ after: ").append(d.after() == null ? "(absent)" : d.path()).append('\n');
    List<String> a = d.before() == null ? List.of() : d.before().lines().toList();
    List<String> b = d.after() == null ? List.of() : d.after().lines().toList();
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        sb.append('-').append(a.get(i++)).append('\n');
      } else {
        sb.append('+').append(b.get(j++)).append('\n');
      }
    }
    return sb.toString().stripTrailing();
  }
}
