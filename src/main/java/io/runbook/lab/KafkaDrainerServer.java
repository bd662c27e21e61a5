package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka-version Drainer (reference §2.4): consumes the topic from the offset kept in its
 * checkpoint ({@code positions."kafka-offset"}), applies each batch to its {@link Downstream} and
 * saves the checkpoint with it. A restart resumes from that offset; a binlog at or below the
 * checkpoint's commit timestamp is skipped. The checkpoint is its own with a file sink
 * ({@code <data-dir>/savepoint}) and the shared {@code tidb_binlog.checkpoint} row with a MySQL
 * one. A graceful stop lets the batch being applied finish; it saves nothing more, so after a
 * migration the old Drainer, stopping last, does not write its older checkpoint over the new
 * Drainer's. {@code /status} is the Kafka drainer's: {@code PumpPos},
 * {@code Synced}, {@code DepositWindow} and {@code TsMap}; there is no other route.
 */
final class KafkaDrainerServer extends Daemon {
  static final String OFFSET_KEY = "kafka-offset";
  private static final int BATCH = 1000;
  private Registry registry;
  private KafkaClient kafka;
  private Downstream downstream;
  private HttpApi http;
  /** Held while a batch is applied; stop() takes it so that no batch is cut short. */
  private final Object syncing = new Object();
  private boolean syncStopped;
  private Thread syncer;
  private Thread detector;
  private long syncedCheckMillis;
  private boolean kafkaDown;
  private volatile long nextOffset;
  private volatile long upper;
  private volatile long lastFetched = System.currentTimeMillis();
  private volatile String pumpId = "kafka";

  KafkaDrainerServer(Release release, Flags flags) {
    super(release, flags, "drainer");
  }

  @Override
  protected void start() throws Exception {
    LabConfig conf = LabConfig.read(flags.get("config", "conf/drainer.toml"));
    String addr = flags.get("addr", "127.0.0.1:8248");
    int port = flags.port("addr", 8248);
    // Seconds in the lab (minutes in the real Kafka drainer), so a rehearsal need not wait.
    syncedCheckMillis = Math.round(conf.number("synced-check-time", 5) * 1000);
    long detectMillis = Math.max(100, Math.round(conf.number("detect-interval", 1) * 1000));
    long initial = Long.parseLong(flags.get("initial-commit-ts", conf.string("initial-commit-ts", "0")));
    registry = new Registry(flags.get("pd-urls", "http://127.0.0.1:2379"));
    downstream = Downstream.open(conf, Path.of(flags.get("data-dir", "data.drainer")), initial, registry, true);
    Object saved = downstream.positions().get(OFFSET_KEY);
    nextOffset = saved == null ? 0 : Json.number(saved);
    upper = downstream.commitTs();
    log.info("resuming from checkpoint commitTS " + upper + ", kafka offset " + nextOffset);
    kafka = new KafkaClient(flags.get("kafka-addrs", "127.0.0.1:" + KafkaStandIn.DEFAULT_PORT));
    http = new HttpApi(addr.substring(0, addr.lastIndexOf(':')).replace("0.0.0.0", "127.0.0.1"), port)
        .on("GET", "/status", r -> HttpApi.Reply.ok(status()));
    http.start();
    detectPumps();
    detector = every("detect-pumps", detectMillis, this::detectPumps);
    syncer = every("syncer", 100, this::syncOnce);
  }

  private Map<String, Object> status() {
    long lower = downstream.commitTs();
    long high = Math.max(upper, lower);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("PumpPos", Map.of(pumpId, Map.of("offset", nextOffset)));
    out.put("Synced", high == lower && System.currentTimeMillis() - lastFetched > syncedCheckMillis);
    Map<String, Object> window = new LinkedHashMap<>();
    window.put("Upper", high);
    window.put("Lower", lower);
    out.put("DepositWindow", window);
    out.put("TsMap", "");
    return out;
  }

  /** The name {@code PumpPos} reports: the first Kafka-era pump registered, else the topic. */
  private void detectPumps() {
    try {
      String first = "kafka";
      for (Map.Entry<String, Map<String, Object>> n : registry.nodes(Registry.KAFKA_PUMPS).entrySet()) {
        if (n.getKey().endsWith("/object") && n.getValue().get("NodeID") != null) {
          first = String.valueOf(n.getValue().get("NodeID"));
          break;
        }
      }
      pumpId = first;
    } catch (IOException e) {
      log.warn("cannot list pumps in PD: " + e.getMessage());
    }
  }

  private void syncOnce() {
    synchronized (syncing) {
      if (!syncStopped) {
        syncRound();
      }
    }
  }

  private void syncRound() {
    List<KafkaClient.Message> got;
    try {
      got = kafka.fetch(nextOffset, BATCH);
      if (kafkaDown) {
        log.info("kafka is reachable again");
      }
      kafkaDown = false;
    } catch (IOException e) {
      if (!kafkaDown) {
        log.warn("cannot fetch from kafka (retrying every 100 ms): " + e.getMessage());
      }
      kafkaDown = true;
      return;
    }
    if (got.isEmpty()) {
      return;
    }
    lastFetched = System.currentTimeMillis();
    List<BinlogFile.Entry> batch = new ArrayList<>();
    for (KafkaClient.Message m : got) {
      upper = Math.max(upper, m.binlog().commitTs());
      batch.add(m.binlog());
    }
    long after = got.get(got.size() - 1).offset() + 1;
    try {
      downstream.apply(batch, Map.of(OFFSET_KEY, after));
      nextOffset = after;
    } catch (IOException e) {
      log.error("cannot write downstream: " + e.getMessage());
    }
  }

  @Override
  protected void stop() {
    synchronized (syncing) {
      syncStopped = true;
    }
    syncer.interrupt(); // between rounds now: no write is cut short
    detector.interrupt();
    kafka.close();
    http.stop();
  }
}
