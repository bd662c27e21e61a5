package io.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaStandInTests {
  private static final int PORT = 29092;
  @TempDir Path dir;

  static KafkaStandIn startKafka(int port, Path dataDir) throws Exception {
    KafkaStandIn kafka = new KafkaStandIn(new Release("kafka", "0.8.2.0"), new Flags(new String[] {
        "--listen=127.0.0.1:" + port, "--data-dir=" + dataDir}));
    kafka.start();
    return kafka;
  }

  /** A raw line-protocol session: sends each request, collects the reply lines. */
  private static List<String> session(String... requests) throws IOException {
    try (Socket s = new Socket("127.0.0.1", PORT)) {
      s.setSoTimeout(3000);
      PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8);
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      List<String> replies = new ArrayList<>();
      for (String r : requests) {
        out.println(r);
        String line = in.readLine();
        replies.add(line);
        while (r.startsWith("FETCH") && line.startsWith("MSG")) {
          line = in.readLine();
          replies.add(line);
        }
      }
      return replies;
    }
  }

  @Test
  void producedMessagesAreFetchedByOffsetOnOneConnection() throws Exception {
    KafkaStandIn kafka = startKafka(PORT, dir.resolve("data.kafka"));
    try {
      assertThat(session("PRODUCE 100 txn-1", "PRODUCE 200 txn 2 with spaces", "PRODUCE 300 txn-3",
          "FETCH 1 10", "FETCH 0 1", "FETCH 9 5", "HELLO"))
          .containsExactly("OFFSET 0", "OFFSET 1", "OFFSET 2",
              "MSG 1 200 txn 2 with spaces", "MSG 2 300 txn-3", "END",
              "MSG 0 100 txn-1", "END",
              "END",
              "ERR unknown command");
    } finally {
      kafka.stop();
    }
  }

  @Test
  void theTopicSurvivesARestart() throws Exception {
    KafkaStandIn kafka = startKafka(PORT, dir.resolve("data.kafka"));
    try {
      session("PRODUCE 100 txn-1", "PRODUCE 200 txn-2");
    } finally {
      kafka.stop();
    }
    kafka = startKafka(PORT, dir.resolve("data.kafka"));
    try {
      assertThat(session("PRODUCE 300 txn-3", "FETCH 0 10")).containsExactly("OFFSET 2",
          "MSG 0 100 txn-1", "MSG 1 200 txn-2", "MSG 2 300 txn-3", "END");
    } finally {
      kafka.stop();
    }
  }

  @Test
  void theClientReconnectsAfterARestart() throws Exception {
    KafkaStandIn kafka = startKafka(PORT, dir.resolve("data.kafka"));
    try (KafkaClient client = new KafkaClient("127.0.0.1:" + PORT)) {
      assertThat(client.produce(100, "txn-1")).isZero();
      kafka.stop();
      kafka = startKafka(PORT, dir.resolve("data.kafka"));
      // The first call may find the old connection dead; the next one opens a new connection.
      long offset;
      try {
        offset = client.produce(200, "txn-2");
      } catch (IOException dropped) {
        offset = client.produce(200, "txn-2");
      }
      assertThat(offset).isEqualTo(1);
      assertThat(client.fetch(0, 10)).extracting(KafkaClient.Message::binlog)
          .containsExactly(new BinlogFile.Entry(100, "txn-1"), new BinlogFile.Entry(200, "txn-2"));
    } finally {
      kafka.stop();
    }
  }
}
