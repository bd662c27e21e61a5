package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's stand-in for a full re-import (Dumpling at a snapshot, loaded downstream): the
 * downstream is replaced by every transaction TiDB committed up to now, its checkpoint set to
 * that snapshot's timestamp, which is printed, so that a fresh Drainer can start from it.
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
    Path downstream = root.resolve("downstream");
    Files.createDirectories(downstream);
    StringBuilder text = new StringBuilder();
    for (BinlogFile.Entry e : committed) {
      text.append(e.line()).append('\n');
    }
    replace(downstream.resolve(Downstream.BINLOG), text.toString());
    Map<String, Object> cp = new LinkedHashMap<>();
    cp.put("clusterID", 1);
    cp.put("commitTS", snapshot);
    cp.put("positions", Map.of());
    replace(downstream.resolve(Downstream.CHECKPOINT), Json.write(cp));
    return snapshot;
  }

  private static void replace(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".import");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
