package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PD-like registry: timestamps (TSO) and the key-value store that stands in for PD's etcd,
 * where pumps and drainers register. Its health endpoints are PD's; the rest is under
 * {@code /lab/} because real PD speaks etcd's gRPC there. The store survives restarts
 * ({@code data.pd/kv.json}).
 */
final class PdServer extends Daemon {
  /** {@code <epoch millis> <node id> <state>} for every change of a cluster Pump's record. */
  static final String PUMP_STATES = "pump-states.log";
  private final TreeMap<String, Object> kv = new TreeMap<>();
  private long lastTso;
  private HttpApi http;
  private Path store;

  PdServer(Release release, Flags flags) {
    super(release, flags, "pd");
  }

  @Override
  protected void start() throws IOException {
    Path dataDir = Path.of(flags.get("data-dir", "data.pd"));
    Files.createDirectories(dataDir);
    store = dataDir.resolve("kv.json");
    if (Files.exists(store)) {
      kv.putAll(Json.object(Files.readString(store)));
    }
    long clusterId = clusterId(dataDir);
    String name = flags.get("name", "pd");
    http = new HttpApi("127.0.0.1", flags.port("client-urls", 2379))
        .on("GET", "/pd/health", r -> HttpApi.Reply.ok(List.of(Map.of("name", name,
            "member_id", 1, "client_urls", List.of(flags.get("client-urls", "")), "health", true))))
        .on("GET", "/health", r -> HttpApi.Reply.ok(Map.of("health", "true")))
        .on("GET", "/pd/api/v1/leader", r -> HttpApi.Reply.ok(Map.of("name", name, "member_id", 1)))
        .on("GET", "/pd/api/v1/cluster", r -> HttpApi.Reply.ok(Map.of("id", clusterId, "max_peer_count", 3)))
        .on("GET", "/pd/api/v1/version", r -> HttpApi.Reply.ok(Map.of("version", release.version())))
        .on("GET", "/lab/tso", r -> HttpApi.Reply.ok(Map.of("ts", nextTso())))
        .on("GET", "/lab/kv", r -> HttpApi.Reply.ok(Map.of("kvs", range(r.param("prefix", "")))))
        .on("PUT", "/lab/kv", r -> {
          put(r.param("key", ""), Json.read(r.body()));
          return HttpApi.Reply.ok(Map.of("code", 200));
        });
    http.start();
  }

  /**
   * The cluster's ID, chosen once when PD bootstraps and kept in its data dir (a real PD derives
   * it from the time and a random number); a Drainer keys its MySQL checkpoint row by it.
   */
  private static long clusterId(Path dataDir) throws IOException {
    Path file = dataDir.resolve("cluster_id");
    if (!Files.exists(file)) {
      long id = (System.currentTimeMillis() << 20 | new java.util.Random().nextInt(1 << 20)) & Long.MAX_VALUE;
      Files.writeString(file, id + "\n");
    }
    return Long.parseLong(Files.readString(file).strip());
  }

  private synchronized long nextTso() {
    lastTso = Math.max(lastTso + 1, Tso.fromClock(0));
    return lastTso;
  }

  private synchronized Map<String, Object> range(String prefix) {
    return new TreeMap<>(kv.subMap(prefix, prefix + Character.MAX_VALUE));
  }

  private synchronized void put(String key, Object value) throws IOException {
    if (key.isEmpty()) {
      throw new IllegalArgumentException("key is empty");
    }
    if (key.startsWith(Registry.PUMPS) && value instanceof Map<?, ?> node
        && !(kv.get(key) instanceof Map<?, ?> old && String.valueOf(old.get("state")).equals(String.valueOf(node.get("state"))))) {
      // The history of Pump states (changes only, not heartbeats), for lab verify's "no Pump online".
      Files.writeString(store.resolveSibling(PUMP_STATES), System.currentTimeMillis() + " "
          + key.substring(Registry.PUMPS.length()) + " " + node.get("state") + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
    kv.put(key, value);
    Path tmp = store.resolveSibling("kv.json.tmp");
    Files.writeString(tmp, Json.write(kv));
    Files.move(tmp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  protected void stop() {
    http.stop();
  }
}
