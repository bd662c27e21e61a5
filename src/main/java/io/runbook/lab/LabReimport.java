package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The lab's stand-in for a full re-import (Dumpling at a snapshot, loaded downstream): the
 * downstream (a file or the lab's MariaDB, {@link LabSink}) is replaced by every transaction TiDB
 * committed up to now; the snapshot's timestamp is printed, so that a fresh Drainer can start
 * from it. With MySQL the checkpoint row is set to the snapshot as well (a row the old Drainer
 * left would otherwise win over the new Drainer's initial-commit-ts); a file sink's checkpoint
 * is in each Drainer's own data dir, and a fresh Drainer has none.
 * {@code redeploy-cluster-binlog.yml} runs it through the lab's {@code runtime/reimport.sh}.
 */
final class LabReimport {
  private final Path root;

  LabReimport(Path root) {
    this.root = root;
  }

  long run() throws IOException {
    List<BinlogFile.Entry> committed =
        BinlogFile.read(root.resolve("tidb1").resolve("data.tidb").resolve("committed.log"));
    long snapshot = committed.isEmpty() ? 0 : committed.get(committed.size() - 1).commitTs();
    LabSink sink = LabSink.read(root);
    long clusterId = 0;
    if (sink.mysql()) {
      Map<String, Object> record = Json.object(Files.readString(root.resolve(Lab.RECORD)));
      clusterId = new Registry(String.valueOf(record.get("pd"))).clusterId();
    }
    sink.replaceWith(root, committed, snapshot, clusterId);
    return snapshot;
  }
}
