package io.runbook.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cluster-version Drainer (reference §2.3): pulls from every pump that is not offline, merges
 * them in commit order, applies to its {@link Downstream} (a file, or a MySQL-protocol server)
 * and keeps its checkpoint where the real one does for that kind; resumes from it after a
 * restart. A graceful stop lets the batch being applied finish with its checkpoint. {@code /status} has {@code PumpPos}, {@code Synced}, {@code LastTS}
 * and {@code TsMap}; {@code Synced} turns true once no binlog arrived for
 * {@code synced-check-time} (seconds in the lab, minutes in production).
 *
 * <p>Merging, as the real merger (pingcap/tidb-binlog drainer/merge.go {@code (*Merger).run},
 * which needs an item from every source, and drainer/pump.go, which stops pulling a paused
 * Pump): a binlog is applied only once every Pump that is not offline has been pulled past it.
 * A paused Pump, or one that is down while PD still has it online, therefore stalls replication
 * until it is back online or is made offline ({@code binlogctl -cmd update-pump -state offline}).
 */
final class DrainerServer extends Daemon {
  private final Object lock = new Object();
  private final Map<String, Long> pumpPos = new TreeMap<>();
  private final TreeMap<Long, BinlogFile.Entry> pending = new TreeMap<>();
  /** Held while a batch is applied; stop() takes it so that no batch is cut short. */
  private final Object syncing = new Object();
  private boolean syncStopped;
  private Registry registry;
  private Downstream downstream;
  private HttpApi http;
  private String nodeId;
  private String advertise;
  private String state = "online";
  private long syncedCheckMillis;
  private volatile long lastReceived = System.currentTimeMillis();

  DrainerServer(Release release, Flags flags) {
    super(release, flags, "drainer");
  }

  @Override
  protected void start() throws Exception {
    LabConfig conf = LabConfig.read(flags.get("config", null));
    int port = flags.port("addr", 8249);
    advertise = flags.get("advertise-addr", "127.0.0.1:" + port);
    registry = new Registry(flags.get("pd-urls", "http://127.0.0.1:2379"));
    Path dataDir = Path.of(flags.get("data-dir", "data.drainer"));
    Files.createDirectories(dataDir);
    nodeId = NodeId.load(dataDir, flags.get("node-id", null), InetAddress.getLocalHost().getHostName() + ":" + port);
    syncedCheckMillis = Math.round(conf.number("synced-check-time", 5) * 1000);
    // drainer/config.go: the default was 0 up to v3.0.7 and is -1 (PD's latest TSO) from v3.0.8;
    // it applies only when there is no checkpoint yet (drainer/checkpoint: the checkpoint wins).
    String byRelease = Versions.atLeast(release.version(), "3.0.8") ? "-1" : "0";
    long initial = Long.parseLong(flags.get("initial-commit-ts", conf.string("initial-commit-ts", byRelease)));
    downstream = Downstream.open(conf, dataDir, initial == -1 ? registry.tso() : initial, registry, false);
    log.info("resuming from checkpoint commitTS " + downstream.commitTs());
    // drainer/server.go: online in PD first, then the DDL history loads, and only then the port
    // opens (binding it is opening it); on a real cluster that can take minutes.
    register();
    pause(Long.parseLong(flags.get("lab-ddl-load-ms", "300")));
    http = new HttpApi("127.0.0.1", port)
        .on("GET", "/status", r -> HttpApi.Reply.ok(status()))
        .on("GET", "/commit_ts", r -> HttpApi.Reply.ok(commitTs()))
        .on("PUT", "/state", r -> HttpApi.Reply.ok(applyAction(r.rest("/state"))));
    http.start();
    every("heartbeat", 1000, this::heartbeat);
    every("syncer", 100, this::syncOnce);
  }

  private Map<String, Object> status() {
    Map<String, Object> out = new LinkedHashMap<>();
    synchronized (lock) {
      out.put("PumpPos", new TreeMap<>(pumpPos));
    }
    out.put("Synced", System.currentTimeMillis() - lastReceived > syncedCheckMillis);
    out.put("LastTS", downstream.commitTs());
    out.put("TsMap", "");
    return out;
  }

  private Map<String, Object> commitTs() {
    Map<String, Object> out = NodeId.response("get drainer's latest ts success!", 200);
    out.put("data", Map.of("ts", downstream.commitTs()));
    return out;
  }

  private void syncOnce() {
    synchronized (syncing) {
      if (!syncStopped && state.equals("online")) {
        syncRound();
      }
    }
  }

