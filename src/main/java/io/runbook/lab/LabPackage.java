package io.runbook.lab;

import java.util.List;

/**
 * A release package as an operator downloads it, e.g. {@code tidb-binlog-v3.0.5-linux-amd64}
 * with {@code bin/pump} and {@code bin/drainer}; each binary is a lab component at that release.
 */
record LabPackage(String name, String version, List<Binary> binaries) {
  /** A file under {@code bin/} and the lab component it runs. */
  record Binary(String file, String component) {}

  /** What the lab ships: two releases of each TiDB Binlog generation and of TiDB. */
  static List<LabPackage> shipped() {
    return List.of(
        tidb("v2.1.0-rc.4"), tidb("v3.0.0"), tidb("v3.0.5"),
        binlog("v3.0.0"), binlog("v3.0.5"),
        kafkaBinlog("v2.0.11"), kafkaBinlog("v2.1.0-rc.4"),
        new LabPackage("kafka_2.12-2.1.0", "2.1.0", List.of(new Binary("kafka-server", "kafka"))),
        new LabPackage("zookeeper-3.4.10", "3.4.10",
            List.of(new Binary("zookeeper-server", "zookeeper"))));
  }

  static LabPackage tidb(String version) {
    return new LabPackage("tidb-" + version + "-linux-amd64", version, List.of(
        new Binary("tidb-server", "tidb-server"), new Binary("pd-server", "pd-server")));
  }

  static LabPackage binlog(String version) {
    return new LabPackage("tidb-binlog-" + version + "-linux-amd64", version, List.of(
        new Binary("pump", "pump"), new Binary("drainer", "drainer"), new Binary("binlogctl", "binlogctl")));
  }

  static LabPackage kafkaBinlog(String version) {
    return new LabPackage("tidb-binlog-kafka-" + version + "-linux-amd64", version, List.of(
        new Binary("pump", "pump-kafka"), new Binary("drainer", "drainer-kafka")));
  }
}
