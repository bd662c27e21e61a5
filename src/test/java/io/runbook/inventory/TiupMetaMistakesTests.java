package io.runbook.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.cli.InProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken meta.yaml is refused at file:line:col with exit 4, before anything runs. */
class TiupMetaMistakesTests {
  @TempDir Path dir;

  private static final String HEAD = """
      user: tidb
      tidb_version: v5.4.3
      topology:
        pd_servers:
        - host: 10.0.0.1
      """;

  /** What {@code runbook inventory -i meta.yaml --list} prints on stderr; it must exit 4. */
  private String refused(String meta) throws Exception {
    Path file = dir.resolve("meta.yaml");
    Files.writeString(file, meta);
    InProcess run = InProcess.run("inventory", "-i", file.toString(), "--list");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
    assertThat(run.out()).isEmpty();
    return run.err().replace(file.toString(), "meta.yaml");
  }

  @Test
  void anInstanceWithoutHost() throws Exception {
    assertThat(refused(HEAD + "  pump_servers:\n  - port: 8250\n    deploy_dir: /d\n")).isEqualTo("""
        meta.yaml:7:5: an instance of pump_servers has no 'host'
        1 error; nothing was run.
        """);
  }

  @Test
  void aPortOutOfRange() throws Exception {
    assertThat(refused(HEAD + "  pump_servers:\n  - host: 10.0.0.2\n    port: 70000\n")).isEqualTo("""
        meta.yaml:8:11: 'topology.pump_servers[0].port' must be a port number from 1 to 65535, not 70000
        1 error; nothing was run.
        """);
    assertThat(refused(HEAD + "    client_port: '2379'\n")).isEqualTo("""
        meta.yaml:6:18: 'topology.pd_servers[0].client_port' must be a port number from 1 to 65535, not '2379'
        1 error; nothing was run.
        """);
  }

  @Test
  void aValueOfTheWrongType() throws Exception {
    assertThat(refused(HEAD + "  drainer_servers:\n  - host: 10.0.0.3\n    offline: [yes]\n")).isEqualTo("""
        meta.yaml:8:14: 'topology.drainer_servers[0].offline' must be true or false
        1 error; nothing was run.
        """);
    assertThat(refused(HEAD + "  pump_servers: {host: 10.0.0.2}\n")).isEqualTo("""
        meta.yaml:6:17: 'topology.pump_servers' must be a list
        1 error; nothing was run.
        """);
    assertThat(refused(HEAD.replace("user: tidb", "user: {name: tidb}"))).isEqualTo("""
        meta.yaml:1:7: 'user' must be a single value (text)
        1 error; nothing was run.
        """);
  }

  @Test
  void twoInstancesWithTheSameHostAndPort() throws Exception {
    String meta = HEAD + "  pump_servers:\n  - host: 10.0.0.2\n  - host: 10.0.0.2\n    port: 8250\n";
    assertThat(refused(meta)).isEqualTo("""
        meta.yaml:8:5: instance 10.0.0.2:8250 of pump_servers is already in the topology at meta.yaml:7:5\
         (an instance id is host:port)
        1 error; nothing was run.
        """);
  }

  @Test
  void aMetaWithoutTopology() throws Exception {
    assertThat(refused("user: tidb\ntidb_version: v5.4.3\n")).isEqualTo("""
        meta.yaml:1:1: a TiUP meta.yaml has 'user', 'tidb_version' and 'topology'; this one has no 'topology'
        1 error; nothing was run.
        """);
    assertThat(refused("- user: tidb\n")).isEqualTo("""
        meta.yaml:1:1: a TiUP meta.yaml is a mapping with 'user', 'tidb_version' and 'topology'
        1 error; nothing was run.
        """);
  }

  @Test
  void malformedYaml() throws Exception {
    assertThat(refused("---\nuser: a\n---\nuser: b\n")).isEqualTo("""
        meta.yaml:4:1: a TiUP meta.yaml is one YAML document; a second one starts here
        1 error; nothing was run.
        """);
    assertThat(refused(HEAD + "  pump_servers:\n  - host: 10.0.0.2\n   port: 8250\n")).isEqualTo("""
        meta.yaml:8:4: invalid YAML: expected <block end>, but found '<block mapping start>'
        1 error; nothing was run.
        """);
    assertThat(refused(HEAD + "    host: 10.0.0.9\n")).isEqualTo("""
        meta.yaml:6:5: invalid YAML: duplicate key 'host'
        1 error; nothing was run.
        """);
  }

  @Test
  void anAliasIsRefusedRatherThanReadAsItsName() throws Exception {
    assertThat(refused("user: &u tidb\ntidb_version: *u\ntopology: {}\n")).isEqualTo("""
        meta.yaml:2:15: 'tidb_version' is an alias (*u), which TiUP never writes: write the value out
        1 error; nothing was run.
        """);
  }

  @Test
  void anUnknownSystemdMode() throws Exception {
    assertThat(refused("user: tidb\ntopology:\n  global:\n    systemd_mode: users\n")).isEqualTo("""
        meta.yaml:4:19: 'topology.global.systemd_mode' must be 'system' or 'user'
        1 error; nothing was run.
        """);
  }

  @Test
  void tooDeepOrTooLargeIsRefusedBeforeBinding() throws Exception {
    String deep = "user: tidb\ntopology:\n  custom: " + "[".repeat(80) + "]".repeat(80) + "\n";
    assertThat(refused(deep)).startsWith("meta.yaml:3:").contains("invalid YAML: ").contains("nested deeper than 64 levels")
        .endsWith("1 error; nothing was run.\n");
    String large = "user: tidb\nlast_ops_ver: '" + "x".repeat(5 * 1024 * 1024) + "'\n";
    assertThat(refused(large)).startsWith("meta.yaml:").contains("invalid YAML: ").contains("code points")
        .endsWith("1 error; nothing was run.\n");
  }
}
