package io.runbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.inventory.Inventory;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example inventories runbook ships are laid out as tidb-ansible and TiUP lay them out, the
 * playbooks' variables come from where those tools keep them, and the bundled playbooks plan
 * against them.
 */
class BundledInventoriesTests {
  private static final Path TIDB_ANSIBLE = Path.of("inventories/tidb-ansible/inventory.ini");
  private static final Path KAFKA_ERA = Path.of("inventories/kafka-era/inventory.ini");
  private static final Path TIUP = Path.of("inventories/tiup-example/meta.yaml");

  @Test
  void tidbAnsiblesPortsComeFromItsGroupVarsAsOnRelease30() {
    Inventory inv = Inventory.load(TIDB_ANSIBLE);
    assertThat(inv.hostVars("pump1")).as("group_vars/all.yml")
        .containsEntry("pump_port", 8250L).containsEntry("drainer_port", 8249L)
        .containsEntry("pump_data_dir", "{{ deploy_dir }}/data.pump").containsEntry("deploy_dir", "/data1/pump")
        .as("pd_client_port is a group variable of pd_servers only").doesNotContainKey("pd_client_port");
    assertThat(inv.hostVars("172.16.10.1")).as("group_vars/tidb_servers.yml and pd_servers.yml")
        .containsEntry("tidb_port", 4000L).containsEntry("tidb_status_port", 10080L)
        .containsEntry("pd_client_port", 2379L);
    assertThat(inv.hostVars("pump1").get("binlog_package_dir").toString())
        .startsWith("/home/tidb/tidb-ansible/downloads/tidb-v3.0.5-linux-amd64");
  }

  @Test
  void theKafkaEraExampleKeepsItsLayoutWithItsVariablesInGroupVars() {
    Inventory inv = Inventory.load(KAFKA_ERA);
    assertThat(inv.select("pump_servers")).containsExactly("pump1", "pump2", "pump3");
    assertThat(inv.hostVars("pump1")).containsEntry("pump_port", 8250L);
    assertThat(inv.hostVars("drainer_mysql")).containsEntry("drainer_port", 8249L);
    assertThat(inv.hostVars("172.16.10.1")).containsEntry("kafka_pump_port", 8250L)
        .containsEntry("tidb_status_port", 10080L).containsEntry("pump_socket", "{{ status_dir }}/pump.sock");
  }

  @Test
  void theBundledPlaybooksPlanAgainstTheExamples() {
    Map<String, Path> plans = Map.of("playbooks/upgrade-binlog.yml", TIDB_ANSIBLE,
        "playbooks/redeploy-cluster-binlog.yml", TIDB_ANSIBLE,
        "playbooks/migrate-kafka-to-cluster.yml", KAFKA_ERA,
        "playbooks/decommission-kafka-binlog.yml", KAFKA_ERA);
    plans.forEach((playbook, inventory) -> {
      InProcess plan = InProcess.run("plan", playbook, "-i", inventory.toString());
      assertThat(plan.exitCode()).as(playbook + " -i " + inventory + "\n" + plan.err()).isZero();
      assertThat(plan.out()).startsWith("PLAN ");
    });
    InProcess tiup = InProcess.run("plan", "playbooks/upgrade-binlog.yml", "-i", TIUP.toString(),
        "-e", "binlog_package_dir=/opt/tidb-binlog");
    assertThat(tiup.exitCode()).as(tiup.err()).isZero();
    assertThat(tiup.out()).contains("batch 2/3: 10.0.1.32:8250").contains("10.0.1.41:8249")
        .as("the offline Drainer is left alone").doesNotContain("10.0.1.42:8249");
  }

  @Test
  void aBrokenMetaStopsRunAndPlanBeforeAnyHostIsTouched(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path playbook = dir.resolve("play.yml");
    Path marker = dir.resolve("touched");
    java.nio.file.Files.writeString(playbook, LoadRefusal.touching(marker));
    Path meta = dir.resolve("meta.yaml");
    java.nio.file.Files.writeString(meta, "user: tidb\ntopology:\n  pump_servers:\n  - host: 10.0.0.2\n    port: 0\n");
    LoadRefusal.assertRefused(playbook, meta, marker, meta + ":5:11: 'topology.pump_servers[0].port' must be a port"
        + " number from 1 to 65535, not 0");
  }
}
