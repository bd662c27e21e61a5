package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file-sink Drainer's checkpoint, {@code <data-dir>/savepoint} (drainer/util.go
 * {@code GenCheckPointCfg}), in TOML as the real one encodes it and replaced atomically: a temp
 * file beside it, then a rename (pkg/util {@code WriteFileAtomic}). The cluster version writes
 * drainer/checkpoint/file.go's fields, {@code consistent}, {@code commitTS} and
 * {@code schema-version}; the Kafka version (kafka branch, drainer/checkpoint/pb.go) writes
 * {@code commitTS} and a {@code [positions]} table, in the lab the topic's {@code kafka-offset}.
 *
 * @param commitTs the checkpoint's commit timestamp
 * @param positions the Kafka era's positions, or null for the cluster version's fields
 */
record Savepoint(long commitTs, Map<String, Object> positions) {
  static final String FILE = "savepoint";

  /** The savepoint in {@code file}, or null when there is none. */
  static Savepoint read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    LabConfig toml = LabConfig.read(file.toString());
    Map<String, Object> positions = new LinkedHashMap<>();
    String offset = toml.string("positions." + KafkaDrainerServer.OFFSET_KEY, null);
    if (offset != null) {
      positions.put(KafkaDrainerServer.OFFSET_KEY, Long.parseLong(offset));
    }
    return new Savepoint((long) toml.number("commitTS", 0), positions);
  }

  String toml() {
    if (positions == null) {
      return "consistent = false\ncommitTS = " + commitTs + "\nschema-version = 0\n";
    }
    StringBuilder b = new StringBuilder("commitTS = " + commitTs + "\n\n[positions]\n");
    positions.forEach((k, v) -> b.append("  ").append(k).append(" = ").append(v).append('\n'));
    return b.toString();
  }

  void write(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, toml());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
