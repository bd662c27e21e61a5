package io.runbook.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab cluster's {@code meta.yaml} as TiUP writes it ({@code tiup/storage/cluster/clusters/
 * <name>/meta.yaml}): pingcap/tiup {@code pkg/cluster/spec/util.go} {@code ClusterMeta} (user,
 * tidb_version, topology) and {@code spec.go} {@code Specification} with {@code pd.go},
 * {@code tidb.go}, {@code pump.go}, {@code drainer.go}: their yaml keys in their order, the
 * defaults TiUP fills in, instance dirs absolute, marshalled as gopkg.in/yaml.v3 does (indent 4,
 * nil maps as {}, nil lists as []).
 */
final class TiupMeta {
  private TiupMeta() {}

  static String yaml(TiupHosts hosts, List<LabNode> nodes, String scope) {
    String user = System.getProperty("user.name");
    String root = hosts.layout().root().toString();
    Map<String, Object> global = new LinkedHashMap<>();
    global.put("user", user);
    global.put("ssh_port", 22);
    global.put("ssh_type", "builtin");
    global.put("deploy_dir", root + "/deploy");
    global.put("data_dir", root + "/data");
    global.put("os", "linux");
    global.put("arch", "amd64");
    global.put("systemd_mode", scope);
    Map<String, Object> monitored = new LinkedHashMap<>();
    monitored.put("node_exporter_port", 9100);
    monitored.put("blackbox_exporter_port", 9115);
    monitored.put("deploy_dir", root + "/deploy/monitor-9100");
    monitored.put("data_dir", root + "/data/monitor-9100");
    monitored.put("log_dir", root + "/deploy/monitor-9100/log");
    Map<String, Object> versions = new LinkedHashMap<>();
    Map<String, Object> configs = new LinkedHashMap<>();
    for (String c : List.of("tidb", "tikv", "pd", "tso", "scheduling", "resource_manager", "router",
        "tidb_dashboard", "tiflash", "tiproxy", "tiflash-learner", "pump", "drainer", "cdc", "kvcdc",
        "grafana", "ng_monitoring")) {
      configs.put(c, Map.of());
    }
    configs.put("tidb", Map.of("binlog.enable", true));
    Map<String, List<Object>> lists = new LinkedHashMap<>();
    for (String l : List.of("tidb_servers", "tikv_servers", "tiflash_servers", "tiproxy_servers", "pd_servers",
        "pump_servers", "drainer_servers", "monitoring_servers")) {
      lists.put(l, new ArrayList<>());
    }
    for (LabNode n : nodes) {
      versions.putIfAbsent(n.role(), Release.versionIn(hosts.deployDir(n).resolve("bin").resolve(n.binary())));
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("host", "127.0.0.1");
      s.put("ssh_port", 22);
      String dir = hosts.deployDir(n).toString();
      switch (n.role()) {
        case "pd" -> {
          s.put("name", n.host());
          s.put("client_port", n.port());
          s.put("peer_port", n.port() + 1);
          s.put("deploy_dir", dir);
          s.put("data_dir", hosts.dataDir(n).toString());
        }
        case "tidb" -> {
          s.put("port", n.port());
          s.put("status_port", n.port() - 4000 + 10080);
          s.put("deploy_dir", dir);
        }
        default -> {
          s.put("port", n.port());
          s.put("deploy_dir", dir);
          s.put("data_dir", hosts.dataDir(n).toString());
        }
      }
      s.put("log_dir", dir + "/log");
      if (n.role().equals("drainer")) {
        s.put("config", Map.of("initial-commit-ts", 0));
      }
      s.put("arch", "amd64");
      s.put("os", "linux");
      lists.get(n.role() + "_servers").add(s);
    }
    Map<String, Object> topology = new LinkedHashMap<>();
    topology.put("global", global);
    topology.put("monitored", monitored);
    topology.put("component_versions", versions);
    topology.put("server_configs", configs);
    topology.putAll(lists);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("user", user);
    meta.put("tidb_version", versions.get("tidb"));
    meta.put("topology", topology);
    StringBuilder b = new StringBuilder();
    write(b, meta, 0);
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  private static void write(StringBuilder b, Map<String, Object> map, int indent) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      b.append(" ".repeat(indent)).append(e.getKey()).append(":");
      value(b, e.getValue(), indent);
    }
  }

  @SuppressWarnings("unchecked")
  private static void value(StringBuilder b, Object v, int indent) {
    if (v instanceof Map<?, ?> m && !m.isEmpty()) {
      b.append("\n");
      write(b, (Map<String, Object>) m, indent + 4);
    } else if (v instanceof Map<?, ?>) {
      b.append(" {}\n");
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      b.append("\n");
      for (Object item : l) {
        StringBuilder inner = new StringBuilder();
        write(inner, (Map<String, Object>) item, indent + 6);
        b.append(" ".repeat(indent + 4)).append("- ").append(inner.substring(indent + 6));
      }
    } else if (v instanceof List<?>) {
      b.append(" []\n");
    } else {
      b.append(" ").append(scalar(v)).append("\n");
    }
  }

  private static String scalar(Object v) {
    String s = String.valueOf(v);
    return v instanceof String && !s.matches("[A-Za-z0-9_./-][A-Za-z0-9_./:-]*") ? Json.write(s) : s;
  }
}
