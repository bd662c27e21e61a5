package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code db-type = "file"}: the applied binlogs go to {@code [syncer.to] dir}
 * ({@code binlog.log}, and {@code applied-at.log} for lab verify's stall figure); the checkpoint
 * is the Drainer's own {@link Savepoint}, saved after each batch and at a graceful stop. As with
 * the real file sink, a Drainer killed between applying a batch and saving its savepoint applies
 * that batch again after a restart, and a second Drainer writing to the same folder knows
 * nothing of the first one's progress.
 */
final class FileDownstream extends Downstream {
  static final String BINLOG = "binlog.log";
  /** When each binlog was applied ({@code <commitTS> <epoch millis>}), for lab verify's stall figure. */
  static final String APPLIED_AT = "applied-at.log";
  private final BinlogFile applied;
  private final BinlogFile appliedAt;
  private final Path savepoint;

  FileDownstream(Path dir, Path savepoint, long initialCommitTs, boolean kafkaEra) throws IOException {
    super(kafkaEra);
    Files.createDirectories(dir);
    Files.createDirectories(savepoint.getParent());
    this.savepoint = savepoint;
    applied = new BinlogFile(dir.resolve(BINLOG));
    appliedAt = new BinlogFile(dir.resolve(APPLIED_AT));
    Savepoint saved = Savepoint.read(savepoint);
    commitTs = saved == null || saved.commitTs() == 0 ? initialCommitTs : saved.commitTs();
    if (saved != null) {
      positions = saved.positions();
    }
  }

  @Override
  synchronized int apply(List<BinlogFile.Entry> batch, Map<String, Object> newPositions) throws IOException {
    int n = 0;
    for (BinlogFile.Entry e : batch) {
      if (e.commitTs() > commitTs) {
        applied.append(e);
        appliedAt.append(new BinlogFile.Entry(e.commitTs(), Long.toString(System.currentTimeMillis())));
        commitTs = e.commitTs();
        n++;
      }
    }
    save(newPositions);
    return n;
  }

  @Override
  synchronized void save(Map<String, Object> newPositions) throws IOException {
    if (newPositions != null) {
      positions = new LinkedHashMap<>(newPositions);
    }
    new Savepoint(commitTs, kafkaEra ? positions : null).write(savepoint);
  }
}
