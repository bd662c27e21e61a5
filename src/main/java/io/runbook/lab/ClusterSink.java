package io.runbook.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * TiDB's pump client for the cluster version: the online pumps as PD lists them (refreshed
 * often), tried in turn from a rotating start; a pump that is not online in PD is never written.
 */
final class ClusterSink implements BinlogSink {
  /** TiDB's ErrNoAvaliablePump (sic), returned at once when PD lists no online Pump. */
  static final String NO_PUMP = "no avaliable pump to write binlog";
  private static final long REFRESH_MILLIS = 300;
  private final Registry registry;
  private List<String> online = List.of();
  private long refreshedAt;
  private int next;

  ClusterSink(Registry registry) {
    this.registry = registry;
  }

  @Override
  public String write(long commitTs, String payload) {
    String error = refresh();
    if (online.isEmpty()) {
      return error != null ? error : NO_PUMP;
    }
    String last = null;
    for (int i = 0; i < online.size(); i++) {
      String host = online.get((next + i) % online.size());
      try {
        HttpJson.post("http://" + host + "/lab/binlog", Map.of("commitTS", commitTs, "payload", payload));
        next = (next + i + 1) % online.size();
        return null;
      } catch (IOException e) {
        last = "write to pump " + host + " failed: " + e.getMessage();
        refreshedAt = 0;
        if (last.contains("too old")) {
          return last;
        }
      }
    }
    return last;
  }

  private String refresh() {
    long now = System.currentTimeMillis();
    if (now - refreshedAt < REFRESH_MILLIS) {
      return null;
    }
    try {
      List<String> found = new ArrayList<>();
      for (Map<String, Object> p : registry.nodes(Registry.PUMPS).values()) {
        if ("online".equals(p.get("state"))) {
          found.add(String.valueOf(p.get("host")));
        }
      }
      online = found;
      refreshedAt = now;
      return null;
    } catch (IOException e) {
      return "cannot reach PD: " + e.getMessage();
    }
  }
}
