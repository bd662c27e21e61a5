package io.runbook.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * migrate-kafka-to-cluster.yml against a Kafka-era lab while TiDB writes: with both Drainers on
 * the lab's MariaDB the new one continues from the old one's tidb_binlog.checkpoint row, every
 * binlog of both eras is downstream exactly once, the new releases run, the old deployment is
 * stopped, and a second run changes nothing; with the old Drainer on a file sink and no
 * initial_commit_ts the run is refused before any host is touched; an old Drainer that never
 * reports Synced stops the run at the gate with nothing of the old deployment stopped, and
 * --resume completes once it catches up.
 */
class MigrationE2E {
  @TempDir Path tmp;

  @Test
  void theMigrationKeepsTheCheckpointOnAMysqlDownstreamAndEveryBinlogAndASecondRunChangesNothing()
      throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/mariadbd")), "mariadbd is not installed (apt-get install mariadb-server)");
    try (LabFixture lab = new LabFixture(tmp, 22000).up("kafka", "--downstream", "mysql")) {
      assertThat(Files.readString(lab.dir.resolve("kafka_drainer1/conf/drainer.toml"))).contains("db-type = \"mysql\"");
      long oldCheckpoint = checkpointTs(lab);
      for (int i = 0; i < 100 && oldCheckpoint == 0; i++) { // TiDB starts last
        Thread.sleep(100);
        oldCheckpoint = checkpointTs(lab);
      }
      assertThat(oldCheckpoint).as("the Kafka-era Drainer's row in tidb_binlog.checkpoint").isPositive();
      LabFixture.Result run = lab.play("migrate-kafka-to-cluster.yml");
      assertThat(run.code()).as(run.all()).isZero();
      Matcher resumed = Pattern.compile("resuming from checkpoint commitTS (\\d+)")
          .matcher(Files.readString(lab.dir.resolve("drainer1/log/drainer.log")));
      assertThat(resumed.find()).isTrue();
      assertThat(Long.parseLong(resumed.group(1))).as("the new Drainer started from the old one's checkpoint")
          .isGreaterThanOrEqualTo(oldCheckpoint);
      assertThat(lab.dir.resolve("drainer1/data.drainer/savepoint")).doesNotExist();
      assertThat(Files.readString(lab.dir.resolve("drainer1/conf/drainer.toml")))
          .contains("db-type = \"mysql\"").contains("port = " + lab.port(3306));
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

      assertThat(verify.out()).contains("checkpoint: commitTS").contains("tidb_binlog.checkpoint on 127.0.0.1:"
          + lab.port(3306));

      LabFixture.Result again = lab.play("migrate-kafka-to-cluster.yml");
      assertThat(again.code()).as(again.all()).isZero();
      assertThat(again.out()).doesNotContainPattern("changed=[1-9]");
    }
  }

  @Test
  void aFileSinkMigrationWithoutInitialCommitTsIsRefusedBeforeAnyHostIsTouched() throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 22100).up("kafka")) {
      Path inventory = lab.inventory();
      String text = Files.readString(inventory);
      assertThat(text).contains(", initial_commit_ts: 0}");
      Files.writeString(inventory, text.replace(", initial_commit_ts: 0}", "}"));
      Path savepoint = lab.dir.resolve("kafka_drainer1/data.drainer/savepoint");
      for (int i = 0; i < 100 && !Files.exists(savepoint); i++) {
        Thread.sleep(100);
      }
      String tidbConf = Files.readString(lab.dir.resolve("tidb1/conf/tidb.toml"));

      LabFixture.Result run = lab.play("migrate-kafka-to-cluster.yml");
      assertThat(run.code()).as(run.all()).isEqualTo(2);
      assertThat(run.out()).contains("the new Drainer drainer1 cannot take over the checkpoint of the old Drainer kafka_drainer1")
          .contains("db-type \\\"file\\\"").contains(lab.dir.resolve("kafka_drainer1") + "/data.drainer/savepoint, commitTS ")
          .contains("set initial_commit_ts for drainer1").contains("Nothing was touched")
          .doesNotContainPattern("changed=[1-9]");
      assertThat(lab.dir.resolve("drainer1")).doesNotExist();
      assertThat(lab.dir.resolve("pump1")).doesNotExist();
      assertThat(Files.readString(lab.dir.resolve("tidb1/conf/tidb.toml"))).isEqualTo(tidbConf);
      assertThat(lab.release("tidb1", "tidb-server")).isEqualTo("v2.1.0-rc.4");
      for (String old : List.of("tidb1/status/pump.pid", "tidb1/status/tidb.pid", "kafka_drainer1/status/drainer.pid",
          "kafka1/status/kafka.pid", "zookeeper1/status/zookeeper.pid")) {
        assertThat(lab.dir.resolve(old)).as("still running: " + old).exists();
      }
    }
  }

  /** The commitTS of the row in the lab's MariaDB's tidb_binlog.checkpoint (read with the mariadb client). */
  private static long checkpointTs(LabFixture lab) throws Exception {
    JsonNode c = new ObjectMapper().readTree(lab.dir.resolve("mariadb1/conf/client.json").toFile());
    ProcessBuilder pb = new ProcessBuilder("mariadb", "--no-defaults", "--protocol=TCP", "--host=127.0.0.1",
        "--port=" + c.path("port").asInt(), "--user=" + c.path("user").asText(), "--batch", "--raw",
        "--skip-column-names", "-e", "select checkPoint from tidb_binlog.checkpoint").redirectErrorStream(true);
    pb.environment().put("MYSQL_PWD", c.path("password").asText());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor()).as(out).isZero();
    return out.isEmpty() ? 0 : new ObjectMapper().readTree(out).path("commitTS").asLong();
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
      redeploy(lab);
    }
  }

  @Test
  void theRedeployReimportsIntoTheMysqlDownstreamAndTheNewDrainerContinuesFromTheSnapshot() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/sbin/mariadbd")), "mariadbd is not installed (apt-get install mariadb-server)");
    try (LabFixture lab = new LabFixture(tmp, 22200).up("kafka", "--downstream", "mysql")) {
      redeploy(lab);
      assertThat(Files.readString(lab.dir.resolve("drainer1/conf/drainer.toml"))).contains("db-type = \"mysql\"");
    }
  }

  private static void redeploy(LabFixture lab) throws Exception {
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

  private static void restartOldDrainer(LabFixture lab, String config) throws Exception {
    Path dir = lab.dir.resolve("kafka_drainer1");
    LabFixture.sh(dir.resolve("scripts/stop_drainer.sh"));
    Files.writeString(dir.resolve("conf/drainer.toml"), config);
    LabFixture.sh(dir.resolve("scripts/start_drainer.sh"));
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

}
