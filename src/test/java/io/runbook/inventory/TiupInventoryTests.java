package io.runbook.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbook.cli.InProcess;
import io.runbook.report.Golden;
import io.runbook.source.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TiUP's meta.yaml as an inventory: reference/real-clusters.md §4.1 and §4.4. */
class TiupInventoryTests {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/inventory/tiup");
  private static final Path META = FIXTURES.resolve("clusters/prod-binlog/meta.yaml");

  /** The fixture cluster copied under {@code home/storage/cluster}, with its ssh key when asked. */
  private static Path tiupHome(Path dir, boolean withKey) throws Exception {
    Path cluster = dir.resolve("tiup-home/storage/cluster/clusters/prod-binlog");
    Files.createDirectories(cluster);
    Files.copy(META, cluster.resolve("meta.yaml"));
    if (withKey) {
      Files.createDirectories(cluster.resolve("ssh"));
      Files.writeString(cluster.resolve("ssh/id_rsa"), "not a real key\n");
    }
    return dir.resolve("tiup-home");
  }

  @Test
  void instancesBecomeHostsNamedHostPortInGroupsNamedAsTiupsLists() {
    Inventory inv = Inventory.load(META, Map.of());
    assertThat(inv.select("pump_servers")).containsExactly("10.0.1.31:8250", "10.0.1.32:8250", "10.0.1.33:8251");
    assertThat(inv.select("drainer_servers")).as("the offline Drainer is not among them").containsExactly("10.0.1.41:8249");
    assertThat(inv.select("drainer_servers_offline")).containsExactly("10.0.1.42:8249");
    assertThat(inv.select("pd_servers")).containsExactly("10.0.1.1:2379", "10.0.1.2:2379", "10.0.1.3:2479");
    assertThat(inv.select("tidb_servers")).containsExactly("10.0.1.11:4000", "10.0.1.12:4000");
    assertThat(inv.select("alertmanager_servers")).containsExactly("10.0.1.60:9093");
    assertThat(inv.groups()).containsKey("tiflash_servers").doesNotContainKey("pump_servers_offline");
  }

  @Test
  void hostVarsCarryConnectionFoldersAndPorts() {
    Inventory inv = Inventory.load(META, Map.of());
    assertThat(inv.hostVars("10.0.1.32:8250")).as("manage_host is where runbook connects; host is advertised")
        .containsEntry("ansible_host", "192.168.10.32").containsEntry("pump_advertise_host", "10.0.1.32")
        .containsEntry("ansible_port", 2222L).containsEntry("pump_port", 8250L)
        .containsEntry("deploy_dir", "/home/tidb/deploy/pump-8250");
    assertThat(inv.hostVars("10.0.1.33:8251")).as("TiUP's defaults: a relative global deploy_dir under /home/<user>/,"
            + " an absolute global data_dir with <role>-<port>, the log inside the deploy folder")
        .containsEntry("ansible_host", "10.0.1.33").containsEntry("ansible_port", 22L)
        .containsEntry("deploy_dir", "/home/tidb/deploy/pump-8251")
        .containsEntry("data_dir", "/tidb-data/pump-8251")
        .containsEntry("log_dir", "/home/tidb/deploy/pump-8251/log");
    assertThat(inv.hostVars("10.0.1.42:8249")).containsEntry("drainer_advertise_host", "10.0.1.42")
        .containsEntry("drainer_port", 8249L);
    assertThat(inv.hostVars("10.0.1.11:4000")).containsEntry("tidb_port", 4000L)
        .containsEntry("tidb_status_port", 10080L).doesNotContainKey("data_dir");
    assertThat(inv.hostVars("10.0.1.3:2479")).containsEntry("pd_client_port", 2479L).containsEntry("pd_peer_port", 2480L);
  }

