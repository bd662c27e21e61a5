package io.runbook.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TiDB that commits a steady stream of transactions and writes each one's binlog (reference
 * §3): to the online cluster pumps it finds in PD, or, in the Kafka/Local era, to its local
 * pump's unix socket ({@code binlog-socket}). Refuses to start with cluster binlog when no pump
 * is registered ("no pump found in pd"), and when its version does not speak the configured
 * generation. Every committed transaction is recorded in {@code data.tidb/committed.log}: what
 * {@code runbook lab verify} checks the downstream against.
 *
 * <p>A binlog write, as the real pump client (pingcap/tidb-tools pump_client/client.go
 * {@code WriteBinlog}): with no available (online) Pump it fails at once; otherwise it is tried
 * across the Pumps until {@code write-timeout}. When it fails, {@code [binlog] ignore-error}
 * decides (sessionctx/binloginfo, server/conn.go): {@code true} commits, stops writing binlog
 * until {@code /binlog/recover} or a restart and counts {@code tidb_server_critical_error_total};
 * {@code false} is a critical error that, up to v3.0.12, stops the SQL listener for good
 * ("listener stopped, waiting for manual kill": the status port still answers) and, from v3.0.13,
 * fails the statement.
 */
final class TidbServer extends Daemon {
  private final AtomicLong committed = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong criticalErrors = new AtomicLong();
  private LabConfig conf;
  private volatile boolean stopping;
  private volatile boolean skipBinlog;
  private volatile boolean listenerStopped;
  private BinlogFile commitLog;
  private BinlogSink sink;
  private Registry registry;
  private HttpApi http;
  private ServerSocket sqlPort;
  private Thread writer;
  private boolean ignoreError;
  private long writeTimeoutMillis;

  TidbServer(Release release, Flags flags) {
    super(release, flags, "tidb");
  }

  @Override
  protected void start() throws Exception {
    conf = LabConfig.read(flags.get("config", null));
    boolean enable = flags.bool("enable-binlog") || conf.bool("binlog.enable", false);
    String socket = flags.get("binlog-socket", conf.string("binlog.binlog-socket", ""));
    ignoreError = conf.bool("binlog.ignore-error", false);
    writeTimeoutMillis = Durations.millis(conf.string("binlog.write-timeout", "15s"));
    registry = new Registry(flags.get("path", "127.0.0.1:2379"));
    if (!socket.isEmpty()) {
      if (release.clusterGeneration()) {
        throw new IOException("binlog-socket " + socket + ": TiDB " + release.version()
            + " does not support the Kafka/Local version of TiDB Binlog; enable the cluster version"
            + " ([binlog] enable = true, no binlog-socket)");
      }
      sink = new SocketSink(Path.of(socket));
    } else if (enable) {
      if (!release.clusterGeneration()) {
        throw new IOException("[binlog] enable: TiDB " + release.version() + " predates the cluster"
            + " version of TiDB Binlog (v2.0.8-binlog, v2.1.0-rc.5 and later); it writes binlog"
            + " only to a local pump through binlog-socket");
      }
      if (registry.nodes(Registry.PUMPS).isEmpty()) {
        throw new IOException("no pump found in pd");
      }
      sink = new ClusterSink(registry);
    }
    commitLog = new BinlogFile(Path.of(flags.get("lab-store", "data.tidb")).resolve("committed.log"));
    sqlPort = new ServerSocket();
    sqlPort.bind(new InetSocketAddress("127.0.0.1", flags.port("P", 4000)));
    Thread accept = new Thread(this::acceptSql, "sql");
    accept.setDaemon(true);
    accept.start();
    http = new HttpApi("127.0.0.1", flags.port("status", 10080))
        .on("GET", "/status", r -> stopping ? new HttpApi.Reply(500, null) : HttpApi.Reply.ok(status()))
        .on("GET", "/settings", r -> HttpApi.Reply.ok(settings()))
        .on("GET", "/metrics", r -> HttpApi.Reply.ok(metrics()))
        .on("GET", "/binlog/recover", r -> {
          skipBinlog = false; // sessionctx/binloginfo DisableSkipBinlogFlag
          return HttpApi.Reply.ok("success!");
        })
        .on("GET", "/lab/stats", r -> HttpApi.Reply.ok(stats()));
    http.start();
    long interval = Long.parseLong(flags.get("lab-write-interval-ms", "50"));
    writer = new Thread(() -> writeLoop(interval), "writer");
    writer.setDaemon(true);
    writer.start();
  }

