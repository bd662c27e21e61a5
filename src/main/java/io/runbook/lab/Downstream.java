package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The drainers' downstream: a file of applied binlogs ({@code binlog.log}) and the checkpoint
 * beside it ({@code checkpoint.json}, standing in for the table {@code tidb_binlog.checkpoint}:
 * the Kafka-era and cluster drainers share it, which is what lets the migration resume from the
 * old checkpoint). Applying a binlog and advancing the checkpoint are not one transaction, so a
 * restart takes the later of the checkpoint and the last applied binlog: nothing twice.
 */
final class Downstream {
  static final String BINLOG = "binlog.log";
  static final String CHECKPOINT = "checkpoint.json";
  /** When each binlog was applied ({@code <commitTS> <epoch millis>}), for lab verify's stall figure. */
  static final String APPLIED_AT = "applied-at.log";
  private final Path dir;
  private final BinlogFile applied;
  private final BinlogFile appliedAt;
  private long commitTs;
  private Map<String, Object> positions = new LinkedHashMap<>();

  Downstream(Path dir, long initialCommitTs) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir);
    applied = new BinlogFile(dir.resolve(BINLOG));
    appliedAt = new BinlogFile(dir.resolve(APPLIED_AT));
    Map<String, Object> cp = readCheckpoint(dir);
    commitTs = Math.max(cp == null ? initialCommitTs : Json.number(cp.get("commitTS")), applied.maxCommitTs());
    if (cp != null) {
      positions = Json.object(cp.get("positions"));
    }
  }

  static Map<String, Object> readCheckpoint(Path dir) throws IOException {
    Path f = dir.resolve(CHECKPOINT);
    return Files.exists(f) ? Json.object(Files.readString(f)) : null;
  }

  synchronized long commitTs() {
    return commitTs;
  }

  synchronized Map<String, Object> positions() {
    return new LinkedHashMap<>(positions);
  }

  /** Applies {@code e} unless the checkpoint is already past it; true when applied. */
  synchronized boolean apply(BinlogFile.Entry e) throws IOException {
    if (e.commitTs() <= commitTs) {
      return false;
    }
    applied.append(e);
    appliedAt.append(new BinlogFile.Entry(e.commitTs(), Long.toString(System.currentTimeMillis())));
    commitTs = e.commitTs();
    return true;
  }

  /**
   * Saves the checkpoint (and the Kafka era's positions, when given). Never moves it back: after
   * a migration the old drainer may still save on its way out, behind the new one.
   */
  synchronized void saveCheckpoint(Map<String, Object> newPositions) throws IOException {
    if (newPositions != null) {
      positions = new LinkedHashMap<>(newPositions);
    }
    Map<String, Object> onDisk = readCheckpoint(dir);
    long saved = onDisk == null ? 0 : Json.number(onDisk.get("commitTS"));
    Map<String, Object> cp = new LinkedHashMap<>();
    cp.put("clusterID", 1);
    cp.put("commitTS", Math.max(commitTs, saved));
    cp.put("positions", positions);
    Path tmp = dir.resolve(CHECKPOINT + ".tmp");
    Files.writeString(tmp, Json.write(cp));
    Files.move(tmp, dir.resolve(CHECKPOINT), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
