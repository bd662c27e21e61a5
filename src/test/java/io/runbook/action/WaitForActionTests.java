package io.runbook.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbook.model.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaitForActionTests {
  private final WaitForAction action = new WaitForAction();
  private final TestActionContext ctx = new TestActionContext();
  private ServerSocket server;
  private Thread serving;
  @TempDir Path dir;

  @AfterEach
  void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
    if (serving != null) {
      serving.join(10_000);
    }
  }

  private int listen() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    return server.getLocalPort();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Answers each connection with a greeting, or echoes a reply after reading a request line. */
  private void serve(String greeting, String replyToRequest) {
    serving = new Thread(() -> {
      while (!server.isClosed()) {
        try (Socket s = server.accept()) {
          s.setSoTimeout(5_000);
          OutputStream out = s.getOutputStream();
          if (greeting != null) {
            out.write(greeting.getBytes(StandardCharsets.UTF_8));
          }
          if (replyToRequest != null) {
            InputStream in = s.getInputStream();
            while (in.read() != '\n') {
              // read the request line
            }
            out.write(replyToRequest.getBytes(StandardCharsets.UTF_8));
          }
          out.flush();
        } catch (IOException e) {
          // closed by the test
        }
      }
    });
    serving.setDaemon(true);
    serving.start();
  }

  private ActionResult run(Object... kv) {
    Map<String, Object> args = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      args.put((String) kv[i], kv[i + 1]);
    }
    return action.execute(ctx, args);
  }

  @Test
  void anOpenPortIsStartedAtOnce() throws Exception {
    int port = listen();
    ActionResult r = run("port", (long) port);
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.data()).containsEntry("elapsed", 0L).containsEntry("port", (long) port)
        .containsEntry("state", "started");
    assertThat(ctx.waits).containsExactly("port " + port + " on 127.0.0.1 to open");
  }

  @Test
  void aClosedPortTimesOutOnTheRunClockWithAnsiblesMessage() throws Exception {
    int port = closedPort();
    ActionResult r = run("port", (long) port, "timeout", 10L, "sleep", 2L);
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).isEqualTo("Timeout when waiting for 127.0.0.1:" + port);
    assertThat(r.data()).containsEntry("elapsed", 10L);
    assertThat(ctx.clock.sleeps).hasSize(5).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(2)));
  }

  @Test
  void stoppedSucceedsOnAClosedPortAndTimesOutOnAnOpenOne() throws Exception {
    assertThat(run("port", (long) closedPort(), "state", "stopped").status()).isEqualTo(Status.OK);
    int port = listen();
    ActionResult r = run("port", (long) port, "state", "stopped", "timeout", 3L);
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).isEqualTo("Timeout when waiting for 127.0.0.1:" + port + " to stop");
    assertThat(ctx.waits).contains("port " + port + " on 127.0.0.1 to close");
  }

  @Test
  void usesMsgAsTheFailureMessage() throws Exception {
    ActionResult r = run("port", (long) closedPort(), "timeout", 1L, "msg", "the pump port 8250 is not up");
    assertThat(r.message()).isEqualTo("the pump port 8250 is not up");
  }

  @Test
  void delayCountsWithinTheTimeout() throws Exception {
    int port = listen();
    ActionResult r = run("port", (long) port, "delay", 7L);
    assertThat(r.data()).containsEntry("elapsed", 7L);
    assertThat(ctx.clock.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void matchesWhatAPortSends() throws Exception {
    int port = listen();
    serve("SSH-2.0-fake\r\n", null);
    ActionResult r = run("port", (long) port, "search_regex", "SSH-(?<version>\\d\\.\\d)-(\\w+)");
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.data()).containsEntry("match_groups", List.of("2.0", "fake"))
        .containsEntry("match_groupdict", Map.of("version", "2.0"));
  }

  @Test
  void sendsARequestBeforeMatching() throws Exception {
    int port = listen();
    serve(null, "HTTP/1.0 200 OK\r\n\r\n{\"version\":\"5.7.25-TiDB-v3.0.0\"}");
    ActionResult r = run("port", (long) port, "send", "GET /status HTTP/1.0\r\n\r\n", "search_regex", "TiDB");
    assertThat(r.status()).isEqualTo(Status.OK);
  }

  @Test
  void aPortThatNeverSendsTheStringTimesOut() throws Exception {
    int port = listen();
    serve("hello\n", null);
    ActionResult r = run("port", (long) port, "search_regex", "TiDB", "timeout", 2L);
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).isEqualTo("Timeout when waiting for search string TiDB in 127.0.0.1:" + port);
  }

  @Test
  void waitsForAPathToAppearAndToGoAway() throws Exception {
    Path file = dir.resolve("pump.pid");
    ActionResult missing = run("path", file.toString(), "timeout", 3L);
    assertThat(missing.status()).isEqualTo(Status.FAILED);
    assertThat(missing.message()).isEqualTo("Timeout when waiting for file " + file);
    assertThat(run("path", file.toString(), "state", "absent").status()).isEqualTo(Status.OK);

    Files.writeString(file, "1234\n");
    ActionResult present = run("path", file.toString(), "state", "present");
    assertThat(present.status()).isEqualTo(Status.OK);
    assertThat(present.data()).containsEntry("path", file.toString());
    ActionResult stays = run("path", file.toString(), "state", "absent", "timeout", 2L);
    assertThat(stays.message()).isEqualTo("Timeout when waiting for " + file + " to be absent");
  }

  @Test
  void matchesARegexInAFileThatAppearsWhileWaiting() throws Exception {
    Path log = dir.resolve("pump.log");
    Files.writeString(log, "starting\n");
    RunClock clock = new RunClock() {
      long now;
      int sleeps;

      @Override
      public long nanoTime() {
        return now;
      }

      @Override
      public void sleep(Duration d) {
        now += d.toNanos();
        if (++sleeps == 3) {
          try {
            Files.writeString(log, "starting\n[INFO] register pump online, nodeId=pump-a:8250\n");
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    };
    ActionContext timed = new ClockedContext(ctx, clock);
    ActionResult r = action.execute(timed, Map.of("path", log.toString(),
        "search_regex", "register pump (\\w+), nodeId=(\\S+)"));
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.data()).containsEntry("match_groups", List.of("online", "pump-a:8250"))
        .containsEntry("elapsed", 3L);
  }

  @Test
  void drainedWaitsUntilNoConnectionIsActiveOnThePort() throws Exception {
    int port = listen();
    Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
    Socket accepted = server.accept();
    ActionResult busy = run("port", (long) port, "state", "drained", "timeout", 2L);
    assertThat(busy.status()).isEqualTo(Status.FAILED);
    assertThat(busy.message()).isEqualTo("Timeout when waiting for 127.0.0.1:" + port + " to drain");

    client.close(); // the client closes first: its side, not the server port, keeps TIME_WAIT
    accepted.close();
    ActionContext real = new ClockedContext(ctx, RunClock.SYSTEM);
    ActionResult drained = action.execute(real, Map.of("port", (long) port, "state", "drained",
        "timeout", 20L, "sleep", 0.1));
    assertThat(drained.status()).isEqualTo(Status.OK);
  }

  @Test
  void withoutPortOrPathItJustWaitsTheTimeout() {
    ActionResult r = run("timeout", 5L);
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(ctx.clock.sleeps).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void checkModeChecksOnceAndIsUnknownWhenItWouldWait() throws Exception {
    ctx.checkMode = true;
    int port = listen();
    assertThat(run("port", (long) port).status()).isEqualTo(Status.OK);
    ActionResult r = run("port", (long) port, "state", "stopped");
    assertThat(r.status()).isEqualTo(Status.UNKNOWN);
    assertThat(ctx.clock.sleeps).isEmpty();
  }

  @Test
  void refusesArgumentsThatCannotWork() {
    assertThatThrownBy(() -> run("port", 1L, "path", "/x")).isInstanceOf(ActionException.class);
    assertThatThrownBy(() -> run("port", 70000L)).isInstanceOf(ActionException.class);
    assertThatThrownBy(() -> run("path", "/x", "state", "absent", "search_regex", "a"))
        .isInstanceOf(ActionException.class).hasMessageContaining("started or present");
    assertThatThrownBy(() -> run("path", "/x", "search_regex", "("))
        .isInstanceOf(ActionException.class).hasMessageContaining("not a valid regular expression");
    assertThatThrownBy(() -> run("path", "/x", "state", "drained")).isInstanceOf(ActionException.class);
  }

  @Test
  void neverReportsChanged() throws Exception {
    assertThat(run("port", (long) listen()).status()).isNotEqualTo(Status.CHANGED);
  }
}
