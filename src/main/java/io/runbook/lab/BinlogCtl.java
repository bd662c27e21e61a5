package io.runbook.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's {@code binlogctl}, shipped in each TiDB Binlog package as the real one is: the
 * commands an operator uses on the registry ({@code -cmd pumps|drainers|update-pump|
 * update-drainer}), with the real flags ({@code -pd-urls}, {@code -node-id}, {@code -state},
 * {@code -show-offline-nodes}) and its log-line output. {@code update-*} writes the state into
 * the registry directly, whatever the node is doing, as binlogctl/nodes.go UpdateNodeState does:
 * it is the repair for a node that is gone for good.
 */
final class BinlogCtl {
  private static final List<String> STATES = List.of("online", "pausing", "paused", "closing", "offline");
  private static final DateTimeFormatter LOG_TIME = LabLog.TIME.withZone(ZoneOffset.UTC);

  private BinlogCtl() {}

  static int run(Flags flags, PrintStream out, PrintStream err) {
    String cmd = flags.get("cmd", "pumps");
    Registry registry = new Registry(flags.get("pd-urls", "http://127.0.0.1:2379"));
    try {
      switch (cmd) {
        case "pumps", "drainers" -> query(registry, cmd, flags.bool("show-offline-nodes"), out);
        case "update-pump", "update-drainer" -> update(registry, cmd.substring("update-".length()),
            flags.required("node-id"), flags.required("state"), out);
        default -> {
          err.println(line("ERROR", "main.go:75", "\"unsupported command\"", "[cmd=" + cmd + "]"));
          return 1;
        }
      }
      return 0;
    } catch (IllegalArgumentException | IOException | LabException e) {
      err.println(line("FATAL", "main.go:70", "\"fail to " + cmd + "\"", "[error=\"" + e.getMessage() + "\"]"));
      return 1;
    }
  }

  private static void query(Registry registry, String kinds, boolean showOffline, PrintStream out)
      throws IOException {
    String kind = kinds.substring(0, kinds.length() - 1);
    for (Map<String, Object> n : registry.nodes(prefix(kind)).values()) {
      if (showOffline || !"offline".equals(n.get("state"))) {
        out.println(line("INFO", "nodes.go:49", "\"query node\"", "[type=" + kind + "] [node=\"" + describe(n) + "\"]"));
      }
    }
  }

  private static void update(Registry registry, String kind, String nodeId, String state, PrintStream out)
      throws IOException {
    if (!STATES.contains(state)) {
      throw new IllegalArgumentException("state " + state + " is illegal");
    }
    Map<String, Object> n = registry.nodes(prefix(kind)).get(nodeId);
    if (n == null) {
      throw new IllegalArgumentException("node " + nodeId + " not found");
    }
    Map<String, Object> updated = new LinkedHashMap<>(n);
    updated.put("state", state);
    registry.put(prefix(kind) + nodeId, updated);
    out.println(line("INFO", "nodes.go:80", "\"update node state\"", "[type=" + kind + "] [node-id=" + nodeId
        + "] [state=" + state + "]"));
  }

  private static String prefix(String kind) {
    return kind.equals("pump") ? Registry.PUMPS : Registry.DRAINERS;
  }

  /** pkg/node/node.go Status.String. */
  private static String describe(Map<String, Object> n) {
    long updateTs = Json.number(n.getOrDefault("updateTS", 0));
    return "{NodeID: " + n.get("nodeId") + ", Addr: " + n.get("host") + ", State: " + n.get("state")
        + ", MaxCommitTS: " + Json.number(n.getOrDefault("maxCommitTS", 0)) + ", UpdateTime: "
        + LOG_TIME.format(Instant.ofEpochMilli(updateTs >> 18)) + "}";
  }

  private static String line(String level, String where, String message, String fields) {
    return "[" + LOG_TIME.format(Instant.now()) + "] [" + level + "] [" + where + "] [" + message + "] " + fields;
  }
}
