package io.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The lab's systemctl stand-in answers as systemctl does for what the service action asks, and
 * TiUP's layout writes a meta.yaml in TiUP's shape.
 */
class LabUnitsTests {
  @TempDir Path root;
  private LabUnits units;

  /** What one call printed (stdout and stderr) and its exit code. */
  record Out(int code, String text) {}

  private Out systemctl(String... args) throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of(units.systemctl().toString()));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Out(p.exitValue(), new String(p.getInputStream().readAllBytes()).strip());
  }

  /** Alive and not a zombie left for a parent (init, in a container) to reap. */
  private static boolean runs(long pid) throws Exception {
    Path stat = Path.of("/proc", String.valueOf(pid), "stat");
    return Files.exists(stat) && !Files.readString(stat).contains(") Z ");
  }

  @AfterEach
  void stopAll() throws Exception {
    if (units != null) {
      systemctl("--user", "stop", "sleeper.service");
    }
  }

  @Test
  void answersWithSystemctlsWordsAndExitCodesPerScope() throws Exception {
    units = new LabUnits(root);
    units.writeStandIn();
    units.writeUnit("user", "sleeper.service", LabUnits.unit("sleeper", null, "/bin/sleep 30", true));

    assertThat(systemctl("--user", "show", "-p", "LoadState", "--value", "sleeper.service")).isEqualTo(new Out(0, "loaded"));
    assertThat(systemctl("show", "-p", "LoadState", "--value", "sleeper.service"))
        .as("a user unit is not a system unit").isEqualTo(new Out(0, "not-found"));
    assertThat(systemctl("--user", "is-active", "sleeper.service")).isEqualTo(new Out(3, "inactive"));
    assertThat(systemctl("--user", "is-enabled", "sleeper.service")).isEqualTo(new Out(1, "disabled"));
    assertThat(systemctl("start", "sleeper.service").code()).isEqualTo(5);

    assertThat(systemctl("--user", "start", "sleeper.service").code()).isZero();
    assertThat(systemctl("--user", "is-active", "sleeper.service")).isEqualTo(new Out(0, "active"));
    long pid = Long.parseLong(Files.readString(units.pidFile("user", "sleeper.service")).strip());
    assertThat(ProcessHandle.of(pid).map(h -> h.info().command().orElse(""))).hasValueSatisfying(
        c -> assertThat(c).endsWith("sleep"));
    assertThat(systemctl("--user", "start", "sleeper").code()).as("already active").isZero();
    assertThat(Files.readString(units.pidFile("user", "sleeper.service")).strip()).isEqualTo(String.valueOf(pid));

    assertThat(systemctl("--user", "stop", "sleeper.service").code()).isZero();
    assertThat(runs(pid)).as("the unit's process ended").isFalse();
    assertThat(systemctl("--user", "is-active", "sleeper.service")).isEqualTo(new Out(3, "inactive"));

    assertThat(systemctl("--user", "restart", "sleeper.service").code()).isZero();
    long again = Long.parseLong(Files.readString(units.pidFile("user", "sleeper.service")).strip());
    ProcessHandle killed = ProcessHandle.of(again).orElseThrow();
    killed.destroyForcibly();
    killed.onExit().get(10, TimeUnit.SECONDS);
    assertThat(systemctl("--user", "is-active", "sleeper.service"))
        .as("a unit whose process died without a stop").isEqualTo(new Out(3, "failed"));
    assertThat(systemctl("--user", "daemon-reload").code()).isZero();
    assertThat(systemctl("--user", "frobnicate", "sleeper.service")).isEqualTo(new Out(1, "Unknown command verb frobnicate."));
  }

  @Test
  @SuppressWarnings("unchecked")
  void tiupsMetaYamlHasItsKeysAndAbsoluteInstanceDirs() {
    LabLayout layout = new LabLayout(root, LabLayout.CLUSTER, 0);
    TiupHosts hosts = new TiupHosts(layout, new LabFiles(layout, root.resolve("x.jar"), 0), "user", new LabUnits(root));
    List<LabNode> nodes = layout.nodes().stream().map(hosts::place).toList();
    Map<String, Object> meta = new Yaml().load(TiupMeta.yaml(hosts, nodes, "user"));
    assertThat(meta).containsKeys("user", "tidb_version", "topology");
    Map<String, Object> topology = (Map<String, Object>) meta.get("topology");
    assertThat((Map<String, Object>) topology.get("global")).containsEntry("systemd_mode", "user")
        .containsEntry("deploy_dir", root.resolve("deploy").toString()).containsEntry("ssh_port", 22);
    List<Map<String, Object>> pumps = (List<Map<String, Object>>) topology.get("pump_servers");
    assertThat(pumps).hasSize(3);
    assertThat(pumps.get(0)).containsEntry("host", "127.0.0.1").containsEntry("port", 8250)
        .containsEntry("deploy_dir", root.resolve("deploy/pump-8250").toString())
        .containsEntry("data_dir", root.resolve("data/pump-8250").toString())
        .containsEntry("log_dir", root.resolve("deploy/pump-8250/log").toString());
    Map<String, Object> drainer = ((List<Map<String, Object>>) topology.get("drainer_servers")).get(0);
    assertThat((Map<String, Object>) drainer.get("config")).containsEntry("initial-commit-ts", 0);
    assertThat(((List<Map<String, Object>>) topology.get("pd_servers")).get(0)).containsEntry("name", "pd1")
        .containsEntry("client_port", 2379).containsEntry("peer_port", 2380);
    assertThat(((List<Map<String, Object>>) topology.get("tidb_servers")).get(0)).containsEntry("port", 4000)
        .containsEntry("status_port", 10080).doesNotContainKey("data_dir");
    assertThat(topology.get("tikv_servers")).isEqualTo(List.of());
    assertThat(nodes.stream().filter(n -> n.role().equals("drainer")).findFirst().orElseThrow().runFlags())
        .as("TiUP keeps initial-commit-ts in the config").noneMatch(f -> f.startsWith("--initial-commit-ts"))
        .contains("--node-id=127.0.0.1:8249");
  }
}
