package io.runbook.lab;

/**
 * Which TiDB Binlog generation a TiDB or binlog release belongs to (reference §4): the cluster
 * version starts at v2.0.8-binlog (a special 2.0 build) and at v2.1.0-rc.5; before, Kafka/Local.
 */
final class Versions {
  private Versions() {}

  static boolean clusterBinlog(String version) {
    String v = version.replaceFirst("^.*-TiDB-", "").replaceFirst("^v", "");
    boolean binlogBuild = v.endsWith("-binlog");
    String[] parts = v.split("-", 2);
    int[] n = numbers(parts[0]);
    if (binlogBuild) {
      return compare(n, new int[] {2, 0, 8}) >= 0;
    }
    int c = compare(n, new int[] {2, 1, 0});
    if (c != 0) {
      return c > 0;
    }
    String pre = parts.length > 1 ? parts[1] : "";
    if (pre.isEmpty()) {
      return true;
    }
    if (pre.startsWith("rc.")) {
      return Integer.parseInt(pre.substring(3).replaceAll("\\D.*$", "")) >= 5;
    }
    return false;
  }

  /** Whether {@code version}'s major.minor.patch is at least {@code floor}'s (pre-releases aside). */
  static boolean atLeast(String version, String floor) {
    return compare(numbers(version.replaceFirst("^v", "").split("-", 2)[0]),
        numbers(floor.replaceFirst("^v", ""))) >= 0;
  }

  private static int[] numbers(String dotted) {
    String[] s = dotted.split("\\.");
    int[] out = new int[3];
    for (int i = 0; i < 3 && i < s.length; i++) {
      out[i] = Integer.parseInt(s[i].replaceAll("\\D.*$", "").isEmpty() ? "0" : s[i].replaceAll("\\D.*$", ""));
    }
    return out;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
