package io.runbook.expr;

import java.util.Map;

/**
 * The {@code version:} namespace: comparisons that understand TiDB's version strings (see
 * {@link TidbVersion}). Example: {@code version:ge(tidb_version, 'v2.1.0-rc.5')}.
 */
public final class VersionFunctions {

  /** -1, 0 or 1. */
  public int compare(Object a, Object b) {
    return Integer.signum(v(a).compareTo(v(b)));
  }

  public boolean lt(Object a, Object b) {
    return compare(a, b) < 0;
  }

  public boolean le(Object a, Object b) {
    return compare(a, b) <= 0;
  }

  public boolean gt(Object a, Object b) {
    return compare(a, b) > 0;
  }

  public boolean ge(Object a, Object b) {
    return compare(a, b) >= 0;
  }

  public boolean eq(Object a, Object b) {
    return compare(a, b) == 0;
  }

  /** {major, minor, patch, pre, build, raw}. */
  public Map<String, Object> parse(Object a) {
    return v(a).toMap();
  }

  /** "local", "kafka" or "cluster": the binlog generation a TiDB of this version works with. */
  public String binlogGeneration(Object tidbVersion) {
    return v(tidbVersion).binlogGeneration();
  }

  /** True when TiDB of this version writes cluster binlog (v2.0.8-binlog, v2.1.0-rc.5 and later). */
  public boolean clusterBinlog(Object tidbVersion) {
    return binlogGeneration(tidbVersion).equals("cluster");
  }

  private static TidbVersion v(Object o) {
    return TidbVersion.parse(o == null ? null : String.valueOf(o));
  }
}
