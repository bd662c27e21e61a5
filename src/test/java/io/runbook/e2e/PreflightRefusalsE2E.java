package io.runbook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled playbooks refuse, before touching anything, a cluster that a rolling restart would
 * hurt, and catch a Pump that stops badly; each against the lab's real processes.
 */
class PreflightRefusalsE2E {
  @TempDir Path tmp;

  @Test
  void aPausedPumpAndADeadOnlinePumpAreRefusedBeforeAnythingIsTouchedAndTheOperatorsFixLetsTheUpgradeThrough()
      throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 21000).up("cluster")) {
      String paused = lab.pumpNodeId(lab.port(8251));
      String dead = lab.pumpNodeId(lab.port(8252));
      LabFixture.sh(lab.dir.resolve("pump2/scripts/stop_pump.sh"));
      kill9(lab.dir.resolve("pump3/status/pump.pid"));
      assertThat(lab.pumpState(lab.port(8251))).isEqualTo("paused");
      assertThat(lab.pumpState(lab.port(8252))).isEqualTo("online");

      LabFixture.Result refused = lab.play("upgrade-binlog.yml");
      assertThat(refused.code()).as(refused.all()).isEqualTo(2);
      assertThat(refused.out())
          .contains("Pump " + paused + " (127.0.0.1:" + lab.port(8251) + ") is paused in PD and does not answer."
              + " A paused Pump stops every Drainer")
          .contains("Pump " + dead + " (127.0.0.1:" + lab.port(8252) + ") is online in PD and does not answer."
              + " TiDB still chooses a Pump PD lists as online")
          .contains("binlogctl -pd-urls=http://127.0.0.1:" + lab.port(2379) + " -cmd update-pump -node-id "
              + dead + " -state offline; what it holds that no Drainer has pulled is lost then. Nothing was touched.");
      for (String host : List.of("pump1", "pump2", "pump3")) {
        assertThat(lab.release(host, "pump")).as(host).isEqualTo("v3.0.0");
      }
      assertThat(lab.release("drainer1", "drainer")).isEqualTo("v3.0.0");
      assertThat(lab.pumpState(lab.port(8250))).isEqualTo("online");

      // the fix the message names: start them again (marking the dead one offline instead would
      // lose what TiDB wrote to it that the Drainer had not pulled yet: binlogctl's own test shows it)
      LabFixture.sh(lab.dir.resolve("pump2/scripts/start_pump.sh"));
      LabFixture.sh(lab.dir.resolve("pump3/scripts/start_pump.sh"));
      long until = System.currentTimeMillis() + 20_000;
      while (!(lab.pumpState(lab.port(8251)).equals("online") && lab.pumpState(lab.port(8252)).equals("online"))
          && System.currentTimeMillis() < until) {
        Thread.sleep(200);
      }
      LabFixture.Result resumed = lab.play("upgrade-binlog.yml", "--resume", "last");
      assertThat(resumed.code()).as(resumed.all()).isZero();
      for (String host : List.of("pump1", "pump2", "pump3")) {
        assertThat(lab.release(host, "pump")).as(host).isEqualTo("v3.0.5");
      }
      assertThat(lab.pumpState(lab.port(8252))).isEqualTo("online");
      LabFixture.Result verify = lab.verify();
      assertThat(verify.code()).as(verify.all()).isZero();
    }
  }

  @Test
  void aDrainerFurtherBehindThanDrainerMaxLagIsRefusedNamingItsLag() throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 21100).up("cluster")) {
      // TiDB commits all the time, so the Drainer is never Synced; a limit below any lag proves the check
      LabFixture.Result refused = lab.play("upgrade-pump.yml", "-e", "drainer_max_lag=-1");
      assertThat(refused.code()).as(refused.all()).isEqualTo(2);
      assertThat(refused.out()).containsPattern("Drainer \\S+:" + lab.port(8249) + " is \\d+ s behind PD's current timestamp")
          .contains("more than drainer_max_lag = -1 s").contains("Nothing was touched.");
      assertThat(lab.release("pump1", "pump")).isEqualTo("v3.0.0");
    }
  }

  @Test
  void aPumpKilledInsteadOfStoppedIsCaughtBeforeItsBinaryIsReplaced() throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 21200).up("cluster")) {
      // pump2's stop goes wrong the way a stop timeout ending in SIGKILL does
      Files.writeString(lab.dir.resolve("pump2/scripts/stop_pump.sh"), "#!/bin/sh\n"
          + "cd \"$(dirname \"$0\")/..\" || exit 1\nkill -9 \"$(cat status/pump.pid)\"\nrm -f status/pump.pid\n");
      String id = lab.pumpNodeId(lab.port(8251));
      LabFixture.Result run = lab.play("upgrade-pump.yml");
      assertThat(run.code()).as(run.all()).isEqualTo(2);
      assertThat(run.out()).contains("Pump " + id + " (127.0.0.1:" + lab.port(8251) + ") of pump2 is stopped, and PD lists it"
          + " as online, not paused: it was killed before it could tell PD");
      assertThat(lab.release("pump1", "pump")).as("pump1 went first").isEqualTo("v3.0.5");
      assertThat(lab.release("pump2", "pump")).as("its binary was not replaced").isEqualTo("v3.0.0");
      assertThat(lab.release("pump3", "pump")).isEqualTo("v3.0.0");
    }
  }

  @Test
  void aReleaseWhosePumpsRefuseWritesIsCaughtWhenTidbCountsACriticalError() throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 21400).up("cluster")) {
      // a release that starts and comes online, then refuses every write: its disk looks full
      Path release = lab.dir.resolve("packages/tidb-binlog-v3.0.6-linux-amd64");
      PumpDrainerUpgradeE2E.copyRelease(lab.dir.resolve("packages/tidb-binlog-v3.0.5-linux-amd64"), release, "v3.0.6");
      Path pump = release.resolve("bin/pump");
      Files.writeString(pump, Files.readString(pump).replace("--release=v3.0.6", "--release=v3.0.6 --lab-available-space=1MiB"));
      LabFixture.Result run = lab.play("upgrade-pump.yml", "-e", "binlog_version=v3.0.6",
          "-e", "binlog_package_dir=" + release);
      assertThat(run.code()).as(run.all()).isEqualTo(2);
      // with all three on it TiDB has nowhere to write: v3.0.0 without ignore-error stops serving
      assertThat(run.out()).containsPattern("TiDB tidb1 counted \\d+ critical binlog error\\(s\\) since the upgrade began"
          + " \\(tidb_server_critical_error_total 0 -> \\d+\\), seen after pump\\d was upgraded: it could not"
          + " write a binlog, and it stops serving until restarted by hand");
    }
  }

  @Test
  void theMigrationRefusesNewPumpsOnTheKafkaEraPumpsPortBeforeAnythingIsTouched() throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 21300).up("kafka")) {
      LabFixture.Result refused = lab.play("migrate-kafka-to-cluster.yml", "-e", "pump_port=" + lab.port(8260));
      assertThat(refused.code()).as(refused.all()).isEqualTo(2);
      assertThat(refused.out()).contains("the new Pump pump1 (127.0.0.1:" + lab.port(8260))
          .contains("would land on the Kafka-era Pump of tidb1 (127.0.0.1:" + lab.port(8260))
          .contains("the same port, which the old Pump holds until step 7").contains("Nothing was touched.");
      assertThat(lab.dir.resolve("pump1/bin/pump")).doesNotExist();
      assertThat(lab.release("tidb1", "tidb-server")).isEqualTo("v2.1.0-rc.4");
    }
  }


  private static void kill9(Path pidFile) throws Exception {
    ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
    Thread.sleep(500);
  }

}
