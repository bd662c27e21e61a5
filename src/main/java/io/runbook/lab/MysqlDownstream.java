package io.runbook.lab;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code db-type = "mysql"} (or {@code "tidb"}): binlogs applied as rows of {@code lab.binlog}
 * on a MySQL-protocol server (the lab's MariaDB), the checkpoint in
 * {@code tidb_binlog.checkpoint(clusterID bigint unsigned primary key, checkPoint MEDIUMTEXT)},
 * one row per cluster ID holding JSON with {@code commitTS} (drainer/checkpoint/mysql.go and
 * util.go; the schema and table as {@code [syncer.to.checkpoint] schema} and {@code table} set
 * them). Two Drainers of one cluster pointed at one server therefore share the checkpoint, which
 * is how the official migration keeps it.
 *
 * <p>A difference from the real one, on purpose: the real Drainer saves the checkpoint in a
 * statement of its own after the loader has applied a batch, and makes the replay after a crash
 * harmless with safe mode (REPLACE on the tables' keys). The lab's rows are a log with no key
 * but their order, so that lab verify can see a binlog applied twice; the rows of a batch and
 * the checkpoint therefore go in one transaction, and a crash loses or repeats nothing.
 */
final class MysqlDownstream extends Downstream {
  static final String SCHEMA = "tidb_binlog";
  static final String TABLE = "checkpoint";
  /** The table the lab's transactions land in, in the order they were applied ({@code seq}). */
  static final String ROWS = "lab.binlog";
  private final MariaDbClient db;
  private final String checkpointTable;
  private final long clusterId;

  MysqlDownstream(MariaDbClient db, String schema, String table, long clusterId, long initialCommitTs,
      boolean kafkaEra) throws IOException {
    super(kafkaEra);
    this.db = db;
    this.checkpointTable = "`" + schema + "`.`" + table + "`";
    this.clusterId = clusterId;
    db.run(createTables(schema, table));
    Map<String, Object> saved = read(db, checkpointTable, clusterId);
    long ts = saved == null ? 0 : Json.number(saved.getOrDefault("commitTS", 0));
    commitTs = ts == 0 ? initialCommitTs : ts;
    if (saved != null) {
      positions = Json.object(saved.get("positions"));
    }
  }

  /** util.go genCreateSchema and genCreateTable, and the lab's table of rows. */
  static String createTables(String schema, String table) {
    return "create schema if not exists `" + schema + "`;\n"
        + "create table if not exists `" + schema + "`.`" + table + "`"
        + "(clusterID bigint unsigned primary key, checkPoint MEDIUMTEXT);\n" + createRows();
  }

  static String createRows() {
    return "create schema if not exists lab;\n"
        + "create table if not exists " + ROWS + "(seq bigint auto_increment primary key,"
        + " commit_ts bigint not null, payload varchar(255) not null, applied_at bigint not null);\n";
  }

  /** The checkpoint row of {@code clusterId} in {@code table}, or null. */
  static Map<String, Object> read(MariaDbClient db, String table, long clusterId) throws IOException {
    String row = db.run("select checkPoint from " + table + " where clusterID = " + clusterId + ";\n").strip();
    return row.isEmpty() ? null : Json.object(row);
  }

  @Override
  synchronized int apply(List<BinlogFile.Entry> batch, Map<String, Object> newPositions) throws IOException {
    StringBuilder values = new StringBuilder();
    long upTo = commitTs;
    int n = 0;
    long now = System.currentTimeMillis();
    for (BinlogFile.Entry e : batch) {
      if (e.commitTs() > upTo) {
        values.append(n++ == 0 ? "" : ",\n  ").append('(').append(e.commitTs()).append(", ")
            .append(MariaDbClient.quote(e.payload())).append(", ").append(now).append(')');
        upTo = e.commitTs();
      }
    }
    Map<String, Object> nextPositions = newPositions == null ? positions : new LinkedHashMap<>(newPositions);
    String insert = n == 0 ? "" : "insert into " + ROWS + "(commit_ts, payload, applied_at) values\n  " + values + ";\n";
    db.run("start transaction;\n" + insert + replaceCheckpoint(checkpointTable, clusterId, kafkaEra, upTo, nextPositions) + "commit;\n");
    commitTs = upTo;
    positions = nextPositions;
    return n;
  }

  @Override
  synchronized void save(Map<String, Object> newPositions) throws IOException {
    Map<String, Object> nextPositions = newPositions == null ? positions : new LinkedHashMap<>(newPositions);
    db.run(replaceCheckpoint(checkpointTable, clusterId, kafkaEra, commitTs, nextPositions));
    positions = nextPositions;
  }

  /** util.go genReplaceSQL, with the JSON of mysql.go's struct (the kafka branch's for that era). */
  static String replaceCheckpoint(String checkpointTable, long clusterId, boolean kafkaEra, long ts,
      Map<String, Object> withPositions) {
    Map<String, Object> cp = new LinkedHashMap<>();
    if (kafkaEra) {
      cp.put("commitTS", ts);
      cp.put("positions", withPositions);
      cp.put("ts-map", Map.of());
    } else {
      cp.put("consistent", false);
      cp.put("commitTS", ts);
      cp.put("ts-map", Map.of());
      cp.put("schema-version", 0);
    }
    return "replace into " + checkpointTable + " values(" + clusterId + ", " + MariaDbClient.quote(Json.write(cp)) + ");\n";
  }
}
