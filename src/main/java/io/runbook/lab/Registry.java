package io.runbook.lab;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client side of the lab's PD: timestamps, and the key-value store where pumps and drainers
 * register ({@code /tidb-binlog/v1/pumps/<nodeId>} holds a node's JSON status, as in etcd).
 */
final class Registry {
  static final String PUMPS = "/tidb-binlog/v1/pumps/";
  static final String DRAINERS = "/tidb-binlog/v1/drainers/";
  /** The Kafka era's layout: {@code /tidb-binlog/pumps/<nodeId>/object}. */
  static final String KAFKA_PUMPS = "/tidb-binlog/pumps/";

  private final String base;

  /** {@code pdUrls}: a comma-separated list as {@code --pd-urls} takes it; the first is used. */
  Registry(String pdUrls) {
    String first = pdUrls.split(",")[0].strip();
    this.base = (first.startsWith("http") ? first : "http://" + first).replaceAll("/+$", "");
  }

  long tso() throws IOException {
    return Json.number(Json.object(HttpJson.get(base + "/lab/tso")).get("ts"));
  }

  /** The cluster ID, as a Drainer gets it from PD at start (drainer/server.go). */
  long clusterId() throws IOException {
    return Json.number(Json.object(HttpJson.get(base + "/pd/api/v1/cluster")).get("id"));
  }

  void put(String key, Map<String, Object> value) throws IOException {
    HttpJson.put(base + "/lab/kv?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8), value);
  }

  /** Every key under {@code prefix}, with its value, in key order. */
  Map<String, Map<String, Object>> list(String prefix) throws IOException {
    Map<String, Object> kvs = Json.object(Json.object(
        HttpJson.get(base + "/lab/kv?prefix=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8))).get("kvs"));
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    kvs.forEach((k, v) -> out.put(k, Json.object(v)));
    return out;
  }

  /** The node statuses under {@code prefix}, keyed by node id. */
  Map<String, Map<String, Object>> nodes(String prefix) throws IOException {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    list(prefix).forEach((k, v) -> out.put(k.substring(prefix.length()), v));
    return out;
  }
}
