package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a Drainer applies binlogs and keeps its checkpoint, chosen by {@code [syncer] db-type} as
 * pingcap/tidb-binlog drainer/util.go {@code GenCheckPointCfg} chooses: {@code file} (and
 * {@code pb}, the Kafka era's name for it) keeps the checkpoint in {@code <data-dir>/savepoint},
 * the Drainer's own; {@code mysql} and {@code tidb} keep it downstream in
 * {@code tidb_binlog.checkpoint}, one row per cluster ID, which any Drainer of the same cluster
 * pointed at the same server reads. Without a checkpoint, or with one at 0, a Drainer starts at
 * {@code initial-commit-ts} (drainer/checkpoint/file.go and mysql.go {@code Load}): a checkpoint
 * that is there always wins.
 *
 * <p>The Kafka-era Drainer passes its positions ({@code kafka-offset}); the cluster Drainer
 * passes null, and its checkpoint has the fields of the cluster version's instead.
 */
abstract class Downstream {
  /** Whether the checkpoint is the Kafka version's (with positions) rather than the cluster version's. */
  protected final boolean kafkaEra;
  /** The checkpoint: every binlog up to this commit timestamp is applied. */
  protected long commitTs;
  /** The Kafka era's positions saved with the checkpoint (empty for the cluster Drainer). */
  protected Map<String, Object> positions = new LinkedHashMap<>();

  Downstream(boolean kafkaEra) {
    this.kafkaEra = kafkaEra;
  }

  final synchronized long commitTs() {
    return commitTs;
  }

  final synchronized Map<String, Object> positions() {
    return new LinkedHashMap<>(positions);
  }

  /**
   * Applies the binlogs of {@code batch} past the checkpoint, in order, then saves the
   * checkpoint (with {@code positions} when not null); returns how many were applied.
   */
  abstract int apply(List<BinlogFile.Entry> batch, Map<String, Object> positions) throws IOException;

  /** Saves the checkpoint as it stands (with {@code positions} when not null). */
  abstract void save(Map<String, Object> positions) throws IOException;

  /** The downstream {@code conf} names, for a Drainer whose data dir is {@code dataDir}. */
  static Downstream open(LabConfig conf, Path dataDir, long initialCommitTs, Registry registry,
      boolean kafkaEra) throws IOException {
    String dbType = conf.string("syncer.db-type", "mysql"); // drainer/config.go: dest-db-type defaults to mysql
    switch (dbType) {
      case "file", "pb" -> {
        // drainer/config.go adjustConfig: no [syncer.to] dir means the data dir itself
        Path dir = Path.of(conf.string("syncer.to.dir", dataDir.toString()));
        return new FileDownstream(dir, dataDir.resolve(Savepoint.FILE), initialCommitTs, kafkaEra);
      }
      case "mysql", "tidb" -> {
        return new MysqlDownstream(MariaDbClient.from(conf), conf.string("syncer.to.checkpoint.schema",
            MysqlDownstream.SCHEMA), conf.string("syncer.to.checkpoint.table", MysqlDownstream.TABLE),
            registry.clusterId(), initialCommitTs, kafkaEra);
      }
      default -> throw new IOException("the lab's drainer writes to db-type \"file\" or \"mysql\"/\"tidb\", not \""
          + dbType + "\"");
    }
  }
}
