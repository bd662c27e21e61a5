package io.runbook.lab;

/**
 * The inventory that addresses a lab: both generations' groups, tidb-ansible's variable names,
 * the packages the upgrade playbooks install from. {@code inventories/lab.yml} is this text for
 * the default folder, with {@code lab_dir} relative to the inventory. Its first line names the
 * JSON schema that editors check it against ({@code schema}, relative to the inventory).
 */
final class LabInventory {
  private LabInventory() {}

  /** Where drainer.toml.tpl points the drainers: the downstream folder, or the lab's MariaDB. */
  private static String downstream(LabSink sink) {
    if (!sink.mysql()) {
      return "    drainer_downstream_kind: file\n    drainer_downstream_dir: \"{{ lab_dir }}/downstream\"\n";
    }
    MariaDbClient s = sink.server();
    return "    # the lab's MariaDB (lab up --downstream mysql); the checkpoint is in tidb_binlog.checkpoint\n"
        + "    drainer_downstream_kind: mysql\n"
        + "    drainer_downstream_host: " + s.host() + "\n"
        + "    drainer_downstream_port: " + s.port() + "\n"
        + "    drainer_downstream_user: " + s.user() + "\n"
        + "    drainer_downstream_password: \"" + s.password() + "\"\n";
  }

  static String yaml(LabLayout l, String labDir, String schema) {
    return yaml(l, labDir, schema, HostLayout.LAB, l.nodes());
  }

  /** For a lab laid out as {@code h}: its process_supervision, deploy folders and systemd settings. */
  static String yaml(LabLayout l, String labDir, String schema, HostLayout h, java.util.List<LabNode> nodes) {
    java.util.function.Function<String, String> dir = host -> nodes.stream().filter(n -> n.host().equals(host))
        .map(LabNode::dir).findFirst().orElse(host);
    String systemd = !h.tiup() ? "" : "    # TiUP's units, through the lab's systemctl stand-in (the lab cannot run systemd)\n"
        + "    systemd_scope: " + h.scope() + "\n"
        + "    systemctl_command: \"{{ lab_dir }}/runtime/bin/systemctl\"\n"
        + "    systemd_unit_dir: \"{{ lab_dir }}/systemd/" + h.scope() + "\"\n";
    return "# yaml-language-server: $schema=" + schema + "\n"
        + "# The local lab (runbook lab up): a TiDB Binlog deployment of real processes on 127.0.0.1.\n"
        + "# Both generations' hosts are here; which ones run depends on 'runbook lab up --era'.\n"
        + "all:\n"
        + "  vars:\n"
        + "    ansible_connection: local\n"
        + "    ansible_host: 127.0.0.1\n"
        + "    lab_dir: \"" + labDir + "\"\n"
        + "    process_supervision: " + h.processSupervision() + "\n" + systemd
        + "    enable_binlog: true\n"
        + "    pd_client_port: " + l.port(2379) + "\n"
        + "    tidb_port: " + l.port(4000) + "\n"
        + "    tidb_status_port: " + l.port(10080) + "\n"
        + "    # what the upgrade playbooks install, from the lab's release packages\n"
        + "    binlog_version: v3.0.5\n"
        + "    tidb_version: v3.0.0\n"
        + "    packages_dir: \"{{ lab_dir }}/packages\"\n"
        + "    binlog_package_dir: \"{{ packages_dir }}/tidb-binlog-{{ binlog_version }}-linux-amd64\"\n"
        + "    tidb_package_dir: \"{{ packages_dir }}/tidb-{{ tidb_version }}-linux-amd64\"\n"
        + downstream(l.sink())
        + "    # the lab's drainers count synced-check-time in seconds (production: minutes)\n"
        + "    drainer_synced_check_time: 3\n"
        + "    pump_heartbeat_interval: 1\n"
        + "    # redeploy-cluster-binlog.yml: the lab's stand-in for a full re-import downstream\n"
        + "    reimport_command: \"{{ lab_dir }}/runtime/reimport.sh\"\n"
        + "  children:\n"
        + "    pd_servers:\n"
        + "      hosts:\n"
        + "        pd1: {deploy_dir: \"{{ lab_dir }}/pd1\"}\n"
        + "    tidb_servers:\n"
        + "      hosts:\n"
        + "        tidb1: {deploy_dir: \"{{ lab_dir }}/tidb1\", kafka_pump_port: " + l.port(8260) + "}\n"
        + "    pump_servers:\n"
        + "      hosts:\n"
        + "        pump1: {deploy_dir: \"{{ lab_dir }}/" + dir.apply("pump1") + "\", pump_port: " + l.port(8250) + "}\n"
        + "        pump2: {deploy_dir: \"{{ lab_dir }}/" + dir.apply("pump2") + "\", pump_port: " + l.port(8251) + "}\n"
        + "        pump3: {deploy_dir: \"{{ lab_dir }}/" + dir.apply("pump3") + "\", pump_port: " + l.port(8252) + "}\n"
        + "    drainer_servers:\n"
        + "      hosts:\n"
        + "        drainer1: {deploy_dir: \"{{ lab_dir }}/" + dir.apply("drainer1") + "\", drainer_port: " + l.port(8249)
        + ", initial_commit_ts: 0}\n"
        + "    # the Kafka era (migrate-kafka-to-cluster.yml): its pump lives on the TiDB host\n"
        + "    kafka_drainer_servers:\n"
        + "      hosts:\n"
        + "        kafka_drainer1: {deploy_dir: \"{{ lab_dir }}/kafka_drainer1\", drainer_port: "
        + l.port(8248) + "}\n"
        + "    kafka_servers:\n"
        + "      hosts:\n"
        + "        kafka1: {deploy_dir: \"{{ lab_dir }}/kafka1\", kafka_port: " + l.port(9092) + "}\n"
        + "    zookeeper_servers:\n"
        + "      hosts:\n"
        + "        zookeeper1: {deploy_dir: \"{{ lab_dir }}/zookeeper1\", zookeeper_port: "
        + l.port(2181) + "}\n";
  }
}
