package io.runbook.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster-version Pump (reference §2.1–2.2): registers in PD under its persistent node id,
 * heartbeats {@code maxCommitTS}/{@code updateTS}, stores the binlogs TiDB writes, serves them
 * to drainers, and follows the real state machine: SIGTERM → paused, {@code PUT
 * /state/<id>/pause} → pausing → paused, {@code close} → closing → (drainers caught up) →
 * offline; {@code kill -9} leaves it online in PD.
 *
 * <p>Lab protocol standing in for gRPC: {@code POST /lab/binlog} (a write from TiDB) and
 * {@code GET /lab/pull?after=TS} (a drainer's pull). A pull answers every stored binlog up to a
 * safe timestamp, below which this pump promises to accept nothing more; that is what lets the
 * drainer merge the pumps in commit order.
 */
final class PumpServer extends Daemon {
  private static final long SAFE_LAG_MILLIS = 200;
  private final Object lock = new Object();
  private String nodeId;
  private String advertise;
  private Registry registry;
  private BinlogFile store;
  private HttpApi http;
  private String state = "starting";
  private long announcedSafe;
  private Path dataDir;
  private long stopWriteAt;
  private volatile long available;
  private volatile long capacity;

  PumpServer(Release release, Flags flags) {
    super(release, flags, "pump");
  }

  @Override
  protected void start() throws Exception {
    LabConfig conf = LabConfig.read(flags.get("config", null));
    String addr = flags.get("addr", "127.0.0.1:8250");
    int port = flags.port("addr", 8250);
    advertise = flags.get("advertise-addr", "127.0.0.1:" + port);
    registry = new Registry(flags.get("pd-urls", "http://127.0.0.1:2379"));
    dataDir = Path.of(flags.get("data-dir", "data.pump"));
    Files.createDirectories(dataDir);
    // pump/storage/storage.go: below this much free space, writes are refused (default 10 GiB).
    stopWriteAt = HumanBytes.parse(conf.string("storage.stop-write-at-available-space", "10 gib"));
    measureSpace();
    nodeId = NodeId.load(dataDir, flags.get("node-id", null), InetAddress.getLocalHost().getHostName() + ":" + port);
    store = new BinlogFile(dataDir.resolve("binlog.log"));
    announcedSafe = store.maxCommitTs();
    Map<String, Object> previous = registry.nodes(Registry.PUMPS).get(nodeId);
    notifyDrainers(previous);
    http = new HttpApi(addr.substring(0, addr.lastIndexOf(':')).replace("0.0.0.0", "127.0.0.1"), port)
        .on("GET", "/status", r -> HttpApi.Reply.ok(status()))
        .on("GET", "/drainers", r -> HttpApi.Reply.ok(new ArrayList<>(registry.nodes(Registry.DRAINERS).values())))
        .on("PUT", "/state", r -> HttpApi.Reply.ok(applyAction(r.rest("/state"))))
        .on("GET", "/metrics", r -> HttpApi.Reply.ok(metrics()))
        .on("POST", "/lab/binlog", this::write)
        .on("GET", "/lab/pull", r -> HttpApi.Reply.ok(pull(Long.parseLong(r.param("after", "0")),
            Integer.parseInt(r.param("limit", "5000")))));
    http.start();
    // As in master: the port opens a moment before the node is online in PD.
    pause(100);
    synchronized (lock) {
      state = "online";
    }
    heartbeat();
    long interval = Math.max(200, Math.round(conf.number("heartbeat-interval", 2) * 1000));
    every("heartbeat", interval, this::heartbeat);
    log.info("pump " + nodeId + " is online at " + advertise);
  }

  /** v2.1 and before v3.0.5 fail to start when an online drainer is unreachable (tidb-binlog#727). */
  private void notifyDrainers(Map<String, Object> previous) throws IOException {
    boolean fromPaused = previous != null && !"offline".equals(previous.get("state"));
    if (fromPaused && Versions.atLeast(release.version(), "3.0.5")) {
      return;
    }
    for (Map<String, Object> d : registry.nodes(Registry.DRAINERS).values()) {
      if (!"online".equals(d.get("state"))) {
        continue;
      }
      try {
        HttpJson.get("http://" + d.get("host") + "/status");
      } catch (IOException e) {
        // pump/server.go Start: from v3.0.5 (tidb-binlog#727) a failed start leaves the Pump offline.
        register(Versions.atLeast(release.version(), "3.0.5") ? "offline" : "paused", store.maxCommitTs());
        throw new IOException("fail to notify all living drainer: drainer " + d.get("nodeId")
            + " at " + d.get("host") + " is unreachable");
      }
    }
  }

  private Map<String, Object> status() {
    Map<String, Object> out = new LinkedHashMap<>();
    try {
      out.put("status", registry.nodes(Registry.PUMPS));
      out.put("CommitTS", registry.tso());
      out.put("Checkpoint", Map.of());
      out.put("ErrMsg", "");
    } catch (IOException e) {
      out.put("status", null);
      out.put("CommitTS", 0);
      out.put("Checkpoint", Map.of());
      out.put("ErrMsg", e.getMessage());
    }
    return out;
  }

  private HttpApi.Reply write(HttpApi.Request r) throws IOException {
    Map<String, Object> body = Json.object(r.body());
    BinlogFile.Entry e = new BinlogFile.Entry(Json.number(body.get("commitTS")),
        String.valueOf(body.get("payload")));
    synchronized (lock) {
      if (!state.equals("online")) {
        return new HttpApi.Reply(503, Map.of("message", "pump is " + state, "code", 3));
      }
      if (available <= stopWriteAt) {
        return new HttpApi.Reply(503, Map.of("message", "no available space, available: " + available
            + ", StopWriteAtAvailableSpace: " + stopWriteAt, "code", 3));
      }
      if (e.commitTs() <= Math.max(announcedSafe, store.maxCommitTs())) {
        return new HttpApi.Reply(503, Map.of("message", "commit ts " + e.commitTs() + " is too old", "code", 3));
      }
      store.append(e);
    }
    return HttpApi.Reply.ok(Map.of("code", 200));
  }

  private Map<String, Object> pull(long after, int limit) {
    synchronized (lock) {
      long safe = state.equals("online") ? advanceSafe() : Math.max(announcedSafe, store.maxCommitTs());
      List<BinlogFile.Entry> got = store.between(after, safe, limit);
      if (got.size() == limit) {
        safe = got.get(got.size() - 1).commitTs();
      }
      List<Map<String, Object>> binlogs = new ArrayList<>();
      for (BinlogFile.Entry e : got) {
        binlogs.add(Map.of("commitTS", e.commitTs(), "payload", e.payload()));
      }
      return Map.of("binlogs", binlogs, "safeTS", safe, "state", state);
    }
  }

  private long advanceSafe() {
    announcedSafe = Math.max(announcedSafe, Math.max(store.maxCommitTs(), Tso.fromClock(SAFE_LAG_MILLIS)));
    return announcedSafe;
  }

  /** The data dir's free space (the lab may say how much with {@code --lab-available-space}). */
  private void measureSpace() {
    try {
      java.nio.file.FileStore fs = Files.getFileStore(dataDir);
      capacity = fs.getTotalSpace();
      String given = flags.get("lab-available-space", null);
      available = given != null ? HumanBytes.parse(given) : fs.getUsableSpace();
    } catch (IOException e) {
      log.warn("cannot measure the space of " + dataDir + ": " + e.getMessage());
    }
    if (available <= stopWriteAt) {
      log.warn("no available space, you may want to free up some space or decrease"
          + " `stop-write-at-available-space` configuration: available " + available
          + ", StopWriteAtAvailableSpace " + stopWriteAt);
    }
  }

  /** {@code GET /metrics}, Prometheus text, with the storage figures of pump/storage/metrics.go. */
  private String metrics() {
    long max;
    synchronized (lock) {
      max = store.maxCommitTs();
    }
    return "# HELP binlog_pump_storage_storage_size_bytes storage size info\n"
        + "# TYPE binlog_pump_storage_storage_size_bytes gauge\n"
        + "binlog_pump_storage_storage_size_bytes{type=\"available\"} " + available + "\n"
        + "binlog_pump_storage_storage_size_bytes{type=\"capacity\"} " + capacity + "\n"
        + "# HELP binlog_pump_storage_max_commit_ts max commit ts of storage\n"
        + "# TYPE binlog_pump_storage_max_commit_ts gauge\n"
        + "binlog_pump_storage_max_commit_ts " + max + "\n";
  }

  /** Synchronized with stop(): a heartbeat must never re-register online after the stop. */
  private synchronized void heartbeat() {
    measureSpace();
    String s;
    long max;
    synchronized (lock) {
      s = state;
      // Like the pump's fake binlogs: an idle online pump's maxCommitTS still moves on.
      max = s.equals("online") ? advanceSafe() : store.maxCommitTs();
    }
    if (s.equals("online") || s.equals("pausing") || s.equals("closing")) {
      try {
        register(s, max);
      } catch (IOException e) {
        log.warn("heartbeat to PD failed: " + e.getMessage());
      }
    }
  }

  private synchronized void register(String s, long maxCommitTs) throws IOException {
    registry.put(Registry.PUMPS + nodeId, NodeId.status(nodeId, advertise, s, maxCommitTs, registry.tso()));
  }

  private Map<String, Object> applyAction(List<String> rest) {
    if (rest.size() != 2) {
      return NodeId.response("invalid request path", 1);
    }
    String id = rest.get(0);
    String action = rest.get(1);
    if (!id.equals(nodeId)) {
      return NodeId.response("invalide nodeID " + id + ", this pump's nodeID is " + nodeId, 3);
    }
    if (!action.equals("pause") && !action.equals("close")) {
      return NodeId.response("invalide action " + action, 3);
    }
    synchronized (lock) {
      if (!state.equals("online")) {
        return NodeId.response("this pump's state is " + state + ", apply " + action + " failed!", 3);
      }
      state = action.equals("pause") ? "pausing" : "closing";
    }
    Thread t = new Thread(() -> finish(action), "apply-" + action);
    t.setDaemon(true);
    t.start();
    return NodeId.response("apply action " + action + " success!", 200);
  }

  private void finish(String action) {
    try {
      register(state, store.maxCommitTs());
      if (action.equals("close")) {
        waitForDrainers();
      }
      synchronized (lock) {
        state = action.equals("pause") ? "paused" : "offline";
      }
      register(state, store.maxCommitTs());
      log.info("pump " + nodeId + " is " + state + "; exiting");
    } catch (IOException e) {
      log.error(action + " failed: " + e.getMessage());
    }
    System.exit(0);
  }

  /** {@code waitSafeToOffline}: every non-offline drainer has consumed all this pump stored. */
  private void waitForDrainers() throws IOException {
    long mine = store.maxCommitTs();
    while (true) {
      boolean behind = false;
      for (Map<String, Object> d : registry.nodes(Registry.DRAINERS).values()) {
        if (!"offline".equals(d.get("state")) && Json.number(d.get("maxCommitTS")) < mine) {
          behind = true;
        }
      }
      if (!behind) {
        return;
      }
      register("closing", mine);
      pause(200);
    }
  }

  @Override
  protected synchronized void stop() {
    synchronized (lock) {
      if (!state.equals("offline") && !state.equals("closing")) {
        state = "paused";
      }
    }
    try {
      if (!state.equals("offline")) {
        register(state, store.maxCommitTs());
      }
    } catch (IOException e) {
      log.warn("could not record state " + state + " in PD: " + e.getMessage());
    }
    http.stop();
  }
}
