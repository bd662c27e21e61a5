package io.runbook.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.runbook.report.HostResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled TiDB checks (playbooks/tasks/check-tidb-binlog.yml, check-tidb-critical-errors.yml)
 * against a real HTTP server answering as TiDB's status port does: what a window with no Pump
 * would do, told from /settings and the release; a rise of tidb_server_critical_error_total
 * stops the run naming the TiDB and the count.
 */
class BundledTidbChecksTests {
  private static final Path TASKS = Path.of("playbooks/tasks").toAbsolutePath();
  @TempDir Path dir;
  private final AtomicInteger criticalErrors = new AtomicInteger();
  private HttpServer tidb;

  private int tidb(String version, boolean ignoreError) throws Exception {
    tidb = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    answer("/status", "{\"connections\": 0, \"version\": \"5.7.25-TiDB-" + version + "\", \"git_hash\": \"x\"}");
    answer("/settings", "{\"binlog\": {\"enable\": true, \"ignore-error\": " + ignoreError
        + ", \"write-timeout\": \"15s\"}}");
    tidb.createContext("/metrics", exchange -> {
      byte[] body = ("# TYPE tidb_server_critical_error_total counter\ntidb_server_critical_error_total "
          + criticalErrors.get() + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    tidb.start();
    return tidb.getAddress().getPort();
  }

  private void answer(String path, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    tidb.createContext(path, exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
  }

  @AfterEach
  void stop() {
    if (tidb != null) {
      tidb.stop(0);
    }
  }

  private RecordingListener run(int port, String between) {
    String inventory = """
        all:
          vars: {ansible_connection: local, ansible_host: 127.0.0.1, tidb_status_port: %d}
          children:
            tidb_servers: {hosts: {tidb1: {}}}
            pump_servers: {hosts: {pump1: {}}}
        """.formatted(port);
    return new Fixture(dir).run("""
        - hosts: tidb_servers
          tasks:
            - import_tasks: %1$s/check-tidb-binlog.yml
        - hosts: pump_servers
          tasks:
            - name: between
              command: %2$s
              changed_when: false
            - import_tasks: %1$s/check-tidb-critical-errors.yml
        """.formatted(TASKS, between), inventory);
  }

  private static String said(RecordingListener l) {
    HostResult r = l.last("say what a window with no Pump online would do to this TiDB", "tidb1");
    return String.valueOf(r.result().get("msg"));
  }

  @Test
  void aTidbUpToV3012WithoutIgnoreErrorIsSaidToStopServingAndAnUnchangedCountPasses() throws Exception {
    int port = tidb("v3.0.0", false);
    criticalErrors.set(2);
    RecordingListener l = run(port, "true");
    assertThat(said(l)).contains("TiDB tidb1: if no Pump were online, it stops serving until restarted by hand"
        + " (ignore-error = false, v3.0.0 <= v3.0.12)").contains("critical-error count is 2");
    assertThat(l.of("no TiDB counted a critical binlog error")).containsExactly("ok pump1");
  }

  @Test
  void laterReleasesAndIgnoreErrorAreToldApart() throws Exception {
    RecordingListener later = run(tidb("v3.0.13", false), "true");
    assertThat(said(later))
        .contains("its statements fail until a Pump is back (ignore-error = false)");
    tidb.stop(0);
    RecordingListener ignoring = run(tidb("v3.0.0", true), "true");
    assertThat(said(ignoring))
        .contains("it goes on without writing binlog (ignore-error = true): the downstream would miss those commits");
  }

  @Test
  void aRiseOfTheCriticalErrorCountStopsTheRunNamingTheTidb() throws Exception {
    int port = tidb("v3.0.0", false);
    // the "restart" between the two checks costs TiDB three binlog writes
    tidb.createContext("/lab/fail", exchange -> {
      criticalErrors.addAndGet(3);
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    RecordingListener l = run(port, "curl -fsS http://127.0.0.1:" + port + "/lab/fail");
    HostResult failed = l.last("no TiDB counted a critical binlog error", "pump1");
    assertThat(failed.status()).hasToString("FAILED");
    assertThat(failed.message()).contains("TiDB tidb1 counted 3 critical binlog error(s) since the upgrade began"
        + " (tidb_server_critical_error_total 0 -> 3), seen after pump1 was upgraded")
        .contains("it stops serving until restarted by hand");
  }
}
