package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Node ids persisted in {@code <data-dir>/.node}, and the pumps' and drainers' API replies. */
final class NodeId {
  private NodeId() {}

  /** The id in {@code .node}, or {@code fallback} written there on the first start. */
  static String load(Path dataDir, String fallback) throws IOException {
    Path file = dataDir.resolve(".node");
    if (Files.exists(file)) {
      String id = Files.readString(file).strip();
      if (!id.isEmpty()) {
        return id;
      }
    }
    Files.writeString(file, fallback + "\n");
    return fallback;
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