  private Map<String, Object> status() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("connections", 1);
    String mysql = Versions.atLeast(release.version(), "3.0.0") ? "5.7.25" : "5.7.10";
    out.put("version", mysql + "-TiDB-" + release.version());
    out.put("git_hash", release.gitHash());
    return out;
  }

  /** {@code GET /settings}: the configuration, with its binlog section as TiDB names it. */
  private Map<String, Object> settings() {
    Map<String, Object> binlog = new LinkedHashMap<>();
    binlog.put("enable", sink instanceof ClusterSink);
    binlog.put("write-timeout", conf.string("binlog.write-timeout", "15s"));
    binlog.put("ignore-error", ignoreError);
    binlog.put("binlog-socket", conf.string("binlog.binlog-socket", flags.get("binlog-socket", "")));
    binlog.put("strategy", "range");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("host", "127.0.0.1");
    out.put("port", flags.port("P", 4000));
    out.put("path", flags.get("path", "127.0.0.1:2379"));
    out.put("status", Map.of("status-port", flags.port("status", 10080)));
    out.put("binlog", binlog);
    return out;
  }

  /** {@code GET /metrics}, Prometheus text: the counter a DBA watches for binlog trouble. */
  private String metrics() {
    return "# HELP tidb_server_critical_error_total Counter of critical errors.\n"
        + "# TYPE tidb_server_critical_error_total counter\n"
        + "tidb_server_critical_error_total " + criticalErrors.get() + "\n";
  }

  private Map<String, Object> stats() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("committed", committed.get());
    out.put("failed", failed.get());
    out.put("binlog", sink == null ? "disabled" : listenerStopped ? "critical error: listener stopped"
        : skipBinlog ? "skipped after an error" : "on");
    return out;
  }

  private void acceptSql() {
    while (!sqlPort.isClosed()) {
      try (Socket s = sqlPort.accept()) {
        s.getOutputStream().write("runbook lab tidb: no SQL here\n".getBytes());
      } catch (IOException e) {
        return;
      }
    }
  }

  private void writeLoop(long intervalMillis) {
    long txn = commitLog.size() + 1;
    while (!stopping && !listenerStopped) {
      try {
        if (commitOne("txn-" + txn)) {
          txn++;
        }
      } catch (IOException e) {
        log.error("commit failed: " + e.getMessage());
      }
      if (!pause(intervalMillis)) {
        return;
      }
    }
  }

  /** One transaction: its binlog written first, then recorded as committed; false when it failed. */
  private boolean commitOne(String payload) throws IOException {
    if (sink == null || skipBinlog) {
      commitLog.append(new BinlogFile.Entry(registry.tso(), payload));
      committed.incrementAndGet();
      return true;
    }
    long deadline = System.currentTimeMillis() + writeTimeoutMillis;
    String lastError = "no avaliable pump to write binlog";
    while (!stopping && System.currentTimeMillis() < deadline) {
      long ts = registry.tso();
      String error = sink.write(ts, payload);
      if (error == null) {
        commitLog.append(new BinlogFile.Entry(ts, payload));
        committed.incrementAndGet();
        return true;
      }
      lastError = error;
      if (error.equals(ClusterSink.NO_PUMP)) {
        break; // the selector has no Pump at all: no retry
      }
      pause(50);
    }
    if (stopping) {
      return false;
    }
    if (ignoreError) {
      log.error("write binlog fail but error ignored: " + lastError);
      criticalErrors.incrementAndGet();
      skipBinlog = true;
      return commitOne(payload);
    }
    failed.incrementAndGet();
    if (!Versions.atLeast(release.version(), "3.0.13")) {
      criticalErrors.incrementAndGet();
      log.error("critical error " + lastError);
      stopListener();
      return false;
    }
    log.error("write binlog failed, the last error " + lastError);
    return false;
  }

  /** TiDB up to v3.0.12 after a critical error: no more SQL, until an operator restarts it. */
  private void stopListener() {
    listenerStopped = true; // the writer commits nothing more; /status still answers
    try {
      sqlPort.close();
    } catch (IOException e) {
      log.warn("closing the SQL port: " + e.getMessage());
    }
    log.error("listener stopped, waiting for manual kill.");
  }

  @Override
  protected void stop() {
    stopping = true;
    try {
      writer.join(writeTimeoutMillis + 2000);
      sqlPort.close();
    } catch (InterruptedException | IOException e) {
      Thread.currentThread().interrupt();
    }
    http.stop();
  }
}
