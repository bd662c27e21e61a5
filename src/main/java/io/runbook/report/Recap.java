package io.runbook.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** The PLAY RECAP counts, per host in the order hosts were first seen. */
public final class Recap {

  /** One host's counters. */
  public static final class Counts {
    public int ok;
    public int changed;
    public int unreachable;
    public int failed;
    public int skipped;
    public int rescued;
    public int ignored;
    public int unknown;
  }

  private final Map<String, Counts> hosts = new LinkedHashMap<>();

  public synchronized Counts of(String host) {
    return hosts.computeIfAbsent(host, h -> new Counts());
  }

  public synchronized Map<String, Counts> hosts() {
    return new LinkedHashMap<>(hosts);
  }

  public synchronized boolean anyFailed() {
    return hosts.values().stream().anyMatch(c -> c.failed > 0);
  }

  public synchronized boolean anyUnreachable() {
    return hosts.values().stream().anyMatch(c -> c.unreachable > 0);
  }
}
