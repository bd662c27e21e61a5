package io.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZookeeperStandInTests {
  private static final int PORT = 29181;
  @TempDir Path dir;
  private ZookeeperStandIn zk;

  @BeforeEach
  void start() throws Exception {
    zk = new ZookeeperStandIn(new Release("zookeeper", "3.4.10"), new Flags(new String[] {
        "--listen=127.0.0.1:" + PORT, "--data-dir=" + dir.resolve("data.zookeeper")}));
    zk.start();
  }

  @AfterEach
  void stop() {
    zk.stop();
  }

  /** Sends a four-letter word and reads until the server closes the connection. */
  static String fourLetters(int port, String word) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(3000);
      s.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void ruokIsAnsweredImok() throws IOException {
    assertThat(fourLetters(PORT, "ruok")).isEqualTo("imok");
  }

  @Test
  void srvrLooksLikeZookeeper34() throws IOException {
    String srvr = fourLetters(PORT, "srvr");
    assertThat(srvr).startsWith("Zookeeper version: 3.4.10-runbook-lab, built on 01/01/2019\n")
        .contains("Received: 1\n", "Mode: standalone\n", "Zxid: 0x0\n").endsWith("Node count: 4\n");
    assertThat(fourLetters(PORT, "stat")).contains("Clients:\n", "Mode: standalone\n");
  }

  @Test
  void anUnknownWordIsClosedWithoutAnswer() throws IOException {
    assertThat(fourLetters(PORT, "kill")).isEmpty();
  }
}
