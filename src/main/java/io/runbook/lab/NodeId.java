package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Node ids persisted in {@code <data-dir>/.node}, node statuses, and the pumps' and drainers' API replies. */
final class NodeId {
  private NodeId() {}

  /**
   * The id in {@code .node}; without one, {@code given} ({@code --node-id}, which TiUP passes;
   * not written down), or else {@code fallback} written there on the first start: the order of
   * pingcap/tidb-binlog pump/node.go {@code NewPumpNode} (a {@code .node} wins over the flag).
   */
  static String load(Path dataDir, String given, String fallback) throws IOException {
    Path file = dataDir.resolve(".node");
    if (Files.exists(file)) {
      String id = Files.readString(file).strip();
      if (!id.isEmpty()) {
        return id;
      }
    }
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    Files.writeString(file, fallback + "\n");
    return fallback;
  }

  /** A pump's or drainer's Node Status, as it is kept in PD and listed by /status and /drainers. */
  static Map<String, Object> status(String nodeId, String host, String state, long maxCommitTs,
      long updateTs) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("nodeId", nodeId);
    node.put("host", host);
    node.put("state", state);
    node.put("isAlive", false);
    node.put("score", 0);
    node.put("label", null);
    node.put("maxCommitTS", maxCommitTs);
    node.put("updateTS", updateTs);
    return node;
  }

  /** {@code {"message":..., "code":..., "data":null}}: pkg/util's Response. */
  static Map<String, Object> response(String message, int code) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("message", message);
    out.put("code", code);
    out.put("data", null);
    return out;
  }
}
