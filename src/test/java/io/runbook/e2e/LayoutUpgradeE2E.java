package io.runbook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled upgrade-binlog.yml against the lab laid out as real clusters are: tidb-ansible
 * under daemontools (the real supervise, svc, svstat), tidb-ansible with systemd (its start/stop
 * scripts through the script manager), and TiUP with user units (the lab's systemctl
 * stand-in). Each time: never zero Pumps online, every binlog downstream once and in order,
 * the new releases at the end.
 */
class LayoutUpgradeE2E {
  @TempDir Path tmp;

  /** The whole upgrade with TiDB writing; the dirs are the deploy folders, relative to the lab. */
  private static void upgradesWithoutLoss(LabFixture lab, List<String> pumpDirs, String drainerDir,
      String... vars) throws Exception {
    LabFixture.Watched watched = lab.playWatched("upgrade-binlog.yml", vars);
    assertThat(watched.run().code()).as(watched.run().all()).isZero();
    assertThat(watched.online()).as("samples of the online Pumps during the run").hasSizeGreaterThan(50)
        .allSatisfy(online -> assertThat(online).isGreaterThanOrEqualTo(1));
    for (int i = 0; i < pumpDirs.size(); i++) {
      assertThat(lab.release(pumpDirs.get(i), "pump")).isEqualTo("v3.0.5");
      assertThat(lab.pumpState(lab.port(8250 + i))).isEqualTo("online");
    }
    assertThat(lab.release(drainerDir, "drainer")).isEqualTo("v3.0.5");
    LabFixture.Result verify = lab.verify();
    assertThat(verify.code()).as(verify.all()).isZero();
    assertThat(verify.out()).contains("lost: 0   duplicated: 0   out of order: 0")
        .contains("within --max-stall 60 s").contains("no Pump online: never");
  }