  @Test
  void groupAllCarriesTheClustersVariables() {
    Map<String, Object> vars = Inventory.load(META, Map.of()).hostVars("10.0.1.31:8250");
    assertThat(vars).containsEntry("ansible_user", "tidb")
        .containsEntry("pd_urls", "http://10.0.1.1:2379,http://10.0.1.2:2379,http://10.0.1.3:2479")
        .containsEntry("process_supervision", "systemd").containsEntry("systemd_scope", "user")
        .containsEntry("tidb_version", "v5.4.3").containsEntry("binlog_version", "v5.4.3")
        .containsEntry("enable_tls", false).containsEntry("deployed_by", "tiup")
        .containsEntry("tiup_cluster_name", "prod-binlog")
        .containsEntry("tiup_meta_file", META.toAbsolutePath().normalize().toString())
        .as("no ssh/id_rsa beside this meta").doesNotContainKey("ansible_ssh_private_key_file");
  }

  @Test
  void defaultsWhenTheMetaLeavesThemOut(@TempDir Path dir) throws Exception {
    Path meta = dir.resolve("c1/meta.yaml");
    Files.createDirectories(meta.getParent());
    Files.writeString(meta, """
        user: ops
        tidb_version: v4.0.16
        topology:
          global: {enable_tls: true}
          component_versions: {pump: v4.0.15}
          pd_servers: [{host: 10.0.0.1}]
          pump_servers: [{host: 10.0.0.2, data_dir: pump-data}]
          drainer_servers: [{host: 10.0.0.3, offline: true}]
          tidb_servers: [{host: 10.0.0.4}]
        """);
    Inventory inv = Inventory.load(meta, Map.of());
    assertThat(inv.hostVars("10.0.0.2:8250")).containsEntry("deploy_dir", "/home/ops/deploy/pump-8250")
        .as("a relative instance data_dir is inside its deploy folder")
        .containsEntry("data_dir", "/home/ops/deploy/pump-8250/pump-data")
        .containsEntry("binlog_version", "v4.0.15").containsEntry("systemd_scope", "system")
        .containsEntry("pd_urls", "https://10.0.0.1:2379").containsEntry("enable_tls", true);
    assertThat(inv.hostVars("10.0.0.1:2379")).as("a relative global data_dir is inside the deploy folder")
        .containsEntry("data_dir", "/home/ops/deploy/pd-2379/data").containsEntry("pd_peer_port", 2380L);
    assertThat(inv.select("drainer_servers_offline")).containsExactly("10.0.0.3:8249");
    assertThat(inv.hostVars("10.0.0.4:4000")).containsEntry("tidb_status_port", 10080L);
  }

  @Test
  void tiupNameIsFoundThroughTiupHomeAndTheKeyBesideItIsUsed(@TempDir Path dir) throws Exception {
    Path home = tiupHome(dir, true);
    Inventory inv = Inventory.load(Path.of("tiup:prod-binlog"), Map.of("TIUP_HOME", home.toString()));
    Path cluster = home.resolve("storage/cluster/clusters/prod-binlog").toAbsolutePath().normalize();
    assertThat(inv.source()).isEqualTo(cluster.resolve("meta.yaml"));
    assertThat(inv.hostVars("10.0.1.31:8250"))
        .containsEntry("ansible_ssh_private_key_file", cluster.resolve("ssh/id_rsa").toString());
  }

  @Test
  void tiupComponentDataDirWinsOverTiupHomeAndHomeIsTheLastResort(@TempDir Path dir) throws Exception {
    Path home = tiupHome(dir, false);
    Path data = home.resolve("storage/cluster");
    Inventory viaData = Inventory.load(Path.of("tiup:prod-binlog"),
        Map.of("TIUP_COMPONENT_DATA_DIR", data.toString(), "TIUP_HOME", dir.resolve("elsewhere").toString()));
    assertThat(viaData.hosts()).hasSize(16);
    Files.move(home, dir.resolve(".tiup"));
    Inventory viaHome = Inventory.load(Path.of("tiup:prod-binlog"), Map.of("HOME", dir.toString()));
    assertThat(viaHome.hosts()).hasSize(16);
  }

