package io.runbook.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbook.cli.LoadRefusal;
import io.runbook.report.Golden;
import io.runbook.source.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class InventoryTests {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures/inventory");
  private static final Inventory TIDB = Inventory.load(FIXTURES.resolve("tidb-ansible/inventory.ini"));
  private static final Inventory YAML = Inventory.load(FIXTURES.resolve("yaml/hosts.yml"));

  @Test
  void aTidbAnsibleInventoryLoadsUnchanged() {
    assertThat(TIDB.select("pump_servers")).containsExactly("pump1", "pump2", "pump3");
    assertThat(TIDB.select("tidb_servers")).containsExactly("172.16.10.1", "172.16.10.2");
    Map<String, Object> pump1 = TIDB.hostVars("pump1");
    assertThat(pump1).containsEntry("deploy_dir", "/data1/pump")
        .containsEntry("ansible_host", "172.16.10.72")
        .containsEntry("ansible_user", "tidb")
        .containsEntry("tidb_version", "v2.1.19")
        .containsEntry("enable_binlog", false)
        .containsEntry("enable_ntpd", true)
        .containsEntry("kafka_addrs", "")
        .containsEntry("collect_bandwidth_limit", 10000L)
        .containsEntry("pump_port", 8250L)
        .containsEntry("pump_data_dir", "{{ deploy_dir }}/data.pump")
        .containsEntry("group_names", List.of("pump_servers"));
    assertThat(TIDB.hostVars("drainer_mysql")).as("shlex strips the quotes, then it is a number, as in Ansible")
        .containsEntry("initial_commit_ts", 402899541671542785L);
    assertThat(TIDB.hostVars("pump2")).containsEntry("deploy_dir", "/home/tidb/deploy");
  }

  @Test
  void listHostAndGraphMatchAnsibleInventory() {
    Golden.assertMatches(TIDB.listJson() + "\n", FIXTURES.resolve("tidb-ansible/list.json"));
    Golden.assertMatches(TIDB.hostJson("pump1") + "\n", FIXTURES.resolve("tidb-ansible/host-pump1.json"));
    Golden.assertMatches(TIDB.graph(), FIXTURES.resolve("tidb-ansible/graph.txt"));
    Golden.assertMatches(YAML.listJson() + "\n", FIXTURES.resolve("yaml/list.json"));
    Golden.assertMatches(YAML.graph(), FIXTURES.resolve("yaml/graph.txt"));
  }

  @Test
  void variablePrecedenceFollowsAnsible() {
    assertThat(YAML.hostVars("pump1")).as("group_vars/all wins over the inventory file's group vars")
        .containsEntry("level", "group_vars_all").containsEntry("from_group_vars", true);
    assertThat(YAML.hostVars("pump2")).as("host_vars wins over group vars").containsEntry("pump_port", 8251L);
    assertThat(YAML.hostVars("pump3")).containsEntry("pump_port", 8250L).containsEntry("ansible_host", "127.0.0.1");
    assertThat(YAML.hostVars("pump1").get("group_names")).isEqualTo(List.of("binlog", "pump_servers"));
  }

  @Test
  void childGroupVarsWinOverParentsInTheInventoryFile(@TempDir Path dir) throws Exception {
    Path ini = dir.resolve("hosts");
    Files.writeString(ini, "[web]\nw1\n[prod:children]\nweb\n[all:vars]\nx=all\n[prod:vars]\nx=prod\ny=prod\n"
        + "[web:vars]\nx=web\n");
    Inventory inv = Inventory.load(ini);
    assertThat(inv.hostVars("w1")).containsEntry("x", "web").containsEntry("y", "prod");
  }

  @Test
  void hostPatterns() {
    assertThat(YAML.select("all")).containsExactly("controller", "pump1", "pump2", "pump3", "drainer1");
    assertThat(YAML.select("pump_servers:drainer_servers")).containsExactly("pump1", "pump2", "pump3", "drainer1");
    assertThat(YAML.select("binlog:!pump2")).containsExactly("pump1", "pump3", "drainer1");
    assertThat(YAML.select("binlog:&pump_servers")).containsExactly("pump1", "pump2", "pump3");
    assertThat(YAML.select("pump*")).containsExactly("pump1", "pump2", "pump3");
    assertThat(YAML.select("~pump[13]")).containsExactly("pump1", "pump3");
    assertThat(YAML.select("pump_servers[0]")).containsExactly("pump1");
    assertThat(YAML.select("pump_servers[1:2]")).containsExactly("pump2", "pump3");
    assertThat(YAML.select("pump_servers[-1]")).containsExactly("pump3");
    assertThat(YAML.select("drainer1,pump1")).as("the pattern's order, as Ansible's").containsExactly("drainer1", "pump1");
    assertThat(YAML.select("nothing")).isEmpty();
    assertThat(YAML.select("localhost")).containsExactly("localhost");
    assertThat(YAML.hostVars("localhost")).containsEntry("ansible_connection", "local");
    assertThat(YAML.limit(YAML.select("all"), "pump1:drainer1")).containsExactly("pump1", "drainer1");
  }

  @Test
  void rangesExpandWithPaddingLettersAndSteps() {
    assertThat(HostRanges.expand("pump[01:03]")).containsExactly("pump01", "pump02", "pump03");
    assertThat(HostRanges.expand("db-[a:c]")).containsExactly("db-a", "db-b", "db-c");
    assertThat(HostRanges.expand("n[0:6:3]")).containsExactly("n0", "n3", "n6");
    assertThat(HostRanges.expand("r[1:2]-[a:b]")).containsExactly("r1-a", "r1-b", "r2-a", "r2-b");
    assertThat(HostRanges.expand("n[:2]")).as("no start is 0, as in Ansible").containsExactly("n0", "n1", "n2");
  }

  @Test
  void everyMistakeOfABadIniInventoryIsReportedWithItsLine() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> Inventory.load(FIXTURES.resolve("bad/errors.ini")));
    assertThat(e.diagnostics()).extracting(d -> d.position().line() + ": " + d.message()).containsExactlyInAnyOrder(
        "2: 'port' after host pump1 is not a variable: write key=value",
        "4: unknown section kind ':kids' (use [pumps], [pumps:children] or [pumps:vars])",
        "14: range end is before its start in 'db[3:1]'",
        "7: group 'a' is its own ancestor (through :children)",
        "8: group 'b' is its own ancestor (through :children)");
  }

  @Test
  void aYamlInventoryWithHostsAsAListSaysToUseAMapping() {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
        () -> Inventory.load(FIXTURES.resolve("bad/errors.yml")));
    assertThat(e.diagnostics()).extracting(Object::toString).containsExactly(
        FIXTURES.resolve("bad/errors.yml") + ":3:5: 'hosts' of group 'all' must be a mapping of host names (each followed by ':'), not a list",
        FIXTURES.resolve("bad/errors.yml") + ":6:7: unknown key 'host' in group 'g' (a group has hosts, vars and children)");
  }

  /**
   * A mistake in an inventory: {@code files} are written beside each other (the first is the
   * inventory, the others its group_vars/ and host_vars/), {@code at} is where in {@code file} the
   * error must point (its first occurrence).
   */
  private record Bad(String name, Map<String, String> files, String file, String at, String message) {
    Bad(String name, String inventoryName, String inventory, String at, String message) {
      this(name, Map.of(inventoryName, inventory), inventoryName, at, message);
    }
  }

  private static final String NO_END = "the range '[01:]' in 'node[01:]' has no end: write its last value too,"
      + " as in pump[01:03]";
  private static final String PORT = "'ansible_port' must be a port number from 1 to 65535, not ";

  private static final List<Bad> BAD = List.of(
      new Bad("an INI range without an end", "hosts.ini", "[pumps]\nnode[01:]\n", "node", NO_END),
      new Bad("a YAML range without an end", "hosts.yml", "all:\n  hosts:\n    node[01:]:\n", "node", NO_END),
      new Bad("vars of a group defined nowhere", "hosts.ini", "[pumps]\np1\n[pump:vars]\nx=1\n", "[pump:",
          "group 'pump' is defined nowhere in this inventory (did you mean 'pumps'?): add a [pump] section"
              + " with its hosts, or a [pump:children] section"),
      new Bad("a child group defined nowhere", "hosts.ini", "[pumps]\np1\n[binlog:children]\npumpz\n", "pumpz",
          "group 'pumpz' is defined nowhere in this inventory (did you mean 'pumps'?): add a [pumpz] section"
              + " with its hosts, or a [pumpz:children] section"),
      new Bad("a word for an INI host's port", "hosts.ini", "p1 ansible_host=127.0.0.1 ansible_port=ssh\n",
          "ansible_port", PORT + "'ssh'"),
      new Bad("a port above 65535 after the host's name", "hosts.ini", "[pumps]\np1:70000\n", "70000",
          PORT + "70000"),
      new Bad("a word for a group's port", "hosts.ini", "p1\n[all:vars]\nansible_port = twenty-two\n",
          "ansible_port", PORT + "'twenty-two'"),
      new Bad("a word for a YAML host's port", "hosts.yml", "all:\n  hosts:\n    p1: {ansible_port: ssh}\n",
          "ssh", PORT + "'ssh'"),
      new Bad("a word for a port in host_vars", Map.of("hosts.ini", "p1\n", "host_vars/p1.yml",
          "ansible_host: 127.0.0.1\nansible_port: 22a\n"), "host_vars/p1.yml", "22a",
          PORT + "'22a'"),
      new Bad("a list for a port in group_vars", Map.of("hosts.ini", "p1\n", "group_vars/all.yml",
          "ansible_port: [22]\n"), "group_vars/all.yml", "[22]",
          PORT + "a list"));

  @TestFactory
  Stream<DynamicTest> anInventoryMistakeStopsTheRunWithOneLineAtItsPlaceBeforeAnyHostIsTouched(@TempDir Path dir) {
    return BAD.stream().map(bad -> DynamicTest.dynamicTest(bad.name(), () -> {
      Path folder = Files.createDirectories(dir.resolve(bad.name().replace(' ', '-').replace("'", "")));
      for (Map.Entry<String, String> f : bad.files().entrySet()) {
        Files.createDirectories(folder.resolve(f.getKey()).getParent());
        Files.writeString(folder.resolve(f.getKey()), f.getValue());
      }
      Path marker = folder.resolve("touched");
      Path play = Files.writeString(folder.resolve("play.yml"), LoadRefusal.touching(marker));
      Path inventory = folder.resolve(bad.files().keySet().stream().filter(k -> k.startsWith("hosts")).findFirst().get());
      String expected = folder.resolve(bad.file()).toAbsolutePath() + ":"
          + LoadRefusal.position(bad.files().get(bad.file()), bad.at(), 0) + ": " + bad.message();
      LoadRefusal.assertRefused(play, inventory, marker, expected);
    }));
  }

  @Test
  void aPortMayBeATemplateOrANumberWrittenAsText(@TempDir Path dir) throws Exception {
    Path ini = Files.writeString(dir.resolve("hosts"),
        "p1 ansible_port='{{ base_port + 1 }}'\np2\n[all:vars]\nbase_port=8000\n");
    Files.createDirectories(dir.resolve("host_vars"));
    Files.writeString(dir.resolve("host_vars/p2.yml"), "ansible_port: \"2222\"\n");
    Inventory inv = Inventory.load(ini);
    assertThat(inv.hostVars("p1")).containsEntry("ansible_port", "{{ base_port + 1 }}");
    assertThat(inv.hostVars("p2")).containsEntry("ansible_port", "2222");
  }

  @Test
  void aGroupMayHaveVarsBeforeItsSectionAndChildrenDefinedLater(@TempDir Path dir) throws Exception {
    Path ini = Files.writeString(dir.resolve("hosts"), "[pumps:vars]\nx=1\n[binlog:children]\npumps\n[pumps]\np1\n");
    assertThat(Inventory.load(ini).hostVars("p1")).containsEntry("x", 1L)
        .containsEntry("group_names", List.of("binlog", "pumps"));
  }

  @Test
  void pythonLiteralsAsAnsiblesIniPluginReadsThem() {
    assertThat(PythonLiteral.parse("8250")).isEqualTo(8250L);
    assertThat(PythonLiteral.parse("True")).isEqualTo(true);
    assertThat(PythonLiteral.parse("None")).isNull();
    assertThat(PythonLiteral.parse("\"quoted\"")).isEqualTo("quoted");
    assertThat(PythonLiteral.parse("/home/tidb")).isEqualTo("/home/tidb");
    assertThat(PythonLiteral.parse("v2.1.19")).isEqualTo("v2.1.19");
    assertThat(PythonLiteral.parse("[1, 'a']")).isEqualTo(List.of(1L, "a"));
    assertThat(PythonLiteral.parse("1.5")).isEqualTo(1.5);
  }
}
