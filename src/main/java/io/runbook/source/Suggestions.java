package io.runbook.source;

/** "Did you mean": the known name nearest to a mistyped one. */
public final class Suggestions {
  private Suggestions() {}

  /** The candidate nearest to {@code name}, for "did you mean": within two edits, else null. */
  public static String nearest(String name, Iterable<String> candidates) {
    String best = null;
    int bestDistance = 3;
    for (String c : candidates) {
      int d = editDistance(name, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  public static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
