package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka-version Drainer (reference §2.4): consumes the topic from the offset kept in the
 * downstream checkpoint ({@code positions."kafka-offset"}), applies each binlog to the downstream
 * file and saves the checkpoint after every batch. A restart resumes from that offset; a binlog
 * fetched again because the checkpoint lagged the downstream is skipped by its commit
 * timestamp, so nothing is applied twice. {@code /status} is the Kafka drainer's: {@code PumpPos},
 * {@code Synced}, {@code DepositWindow} and {@code TsMap}; there is no other route.
 */
final class KafkaDrainerServer extends Daemon {
  static final String OFFSET_KEY = "kafka-offset";
  private static final int BATCH = 1000;
  private Registry registry;
  private KafkaClient kafka;
  private Downstream downstream;
  private HttpApi http;
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
    if (!conf.string("syncer.db-type", "file").equals("file")) {
      throw new IOException("the lab's drainer writes only to db-type = \"file\"");
    }
    long initial = Long.parseLong(flags.get("initial-commit-ts", conf.string("initial-commit-ts", "0")));
    downstream = new Downstream(Path.of(conf.string("syncer.to.dir", "downstream")), initial);
    Object saved = downstream.positions().get(OFFSET_KEY);
    nextOffset = saved == null ? 0 : Json.number(saved);
    upper = downstream.commitTs();
    log.info("resuming from checkpoint commitTS " + upper + ", kafka offset " + nextOffset);
    registry = new Registry(flags.get("pd-urls", "http://127.0.0.1:2379"));
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
    try {
      for (KafkaClient.Message m : got) {
        upper = Math.max(upper, m.binlog().commitTs());
        downstream.apply(m.binlog());
        nextOffset = m.offset() + 1;
      }
      downstream.saveCheckpoint(Map.of(OFFSET_KEY, nextOffset));
    } catch (IOException e) {
      log.error("cannot write downstream: " + e.getMessage());
    }
  }

  @Override
  protected void stop() {
    for (Thread t : new Thread[] {syncer, detector}) {
      t.interrupt();
      try {
        t.join(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      downstream.saveCheckpoint(Map.of(OFFSET_KEY, nextOffset));
    } catch (IOException e) {
      log.warn("could not save the checkpoint: " + e.getMessage());
    }
    kafka.close();
    http.stop();
  }
}