  @Test
  void tidbAnsibleUnderDaemontoolsUpgradesAndSuperviseRestartsAKilledPumpButNotOneTakenDown()
      throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 22300).up("cluster", "--layout", "tidb-ansible",
        "--supervision", "supervise")) {
      Path pump1 = lab.dir.resolve("pump1");
      assertThat(pump1.resolve("bin/supervise")).isExecutable();
      assertThat(pump1.resolve("status/pump/run")).content().contains(pump1.resolve("scripts/run_pump.sh").toString());
      assertThat(pump1.resolve("scripts/run_pump.sh")).content().contains("ulimit -n 1000000")
          .contains("--pd-urls=http://127.0.0.1:" + lab.port(2379));
      assertThat(Files.readString(lab.inventory())).contains("process_supervision: supervise");
      upgradesWithoutLoss(lab, List.of("pump1", "pump2", "pump3"), "drainer1");

      long before = servicePid(pump1);
      ProcessHandle.of(before).orElseThrow().destroyForcibly();
      assertThat(waitFor(() -> servicePid(pump1) > 0 && servicePid(pump1) != before, 15))
          .as("supervise restarts a Pump killed with SIGKILL").isTrue();
      assertThat(waitFor(() -> "online".equals(lab.pumpState(lab.port(8250))), 20)).isTrue();

      assertThat(svc(pump1, "-d")).isZero();
      assertThat(waitFor(() -> svstat(pump1).contains(": down "), 20)).as(svstat(pump1)).isTrue();
      Thread.sleep(2500);
      assertThat(svstat(pump1)).as("svc -d keeps it down").contains(": down ");
      assertThat(lab.pumpState(lab.port(8250))).isEqualTo("paused");
    }
  }

  @Test
  void tidbAnsibleWithSystemdScriptsUpgradesThroughTheScriptManager() throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 22400).up("cluster", "--layout", "tidb-ansible",
        "--supervision", "systemd")) {
      assertThat(lab.dir.resolve("pump1/scripts/start_pump.sh")).content()
          .contains("systemctl start pump-" + lab.port(8250) + ".service");
      assertThat(lab.dir.resolve("systemd/system/pump-" + lab.port(8250) + ".service")).content()
          .contains("ExecStart=" + lab.dir.resolve("pump1/scripts/run_pump.sh")).contains("SendSIGKILL=no");
      assertThat(Files.readString(lab.inventory())).contains("process_supervision: script");
      upgradesWithoutLoss(lab, List.of("pump1", "pump2", "pump3"), "drainer1");
    }
  }

  @Test
  void tiupWithUserUnitsAndItsMetaAsTheInventoryUpgradesThroughSystemctlUserAndTiupClusterPatch()
      throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 22500).up("cluster", "--layout", "tiup", "--systemd-mode", "user")) {
      String pump = "deploy/pump-" + lab.port(8250);
      Path meta = lab.dir.resolve("tiup/storage/cluster/clusters/lab/meta.yaml");
      assertThat(lab.dir.resolve(pump).resolve("scripts/run_pump.sh")).content()
          .contains("--node-id=127.0.0.1:" + lab.port(8250)).contains("--data-dir=" + lab.dir.resolve("data/pump-" + lab.port(8250)));
      assertThat(meta).content().contains("systemd_mode: user").contains("pump_servers:");
      assertThat(Files.readString(lab.inventory())).contains("systemd_scope: user");
      // TiUP's own record of the cluster is the inventory; what a controller adds comes with -e
      lab.inventory(meta);
      upgradesWithoutLoss(lab, List.of(pump, "deploy/pump-" + lab.port(8251), "deploy/pump-" + lab.port(8252)),
          "deploy/drainer-" + lab.port(8249), "-e", "ansible_connection=local",
          "-e", "systemctl_command=" + lab.dir.resolve("runtime/bin/systemctl"),
          "-e", "tiup_command=" + lab.dir.resolve("runtime/bin/tiup"), "-e", "tiup_package_dir=" + tmp,
          "-e", "binlog_version=v3.0.5",
          "-e", "binlog_package_dir=" + lab.dir.resolve("packages/tidb-binlog-v3.0.5-linux-amd64"));
      assertThat(lab.dir.resolve("systemd/run/user/pump-" + lab.port(8250) + ".service.pid")).exists();
      // the binaries went in through tiup cluster patch, so TiUP's records are in step
      assertThat(meta).content().contains("patched: true");
      assertThat(lab.dir.resolve(pump).resolve("bin.old.v3.0.0/pump")).exists();
      assertThat(lab.dir.resolve("tiup/storage/cluster/clusters/lab/patch/pump.tar.gz")).exists();
      assertThat(lab.dir.resolve("tiup/storage/cluster/clusters/lab/patch/drainer.tar.gz")).exists();
    }
  }

  @Test
  void withoutDaemontoolsTheSuperviseLayoutSaysWhatToInstallAndStartsNothing() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-jar", Path.of("target", "runbook.jar").toString(),
        "lab", "up", "--dir", tmp.resolve("lab").toString(), "--layout", "tidb-ansible", "--supervision", "supervise",
        "--port-offset", "22600", "--lifetime", "1").redirectErrorStream(true);
    pb.environment().put("PATH", tmp.resolve("no-daemontools").toString());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.exitValue()).as(out).isNotZero();
    assertThat(out).isEqualTo("runbook: lab: --supervision supervise needs daemontools (supervise is not on the PATH):"
        + " install it, e.g. 'apt-get install daemontools'");
    assertThat(tmp.resolve("lab")).doesNotExist();
  }

  private interface Check {
    boolean ok() throws Exception;
  }

  private static boolean waitFor(Check check, int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < until) {
      try {
        if (check.ok()) {
          return true;
        }
      } catch (Exception e) {
        // not yet
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static String svstat(Path deploy) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("svstat", deploy.resolve("status/pump").toString()).redirectErrorStream(true).start();
    p.waitFor(10, TimeUnit.SECONDS);
    return new String(p.getInputStream().readAllBytes()).strip();
  }

  private static int svc(Path deploy, String flag) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("svc", flag, deploy.resolve("status/pump").toString()).start();
    p.waitFor(10, TimeUnit.SECONDS);
    return p.exitValue();
  }

  /** The pid svstat reports for the supervised Pump, -1 when it is not up. */
  private static long servicePid(Path deploy) throws IOException, InterruptedException {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(": up \\(pid (\\d+)\\)").matcher(svstat(deploy));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }
}
