package io.runbook.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka-version Pump (reference §2.4): TiDB on the same host writes to its unix socket
 * ({@code --socket}, one {@code <commitTS> <payload>} line per binlog, answered {@code ok}); each
 * binlog is produced to Kafka and kept in {@code data-dir/binlog.log}. It registers under the
 * Kafka era's {@code /tidb-binlog/pumps/<id>/object}, and has {@code /status} and
 * {@code /drainers} but no {@code /state}: it has no pause/offline state machine.
 */
final class KafkaPumpServer extends Daemon {
  private final Object lock = new Object();
  private String nodeId;
  private String advertise;
  private Path socketPath;
  private Registry registry;
  private BinlogFile store;
  private KafkaClient kafka;
  private long kafkaNext;
  private HttpApi http;
  private UnixLineServer socketServer;
  private Thread heartbeat;

  KafkaPumpServer(Release release, Flags flags) {
    super(release, flags, "pump");
  }

  @Override
  protected void start() throws Exception {
    String addr = flags.get("addr", "127.0.0.1:8260");
    int port = flags.port("addr", 8260);
    advertise = flags.get("advertise-addr", "127.0.0.1:" + port);
    socketPath = Path.of(flags.required("socket").replaceFirst("^unix://", ""));
    registry = new Registry(flags.get("pd-urls", "http://127.0.0.1:2379"));
    Path dataDir = Path.of(flags.get("data-dir", "data.pump"));
    Files.createDirectories(dataDir);
    nodeId = NodeId.load(dataDir, flags.get("node-id", null), InetAddress.getLocalHost().getHostName() + ":" + port);
    kafka = new KafkaClient(flags.get("kafka-addrs", "127.0.0.1:" + KafkaStandIn.DEFAULT_PORT));
    try {
      kafka.connect();
    } catch (IOException e) {
      throw new IOException("pump cannot start without kafka: " + e.getMessage(), e);
    }
    store = new BinlogFile(dataDir.resolve("binlog.log"));
    kafkaNext = previousKafkaPos();
    socketServer = new UnixLineServer(socketPath, this::write);
    http = new HttpApi(addr.substring(0, addr.lastIndexOf(':')).replace("0.0.0.0", "127.0.0.1"), port)
        .on("GET", "/status", r -> HttpApi.Reply.ok(status()))
        .on("GET", "/drainers", r -> HttpApi.Reply.ok(List.of()));
    http.start();
    register(true);
    heartbeat = every("heartbeat", 2000, this::heartbeat);
    log.info("pump " + nodeId + " serving " + socketPath + ", http on " + advertise);
  }

  /** The Kafka position this node last registered: it survives the restart in PD, as in etcd. */
  private long previousKafkaPos() throws IOException {
    Map<String, Object> previous = registry.list(objectKey()).get(objectKey());
    return previous == null ? 0 : Json.number(Json.object(previous.get("LatestKafkaPos")).get("offset"));
  }

  private String objectKey() {
    return Registry.KAFKA_PUMPS + nodeId + "/object";
  }

  /** Stores one binlog line from TiDB: to Kafka first, locally only once Kafka has it. */
  private String write(String line) {
    BinlogFile.Entry e;
    try {
      e = BinlogFile.Entry.parse(line);
    } catch (RuntimeException bad) {
      return "error malformed binlog line";
    }
    synchronized (lock) {
      try {
        long offset = kafka.produce(e.commitTs(), e.payload());
        store.append(e);
        kafkaNext = offset + 1;
        return "ok";
      } catch (IOException failed) {
        log.error("write binlog to kafka failed: " + failed.getMessage());
        return "error " + failed.getMessage();
      }
    }
  }

  private Map<String, Object> status() {
    Map<String, Object> pos = new LinkedHashMap<>();
    synchronized (lock) {
      pos.put("file-position", position(store.size()));
      pos.put("kafka-position", position(kafkaNext));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("LatestBinlog", Map.of(nodeId, pos));
    try {
      out.put("CommitTS", registry.tso());
      out.put("Checkpoint", Map.of());
      out.put("ErrMsg", "");
    } catch (IOException e) {
      out.put("CommitTS", 0);
      out.put("Checkpoint", Map.of());
      out.put("ErrMsg", e.getMessage());
    }
    return out;
  }

  private static Map<String, Object> position(long offset) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("suffix", 0);
    p.put("offset", offset);
    return p;
  }

  private void heartbeat() {
    try {
      register(true);
    } catch (IOException e) {
      log.warn("heartbeat to PD failed: " + e.getMessage());
    }
  }

  private void register(boolean alive) throws IOException {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("NodeID", nodeId);
    node.put("Host", advertise);
    node.put("IsAlive", alive);
    node.put("IsOffline", false);
    synchronized (lock) {
      node.put("LatestFilePos", position(store.size()));
      node.put("LatestKafkaPos", position(kafkaNext));
    }
    node.put("OfflineTS", 0);
    registry.put(objectKey(), node);
  }

  @Override
  protected void stop() {
    heartbeat.interrupt();
    try {
      heartbeat.join(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      socketServer.close();
    } catch (IOException e) {
      log.warn("closing the socket " + socketPath + ": " + e.getMessage());
    }
    try {
      // After the heartbeat has stopped, or it could mark the node alive again.
      register(false);
    } catch (IOException e) {
      log.warn("could not record IsAlive false in PD: " + e.getMessage());
    }
    http.stop();
    synchronized (lock) {
      kafka.close();
      try {
        store.close();
      } catch (IOException e) {
        log.warn("closing " + store + ": " + e.getMessage());
      }
    }
  }
}
