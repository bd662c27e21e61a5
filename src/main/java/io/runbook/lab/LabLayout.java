package io.runbook.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the lab's processes live and listen. Ports are TiDB's defaults plus {@code offset}
 * (so two labs can run side by side), except where two generations would collide during the
 * migration: the Kafka-era pump listens on 8260 and its drainer on 8248.
 *
 * <p>The cluster era: pd1, pump1–3, drainer1, tidb1 (TiDB v3.0.0, binlog v3.0.0). The Kafka
 * era: pd1, kafka1, zookeeper1, tidb1 (TiDB v2.1.0-rc.4, with its Kafka pump in the same
 * deploy folder, reached through {@code status/pump.sock}) and kafka_drainer1.
 */
record LabLayout(Path root, String era, int offset, LabSink sink) {
  static final String CLUSTER = "cluster";
  static final String KAFKA = "kafka";
  static final String CLUSTER_TIDB = "v3.0.0";
  static final String CLUSTER_BINLOG = "v3.0.0";
  static final String KAFKA_TIDB = "v2.1.0-rc.4";
  static final String KAFKA_BINLOG = "v2.1.0-rc.4";

  LabLayout(Path root, String era, int offset) {
    this(root, era, offset, LabSink.FILE_SINK);
  }

  int port(int base) {
    return base + offset;
  }

  String pdUrl() {
    return "http://127.0.0.1:" + port(2379);
  }

  Path downstream() {
    return root.resolve("downstream");
  }

  Path packages() {
    return root.resolve("packages");
  }

  /** The processes {@code lab up} deploys and starts, in start order. */
  List<LabNode> nodes() {
    boolean kafka = era.equals(KAFKA);
    List<LabNode> out = new ArrayList<>();
    String tidbPackage = LabPackage.tidb(kafka ? KAFKA_TIDB : CLUSTER_TIDB).name();
    out.add(new LabNode("pd1", "pd1", "pd", "pd-server", tidbPackage, port(2379), List.of(
        "--name=pd1", "--client-urls=" + pdUrl(), "--peer-urls=http://127.0.0.1:" + port(2380),
        "--data-dir=data.pd", "--log-file=log/pd.log"), null));
    if (kafka) {
      out.add(kafkaNode());
      out.add(zookeeperNode());
      out.add(kafkaPumpNode());
      out.add(kafkaDrainerNode());
    } else {
      for (int i = 1; i <= 3; i++) {
        out.add(pumpNode("pump" + i, port(8249 + i), CLUSTER_BINLOG));
      }
      out.add(drainerNode("drainer1", port(8249), CLUSTER_BINLOG));
    }
    out.add(tidbNode(kafka));
    return out;
  }

  LabNode pumpNode(String host, int port, String version) {
    return new LabNode(host, host, "pump", "pump", LabPackage.binlog(version).name(), port, List.of(
        "--addr=127.0.0.1:" + port, "--advertise-addr=127.0.0.1:" + port, "--pd-urls=" + pdUrl(),
        "--data-dir=data.pump", "--log-file=log/pump.log", "--config=conf/pump.toml"),
        "gc = 7\nheartbeat-interval = 1\n");
  }

  LabNode drainerNode(String host, int port, String version) {
    return new LabNode(host, host, "drainer", "drainer", LabPackage.binlog(version).name(), port,
        List.of("--addr=127.0.0.1:" + port, "--pd-urls=" + pdUrl(), "--data-dir=data.drainer",
            "--log-file=log/drainer.log", "--config=conf/drainer.toml", "--initial-commit-ts=0"),
        drainerConfig());
  }

  /** The drainers' config: a file downstream, or the lab's MariaDB (its checkpoint in tidb_binlog.checkpoint). */
  private String drainerConfig() {
    String to = !sink.mysql() ? "db-type = \"file\"\n\n[syncer.to]\ndir = \"" + downstream() + "\"\n"
        : "db-type = \"mysql\"\n\n[syncer.to]\nhost = \"" + sink.server().host() + "\"\nport = "
            + sink.server().port() + "\nuser = \"" + sink.server().user() + "\"\npassword = \""
            + sink.server().password() + "\"\n";
    return "# lab: synced-check-time and detect-interval are in seconds (minutes/seconds in production)\n"
        + "detect-interval = 1\nsynced-check-time = 3\n\n[syncer]\n" + to;
  }

  private LabNode tidbNode(boolean kafka) {
    String binlog = kafka
        ? "[binlog]\nbinlog-socket = \"status/pump.sock\"\nignore-error = false\nwrite-timeout = \"3s\"\n"
        : "[binlog]\nenable = true\nignore-error = false\nwrite-timeout = \"3s\"\n";
    return new LabNode("tidb1", "tidb1", "tidb", "tidb-server",
        LabPackage.tidb(kafka ? KAFKA_TIDB : CLUSTER_TIDB).name(), port(4000), List.of(
            "-P", String.valueOf(port(4000)), "--status=" + port(10080), "--path=127.0.0.1:" + port(2379),
            "--config=conf/tidb.toml", "--log-file=log/tidb.log"), binlog);
  }

  private LabNode kafkaNode() {
    return new LabNode("kafka1", "kafka1", "kafka", "kafka-server", "kafka_2.12-2.1.0", port(9092),
        List.of("--listen=127.0.0.1:" + port(9092), "--data-dir=data.kafka", "--log-file=log/kafka.log"),
        null);
  }

  private LabNode zookeeperNode() {
    return new LabNode("zookeeper1", "zookeeper1", "zookeeper", "zookeeper-server", "zookeeper-3.4.10",
        port(2181), List.of("--listen=127.0.0.1:" + port(2181), "--data-dir=data.zookeeper",
            "--log-file=log/zookeeper.log"), null);
  }

  /** The Kafka-era pump runs on the TiDB host, in TiDB's deploy folder, as tidb-ansible put it. */
  private LabNode kafkaPumpNode() {
    int port = port(8260);
    return new LabNode("tidb1", "tidb1", "pump", "pump", LabPackage.kafkaBinlog(KAFKA_BINLOG).name(), port,
        List.of("--addr=127.0.0.1:" + port, "--advertise-addr=127.0.0.1:" + port,
            "--socket=status/pump.sock", "--kafka-addrs=127.0.0.1:" + port(9092),
            "--zookeeper-addrs=127.0.0.1:" + port(2181), "--pd-urls=" + pdUrl(), "--data-dir=data.pump",
            "--log-file=log/pump.log", "--config=conf/pump.toml"), "gc = 7\n");
  }

  private LabNode kafkaDrainerNode() {
    int port = port(8248);
    return new LabNode("kafka_drainer1", "kafka_drainer1", "drainer", "drainer",
        LabPackage.kafkaBinlog(KAFKA_BINLOG).name(), port, List.of("--addr=127.0.0.1:" + port,
            "--kafka-addrs=127.0.0.1:" + port(9092), "--zookeeper-addrs=127.0.0.1:" + port(2181),
            "--pd-urls=" + pdUrl(), "--data-dir=data.drainer", "--log-file=log/drainer.log",
            "--config=conf/drainer.toml", "--initial-commit-ts=0"), drainerConfig());
  }
}
