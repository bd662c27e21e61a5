package io.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaDrainerServerTests {
  private static final int PD_PORT = 29380;
  private static final int KAFKA_PORT = 29094;
  private static final int DRAINER_PORT = 29248;
  private static final String STATUS = "http://127.0.0.1:" + DRAINER_PORT + "/status";
  @TempDir Path dir;
  private PdServer pd;
  private KafkaStandIn kafka;
  private KafkaClient producer;

  @BeforeEach
  void startPdAndKafka() throws Exception {
    pd = KafkaPumpServerTests.startPd(PD_PORT, dir.resolve("data.pd"));
    kafka = KafkaStandInTests.startKafka(KAFKA_PORT, dir.resolve("data.kafka"));
    producer = new KafkaClient("127.0.0.1:" + KAFKA_PORT);
    Files.writeString(dir.resolve("drainer.toml"), """
        synced-check-time = 1 # seconds, in the lab
        detect-interval = 1
        [syncer]
        db-type = "file"
        [syncer.to]
        dir = "%s"
        """.formatted(dir.resolve("downstream")));
  }

  @AfterEach
  void stopPdAndKafka() {
    producer.close();
    kafka.stop();
    pd.stop();
  }

  private KafkaDrainerServer startDrainer() throws Exception {
    KafkaDrainerServer drainer = new KafkaDrainerServer(new Release("drainer", "v2.0.5"), new Flags(new String[] {
        "--addr=127.0.0.1:" + DRAINER_PORT, "--kafka-addrs=127.0.0.1:" + KAFKA_PORT,
        "--zookeeper-addrs=127.0.0.1:29183", "--pd-urls=http://127.0.0.1:" + PD_PORT,
        "--data-dir=" + dir.resolve("data.drainer"), "--config=" + dir.resolve("drainer.toml"),
        "--initial-commit-ts=0"}));
    drainer.start();
    return drainer;
  }

  private void produce(long... commitTs) throws IOException {
    for (long ts : commitTs) {
      producer.produce(ts, "txn-" + ts);
    }
  }

  private List<Long> applied() throws IOException {
    return BinlogFile.read(dir.resolve("downstream").resolve(FileDownstream.BINLOG)).stream()
        .map(BinlogFile.Entry::commitTs).toList();
  }

  private static Map<String, Object> status() throws IOException {
    return Json.object(HttpJson.get(STATUS));
  }

  @Test
  void itAppliesInOrderExactlyOnceAcrossRestarts() throws Exception {
    produce(100, 200, 300);
    KafkaDrainerServer drainer = startDrainer();
    try {
      Eventually.within(3000, () -> assertThat(applied()).containsExactly(100L, 200L, 300L));
      Eventually.within(3000, () -> assertThat(status().get("PumpPos"))
          .isEqualTo(Map.of("kafka", Map.of("offset", 3))));
    } finally {
      drainer.stop();
    }
    Path savepoint = dir.resolve("data.drainer").resolve(Savepoint.FILE);
    assertThat(Files.readString(savepoint)).as("the Kafka era's pb checkpoint, in its own data dir")
        .isEqualTo("commitTS = 300\n\n[positions]\n  kafka-offset = 3\n");
    assertThat(dir.resolve("downstream")).isDirectoryNotContaining("glob:**savepoint*")
        .isDirectoryNotContaining("glob:**checkpoint*");

    produce(400, 500);
    drainer = startDrainer();
    try {
      Eventually.within(3000, () -> assertThat(applied()).containsExactly(100L, 200L, 300L, 400L, 500L));
    } finally {
      drainer.stop();
    }

    // A savepoint behind the downstream (a kill between applying and saving it): as with the
    // real file sink, what it had applied past the savepoint is applied again.
    new Savepoint(200, Map.of("kafka-offset", 1L)).write(savepoint);
    produce(600);
    drainer = startDrainer();
    try {
      Eventually.within(3000, () -> assertThat(applied())
          .containsExactly(100L, 200L, 300L, 400L, 500L, 300L, 400L, 500L, 600L));
      Eventually.within(3000, () -> assertThat(status().get("PumpPos"))
          .isEqualTo(Map.of("kafka", Map.of("offset", 6))));
    } finally {
      drainer.stop();
    }
  }

  @Test
  void itIsSyncedOnlyAfterAQuietPeriodWithNothingPending() throws Exception {
    KafkaDrainerServer drainer = startDrainer();
    try {
      long ts = 1000;
      long until = System.currentTimeMillis() + 2500;
      while (System.currentTimeMillis() < until) {
        produce(++ts);
        assertThat(status().get("Synced")).as("Synced while writes flow").isEqualTo(false);
        Thread.sleep(100);
      }
      long last = ts;
      Eventually.within(4000, () -> assertThat(status().get("Synced")).isEqualTo(true));
      Map<String, Object> window = Json.object(status().get("DepositWindow"));
      assertThat(Json.number(window.get("Upper"))).isEqualTo(last);
      assertThat(Json.number(window.get("Lower"))).isEqualTo(last);
      assertThat(status()).containsEntry("TsMap", "");

      produce(last + 1);
      Eventually.within(1000, () -> assertThat(status().get("Synced")).isEqualTo(false));
    } finally {
      drainer.stop();
    }
  }

  @Test
  void pumpPosIsNamedAfterTheRegisteredKafkaPump() throws Exception {
    new Registry("http://127.0.0.1:" + PD_PORT).put(Registry.KAFKA_PUMPS + "pump-host:8250/object",
        Map.of("NodeID", "pump-host:8250", "Host", "127.0.0.1:8250", "IsAlive", true));
    produce(100);
    KafkaDrainerServer drainer = startDrainer();
    try {
      Eventually.within(3000, () -> assertThat(status().get("PumpPos"))
          .isEqualTo(Map.of("pump-host:8250", Map.of("offset", 1))));
      assertThatThrownBy(() -> HttpJson.get("http://127.0.0.1:" + DRAINER_PORT + "/commit_ts"))
          .hasMessageContaining("404");
    } finally {
      drainer.stop();
    }
  }

  @Test
  void aDownstreamOfAnotherKindIsRefusedAndAnUnreachableMysqlOneFailsTheStart() throws Exception {
    Files.writeString(dir.resolve("drainer.toml"), "[syncer]\ndb-type = \"kafka\"\n");
    assertThatThrownBy(this::startDrainer).hasMessageContaining("db-type \"file\" or \"mysql\"/\"tidb\", not \"kafka\"");
    org.junit.jupiter.api.Assumptions.assumeTrue(MariaDbClient.program() != null, "the mariadb client is not installed");
    Files.writeString(dir.resolve("drainer.toml"), "[syncer]\ndb-type = \"mysql\"\n[syncer.to]\nport = 29306\n");
    assertThatThrownBy(this::startDrainer).hasMessageStartingWith("mariadb at localhost:29306: ")
        .hasMessageContaining("Can't connect");
  }
}
