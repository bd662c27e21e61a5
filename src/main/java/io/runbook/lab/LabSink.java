package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's downstream as lab verify and the re-import see it: {@code file}, the folder
 * {@code downstream/} the Drainers' file sinks write, or {@code mysql}, the lab's MariaDB, whose
 * address {@code lab up} keeps in {@code mariadb1/conf/client.json} (readable by its owner only:
 * it holds the password).
 *
 * @param kind {@link #FILE} or {@link #MYSQL}
 * @param server the MariaDB, or null for a file downstream
 */
record LabSink(String kind, MariaDbClient server) {
  static final String FILE = "file";
  static final String MYSQL = "mysql";
  static final LabSink FILE_SINK = new LabSink(FILE, null);

  boolean mysql() {
    return MYSQL.equals(kind);
  }

  static Path clientFile(Path root) {
    return root.resolve(LabMariaDb.HOST).resolve("conf").resolve("client.json");
  }

  static LabSink read(Path root) throws IOException {
    Path f = clientFile(root);
    if (!Files.exists(f)) {
      return FILE_SINK;
    }
    Map<String, Object> c = Json.object(Files.readString(f));
    return new LabSink(MYSQL, new MariaDbClient(String.valueOf(c.get("host")), (int) Json.number(c.get("port")),
        String.valueOf(c.get("user")), String.valueOf(c.get("password"))));
  }

  void write(Path root) throws IOException {
    Path f = clientFile(root);
    Files.createDirectories(f.getParent());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("host", server.host());
    c.put("port", server.port());
    c.put("user", server.user());
    c.put("password", server.password());
    Files.deleteIfExists(f);
    Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(f, Json.write(c) + "\n");
  }

  /** The binlogs applied downstream, in the order they were applied. */
  List<BinlogFile.Entry> applied(Path root) throws IOException {
    return mysql() ? rows("payload") : BinlogFile.read(root.resolve("downstream").resolve(FileDownstream.BINLOG));
  }

  /** When each binlog was applied: {@code <commitTS> <epoch millis>}. */
  List<BinlogFile.Entry> appliedAt(Path root) throws IOException {
    return mysql() ? rows("applied_at") : BinlogFile.read(root.resolve("downstream").resolve(FileDownstream.APPLIED_AT));
  }

  /**
   * Where the checkpoint is and its commit timestamp (-1 when there is none): the row in
   * {@code tidb_binlog.checkpoint}, or the savepoint of the cluster Drainer (else the Kafka-era
   * one) in its data dir.
   */
  Map.Entry<String, Long> checkpoint(Path root) throws IOException {
    if (mysql()) {
      String table = "`" + MysqlDownstream.SCHEMA + "`.`" + MysqlDownstream.TABLE + "`";
      long ts = -1;
      String text = server.run(MysqlDownstream.createTables(MysqlDownstream.SCHEMA, MysqlDownstream.TABLE)
          + "select checkPoint from " + table + ";\n");
      for (String row : text.split("\n")) {
        if (!row.isBlank()) {
          ts = Math.max(ts, Json.number(Json.object(row).getOrDefault("commitTS", 0)));
        }
      }
      return Map.entry(MysqlDownstream.SCHEMA + "." + MysqlDownstream.TABLE + " on " + server.host() + ":"
          + server.port(), ts);
    }
    for (String host : List.of("drainer1", "kafka_drainer1")) {
      Path f = root.resolve(host).resolve("data.drainer").resolve(Savepoint.FILE);
      Savepoint sp = Savepoint.read(f);
      if (sp != null) {
        return Map.entry(root.relativize(f).toString(), sp.commitTs());
      }
    }
    return Map.entry("no savepoint", -1L);
  }

  private List<BinlogFile.Entry> rows(String column) throws IOException {
    List<BinlogFile.Entry> out = new ArrayList<>();
    String text = server.run(MysqlDownstream.createRows() + "select commit_ts, " + column + " from "
        + MysqlDownstream.ROWS + " order by seq;\n");
    for (String line : text.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        out.add(new BinlogFile.Entry(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1)));
      }
    }
    return out;
  }

  /**
   * The re-import: the downstream's data replaced by {@code committed}; with MySQL the
   * checkpoint row of {@code clusterId} set to {@code snapshot} too, as the new Drainer would
   * otherwise take an older row left there over its initial-commit-ts.
   */
  void replaceWith(Path root, List<BinlogFile.Entry> committed, long snapshot, long clusterId) throws IOException {
    if (!mysql()) {
      StringBuilder text = new StringBuilder();
      committed.forEach(e -> text.append(e.line()).append('\n'));
      Path file = root.resolve("downstream").resolve(FileDownstream.BINLOG);
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".import");
      Files.writeString(tmp, text.toString());
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    StringBuilder sql = new StringBuilder(MysqlDownstream.createTables(MysqlDownstream.SCHEMA, MysqlDownstream.TABLE))
        .append("start transaction;\ndelete from ")
        .append(MysqlDownstream.ROWS).append(";\n");
    long now = System.currentTimeMillis();
    for (BinlogFile.Entry e : committed) {
      sql.append("insert into ").append(MysqlDownstream.ROWS).append("(commit_ts, payload, applied_at) values (")
          .append(e.commitTs()).append(", ").append(MariaDbClient.quote(e.payload())).append(", ").append(now).append(");\n");
    }
    sql.append(MysqlDownstream.replaceCheckpoint("`" + MysqlDownstream.SCHEMA + "`.`" + MysqlDownstream.TABLE + "`",
        clusterId, false, snapshot, Map.of())).append("commit;\n");
    server.run(sql.toString());
  }
}