  @Test
  void anUnknownClusterNameSaysWhereItLooked(@TempDir Path dir) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> Inventory.load(Path.of("tiup:nosuch"), Map.of("TIUP_HOME", dir.toString())));
    assertThat(e.getMessage()).isEqualTo("tiup:nosuch:1:1: no TiUP cluster 'nosuch': looked for "
        + dir.resolve("storage/cluster/clusters/nosuch/meta.yaml") + " ($TIUP_HOME/storage/cluster);"
        + " `tiup cluster list` shows the clusters");
  }

  @Test
  void aTiupSourceWithoutAClusterNameIsRefused() {
    for (String bad : new String[] {"tiup:", "tiup:a/b", "tiup:.."}) {
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
          () -> Inventory.load(Path.of(bad), Map.of()));
      assertThat(e.getMessage()).isEqualTo(bad + ":1:1: '" + bad + "' needs a TiUP cluster name, as in tiup:prod");
    }
  }

  @Test
  void theCommandLineRefusesAnUnknownClusterWithExitCode4() {
    InProcess run = InProcess.run("inventory", "-i", "tiup:no-such-cluster-e3b0c442", "--list");
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).startsWith("tiup:no-such-cluster-e3b0c442:1:1: no TiUP cluster 'no-such-cluster-e3b0c442':"
        + " looked for ").contains("/clusters/no-such-cluster-e3b0c442/meta.yaml").endsWith("1 error; nothing was run.\n");
  }

  @Test
  void inventoryListMatchesItsGoldenFile(@TempDir Path dir) throws Exception {
    Path home = tiupHome(dir, true);
    Path meta = home.resolve("storage/cluster/clusters/prod-binlog/meta.yaml");
    InProcess run = InProcess.run("inventory", "-i", meta.toString(), "--list");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String shown = run.out().replace(home.toAbsolutePath().normalize().toString(), "<TIUP_HOME>");
    Golden.assertMatches(shown, FIXTURES.resolve("list.json"));
    InProcess host = InProcess.run("inventory", "-i", meta.toString(), "--host", "10.0.1.32:8250");
    Golden.assertMatches(host.out().replace(home.toAbsolutePath().normalize().toString(), "<TIUP_HOME>"),
        FIXTURES.resolve("host-pump2.json"));
  }

  @Test
  void extraVarsStillWinOverWhatTheMetaSays(@TempDir Path dir) throws Exception {
    Path meta = tiupHome(dir, false).resolve("storage/cluster/clusters/prod-binlog/meta.yaml");
    InProcess run = InProcess.run("eval", "{{ binlog_version }}/{{ pump_port }}", "-i", meta.toString(),
        "--host", "10.0.1.31:8250", "-e", "binlog_version=v5.4.4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().strip()).isEqualTo("v5.4.4/8250");
  }

  @Test
  void aMetaWithoutPdsSetsNoPdUrls(@TempDir Path dir) throws Exception {
    Path meta = dir.resolve("meta.yaml");
    Files.writeString(meta, "user: tidb\ntopology:\n  pump_servers: [{host: 10.0.0.2}]\n");
    assertThat(Inventory.load(meta, Map.of()).hostVars("10.0.0.2:8250")).doesNotContainKey("pd_urls")
        .doesNotContainKey("tidb_version").doesNotContainKey("binlog_version");
  }

  @Test
  void anAnsibleYamlInventoryIsNotTakenForAMeta(@TempDir Path dir) throws Exception {
    Path hosts = dir.resolve("hosts.yaml");
    Files.writeString(hosts, "pump_servers: {hosts: {p1: {pump_port: 8250}}}\n");
    assertThat(Inventory.load(hosts, Map.of()).hosts()).isEqualTo(List.of("p1"));
  }
}