  private void syncRound() {
    long snapshot;
    Map<String, Map<String, Object>> known;
    try {
      // A pump that was not online when the list was read can only hold binlogs committed
      // after it came online, so after this timestamp: nothing older is held back by it.
      snapshot = registry.tso();
      known = registry.nodes(Registry.PUMPS);
    } catch (IOException e) {
      log.warn("cannot list pumps in PD: " + e.getMessage());
      return;
    }
    long watermark = snapshot;
    for (Map.Entry<String, Map<String, Object>> p : known.entrySet()) {
      String pumpState = String.valueOf(p.getValue().get("state"));
      if (pumpState.equals("offline")) {
        continue;
      }
      // drainer/collector.go handlePumpStatusUpdate: paused stops the pulling; pausing and
      // closing change nothing (the Pump is still flushing what it has).
      long pos = pumpState.equals("paused") ? position(p.getKey())
          : pull(p.getKey(), String.valueOf(p.getValue().get("host")));
      watermark = Math.min(watermark, pos);
    }
    applyUpTo(watermark);
  }

  /** How far {@code id} has been pulled: a paused Pump is not pulled, and holds the merge there. */
  private long position(String id) {
    synchronized (lock) {
      return pumpPos.getOrDefault(id, downstream.commitTs());
    }
  }

  /** Pulls what {@code id} has past our position; returns the position it is pulled to. */
  @SuppressWarnings("unchecked")
  private long pull(String id, String host) {
    long pos;
    synchronized (lock) {
      pos = pumpPos.getOrDefault(id, downstream.commitTs());
    }
    try {
      Map<String, Object> r = Json.object(HttpJson.get("http://" + host + "/lab/pull?after=" + pos));
      List<Object> binlogs = Json.list(r.get("binlogs"));
      synchronized (lock) {
        for (Object o : binlogs) {
          Map<String, Object> b = (Map<String, Object>) o;
          long ts = Json.number(b.get("commitTS"));
          pending.put(ts, new BinlogFile.Entry(ts, String.valueOf(b.get("payload"))));
        }
        pos = Math.max(pos, Json.number(r.get("safeTS")));
        pumpPos.put(id, pos);
      }
      if (!binlogs.isEmpty()) {
        lastReceived = System.currentTimeMillis();
      }
    } catch (IOException e) {
      // Down or unreachable: its position stays, and it holds replication if it has more.
    }
    return pos;
  }

  private void applyUpTo(long watermark) {
    List<BinlogFile.Entry> batch = new java.util.ArrayList<>();
    synchronized (lock) {
      while (!pending.isEmpty() && pending.firstKey() <= watermark) {
        batch.add(pending.pollFirstEntry().getValue());
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      downstream.apply(batch, null);
    } catch (IOException e) {
      log.error("cannot write downstream: " + e.getMessage());
      synchronized (lock) {
        batch.forEach(b -> pending.put(b.commitTs(), b)); // tried again next round
      }
    }
  }

  /** Synchronized with stop(): a heartbeat must never re-register online after the stop. */
  private synchronized void heartbeat() {
    if (state.equals("online") || state.equals("pausing") || state.equals("closing")) {
      try {
        register();
      } catch (IOException e) {
        log.warn("heartbeat to PD failed: " + e.getMessage());
      }
    }
  }

  private synchronized void register() throws IOException {
    registry.put(Registry.DRAINERS + nodeId,
        NodeId.status(nodeId, advertise, state, downstream.commitTs(), registry.tso()));
  }

  private Map<String, Object> applyAction(List<String> rest) {
    if (rest.size() != 2 || !rest.get(0).equals(nodeId)) {
      return NodeId.response("invalide nodeID " + (rest.isEmpty() ? "" : rest.get(0))
          + ", this drainer's nodeID is " + nodeId, 3);
    }
    String action = rest.get(1);
    if (!action.equals("pause") && !action.equals("close")) {
      return NodeId.response("invalide action " + action, 3);
    }
    if (!state.equals("online")) {
      return NodeId.response("this drainer's state is " + state + ", apply " + action + " failed!", 3);
    }
    state = action.equals("pause") ? "pausing" : "closing";
    Thread t = new Thread(() -> {
      try {
        register();
        state = action.equals("pause") ? "paused" : "offline";
        register();
      } catch (IOException e) {
        log.error(action + " failed: " + e.getMessage());
      }
      System.exit(0);
    }, "apply-" + action);
    t.setDaemon(true);
    t.start();
    return NodeId.response("apply action " + action + " success!", 200);
  }

  @Override
  protected synchronized void stop() {
    synchronized (syncing) {
      syncStopped = true;
    }
    if (state.equals("online") || state.equals("pausing")) {
      state = "paused";
    }
    try {
      register();
    } catch (IOException e) {
      log.warn("could not record state " + state + " in PD: " + e.getMessage());
    }
    if (http != null) {
      http.stop(); // null when stopped while still loading
    }
  }
}
