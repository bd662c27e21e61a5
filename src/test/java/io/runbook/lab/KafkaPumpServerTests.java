package io.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaPumpServerTests {
  private static final int PD_PORT = 29379;
  private static final int KAFKA_PORT = 29093;
  private static final int PUMP_PORT = 29260;
  private static final String PD_URL = "http://127.0.0.1:" + PD_PORT;
  @TempDir Path dir;
  private PdServer pd;
  private KafkaStandIn kafka;

  static PdServer startPd(int port, Path dataDir) throws Exception {
    PdServer pd = new PdServer(new Release("pd-server", "v2.1.0"), new Flags(new String[] {
        "--client-urls=http://127.0.0.1:" + port, "--data-dir=" + dataDir}));
    pd.start();
    return pd;
  }

  @BeforeEach
  void startPdAndKafka() throws Exception {
    pd = startPd(PD_PORT, dir.resolve("data.pd"));
    kafka = KafkaStandInTests.startKafka(KAFKA_PORT, dir.resolve("data.kafka"));
  }

  @AfterEach
  void stopPdAndKafka() {
    kafka.stop();
    pd.stop();
  }

  private KafkaPumpServer pump() {
    return new KafkaPumpServer(new Release("pump", "v2.0.5"), new Flags(new String[] {
        "--addr=127.0.0.1:" + PUMP_PORT, "--socket=" + dir.resolve("pump.sock"),
        "--kafka-addrs=127.0.0.1:" + KAFKA_PORT, "--zookeeper-addrs=127.0.0.1:29182",
        "--pd-urls=" + PD_URL, "--data-dir=" + dir.resolve("data.pump")}));
  }

  private static Map<String, Object> positions() throws IOException {
    Map<String, Object> latest = Json.object(Json.object(HttpJson.get("http://127.0.0.1:" + PUMP_PORT + "/status"))
        .get("LatestBinlog"));
    assertThat(latest).hasSize(1);
    return Json.object(latest.values().iterator().next());
  }

  private static long offset(Map<String, Object> positions, String which) {
    return Json.number(Json.object(positions.get(which)).get("offset"));
  }

  private static Map<String, Object> registered() throws IOException {
    Map<String, Map<String, Object>> nodes = new Registry(PD_URL).nodes(Registry.KAFKA_PUMPS);
    assertThat(nodes).hasSize(1);
    assertThat(nodes.keySet().iterator().next()).endsWith(":" + PUMP_PORT + "/object");
    return nodes.values().iterator().next();
  }

  @Test
  void aSocketWriteLandsInKafkaAndMovesTheStatusOffsets() throws Exception {
    Files.writeString(dir.resolve("pump.sock"), "left by a killed pump");
    KafkaPumpServer pump = pump();
    pump.start();
    try {
      SocketSink tidb = new SocketSink(dir.resolve("pump.sock"));
      assertThat(tidb.write(100, "txn-1")).isNull();
      assertThat(tidb.write(200, "txn-2")).isNull();
      try (KafkaClient consumer = new KafkaClient("127.0.0.1:" + KAFKA_PORT)) {
        assertThat(consumer.fetch(0, 10)).extracting(KafkaClient.Message::binlog)
            .containsExactly(new BinlogFile.Entry(100, "txn-1"), new BinlogFile.Entry(200, "txn-2"));
      }
      assertThat(offset(positions(), "file-position")).isEqualTo(2);
      assertThat(offset(positions(), "kafka-position")).isEqualTo(2);
      assertThat(Json.number(Json.object(HttpJson.get("http://127.0.0.1:" + PUMP_PORT + "/status"))
          .get("CommitTS"))).isPositive();
      assertThat(HttpJson.get("http://127.0.0.1:" + PUMP_PORT + "/drainers")).isEqualTo(List.of());
      assertThatThrownBy(() -> HttpJson.get("http://127.0.0.1:" + PUMP_PORT + "/state/x/pause"))
          .hasMessageContaining("404");
      // The registry follows with the next heartbeat (every 2 s).
      Eventually.within(3000, () -> assertThat(registered()).containsEntry("IsAlive", true)
          .containsEntry("IsOffline", false)
          .containsEntry("LatestKafkaPos", Map.of("suffix", 0, "offset", 2))
          .containsEntry("LatestFilePos", Map.of("suffix", 0, "offset", 2)));
    } finally {
      pump.stop();
    }
    assertThat(registered()).containsEntry("IsAlive", false);
    assertThat(dir.resolve("pump.sock")).doesNotExist();
  }

  @Test
  void aBinlogKafkaRefusesIsAnErrorAndNotStored() throws Exception {
    KafkaPumpServer pump = pump();
    pump.start();
    try {
      SocketSink tidb = new SocketSink(dir.resolve("pump.sock"));
      assertThat(tidb.write(100, "txn-1")).isNull();
      kafka.stop();
      assertThat(tidb.write(200, "txn-2")).contains("error");
      assertThat(tidb.write(300, "txn-3")).contains("error", "cannot reach kafka");
      assertThat(offset(positions(), "file-position")).isEqualTo(1);
      kafka = KafkaStandInTests.startKafka(KAFKA_PORT, dir.resolve("data.kafka"));
      assertThat(tidb.write(400, "txn-4")).isNull();
      assertThat(offset(positions(), "file-position")).isEqualTo(2);
      assertThat(offset(positions(), "kafka-position")).isEqualTo(2);
    } finally {
      pump.stop();
    }
  }

  @Test
  void theKafkaPositionSurvivesARestart() throws Exception {
    KafkaPumpServer pump = pump();
    pump.start();
    try {
      assertThat(new SocketSink(dir.resolve("pump.sock")).write(100, "txn-1")).isNull();
    } finally {
      pump.stop();
    }
    pump = pump();
    pump.start();
    try {
      assertThat(offset(positions(), "file-position")).isEqualTo(1);
      assertThat(offset(positions(), "kafka-position")).isEqualTo(1);
      assertThat(registered()).containsEntry("IsAlive", true);
    } finally {
      pump.stop();
    }
  }

  @Test
  void itRefusesToStartWithoutKafka() {
    kafka.stop(); // @AfterEach stops it again: the stand-in's stop may be repeated
    assertThatThrownBy(() -> pump().start()).hasMessageContaining("pump cannot start without kafka")
        .hasMessageContaining("127.0.0.1:" + KAFKA_PORT);
    assertThat(dir.resolve("pump.sock")).doesNotExist();
  }

  @Test
  void theSocketFlagIsRequired() {
    KafkaPumpServer pump = new KafkaPumpServer(new Release("pump", "v2.0.5"), new Flags(new String[] {
        "--addr=127.0.0.1:" + PUMP_PORT, "--pd-urls=" + PD_URL, "--data-dir=" + dir.resolve("data.pump")}));
    assertThatThrownBy(pump::start).hasMessageContaining("--socket is required");
  }
}
