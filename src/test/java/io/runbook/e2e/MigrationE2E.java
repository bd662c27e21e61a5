package io.runbook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate-kafka-to-cluster.yml against a Kafka-era lab while TiDB writes: every binlog of both
 * eras downstream exactly once, the new releases running, the old deployment stopped, and a
 * second run changes nothing; an old Drainer that never reports Synced stops the run at the
 * gate with nothing of the old deployment stopped, and --resume completes once it catches up.
 */
class MigrationE2E {
  @TempDir Path tmp;

  @Test
  void theMigrationKeepsEveryBinlogAndASecondRunChangesNothing() throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 20300).up("kafka")) {
      LabFixture.Result run = lab.play("migrate-kafka-to-cluster.yml");
      assertThat(run.code()).as(run.all()).isZero();
      assertThat(lab.release("tidb1", "tidb-server")).isEqualTo("v3.0.0");
      assertThat(lab.get("http://127.0.0.1:" + lab.port(10080) + "/status").path("version").asText())
          .isEqualTo("5.7.25-TiDB-v3.0.0");
      for (int i = 0; i < 3; i++) {
        assertThat(lab.pumpState(lab.port(8250 + i))).isEqualTo("online");
      }
      assertThat(Files.readString(lab.dir.resolve("tidb1/conf/tidb.toml")))
          .contains("enable = true").doesNotContain("binlog-socket");
      for (String old : List.of("tidb1/status/pump.pid", "kafka_drainer1/status/drainer.pid",
          "kafka1/status/kafka.pid", "zookeeper1/status/zookeeper.pid")) {
        assertThat(lab.dir.resolve(old)).as("stopped: " + old).doesNotExist();
      }
      LabFixture.Result verify = lab.verify();
      assertThat(verify.code()).as(verify.all()).isZero();

      LabFixture.Result again = lab.play("migrate-kafka-to-cluster.yml");
      assertThat(again.code()).as(again.all()).isZero();
      assertThat(again.out()).doesNotContainPattern("changed=[1-9]");
    }
  }

  @Test
  void anOldDrainerThatNeverSyncsStopsTheRunAtTheGateWithNothingOldStopped() throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 20400).up("kafka")) {
      Path conf = lab.dir.resolve("kafka_drainer1/conf/drainer.toml");
      String good = Files.readString(conf);
      restartOldDrainer(lab, good.replace("synced-check-time = 3", "synced-check-time = 100000"));

      LabFixture.Result run = lab.play("migrate-kafka-to-cluster.yml", "-e", "drainer_synced_timeout=5");
      assertThat(run.code()).as(run.all()).isEqualTo(2);
      assertThat(run.out()).contains("the old Drainer kafka_drainer1")
          .contains("Synced\\\": true within 5 s")
          .contains("Nothing of the old deployment was stopped and the new Drainer was not started");
      for (String old : List.of("tidb1/status/pump.pid", "kafka_drainer1/status/drainer.pid",
          "kafka1/status/kafka.pid", "zookeeper1/status/zookeeper.pid")) {
        assertThat(lab.dir.resolve(old)).as("still running: " + old).exists();
      }
      assertThat(lab.dir.resolve("drainer1")).as("the new Drainer was not deployed").doesNotExist();

      restartOldDrainer(lab, good);
      LabFixture.Result resumed = lab.play("migrate-kafka-to-cluster.yml", "-e", "drainer_synced_timeout=5",
          "--resume", "last");
      assertThat(resumed.code()).as(resumed.all()).isZero();
      LabFixture.Result verify = lab.verify();
      assertThat(verify.code()).as(verify.all()).isZero();
    }
  }

  @Test
  void theRedeployDiscardsTheOldBinlogAndContinuesFromAFullReimport() throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 20500).up("kafka")) {
      LabFixture.Result run = lab.play("redeploy-cluster-binlog.yml");
      assertThat(run.code()).as(run.all()).isZero();
      assertThat(run.out()).contains("4. full re-import downstream (controller)");
      assertThat(lab.release("tidb1", "tidb-server")).isEqualTo("v3.0.0");
      assertThat(lab.release("drainer1", "drainer")).isEqualTo("v3.0.5");
      assertThat(lab.dir.resolve("kafka1/status/kafka.pid")).doesNotExist();
      LabFixture.Result verify = lab.verify();
      assertThat(verify.code()).as(verify.all()).isZero();
      LabFixture.Result again = lab.play("redeploy-cluster-binlog.yml");
      assertThat(again.code()).as(again.all()).isZero();
      assertThat(again.out()).doesNotContainPattern("changed=[1-9]");
    }
  }

  private static void restartOldDrainer(LabFixture lab, String config) throws Exception {
    Path dir = lab.dir.resolve("kafka_drainer1");
    sh(dir.resolve("scripts/stop_drainer.sh"));
    Files.writeString(dir.resolve("conf/drainer.toml"), config);
    sh(dir.resolve("scripts/start_drainer.sh"));
    for (int i = 0; i < 100; i++) {
      try {
        lab.get("http://127.0.0.1:" + lab.port(8248) + "/status");
        return;
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("the old drainer did not come back");
  }

  private static void sh(Path script) throws Exception {
    Process p = new ProcessBuilder("/bin/sh", script.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor()).as(script.toString()).isZero();
  }
}
