package io.runbook.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The instance lists of a TiUP topology that become inventory groups, in TiUP's start order
 * (pkg/cluster/spec/spec.go {@code ComponentsByStartOrder}), with each role's main port, the one in
 * its instance id {@code host:port} and in its default folder {@code <role>-<port>} (spec.go
 * {@code getPort}), and the port variables the bundled playbooks read.
 */
enum TiupRole {
  PD("pd_servers", "pd", true),
  TIKV("tikv_servers", "tikv", true),
  PUMP("pump_servers", "pump", true),
  TIDB("tidb_servers", "tidb", false),
  TIFLASH("tiflash_servers", "tiflash", true),
  DRAINER("drainer_servers", "drainer", true),
  CDC("cdc_servers", "cdc", true),
  PROMETHEUS("monitoring_servers", "prometheus", true),
  GRAFANA("grafana_servers", "grafana", false),
  ALERTMANAGER("alertmanager_servers", "alertmanager", true);

  /** The list's name in the topology, which is also the inventory group's. */
  final String list;
  /** TiUP's role name, as in {@code /tidb-deploy/pump-8250}. */
  final String component;
  /** Whether the role has a {@code data_dir} (TiDB and Grafana have none). */
  final boolean hasData;

  TiupRole(String list, String component, boolean hasData) {
    this.list = list;
    this.component = component;
    this.hasData = hasData;
  }

  /** The port in the instance's id, with TiUP's default when the field is absent. */
  int mainPort(TiupInstance i) {
    return switch (this) {
      case PD -> or(i.clientPort(), 2379);
      case TIKV -> or(i.port(), 20160);
      case PUMP -> or(i.port(), 8250);
      case TIDB -> or(i.port(), 4000);
      case TIFLASH -> or(i.tcpPort(), 9000);
      case DRAINER -> or(i.port(), 8249);
      case CDC -> or(i.port(), 8300);
      case PROMETHEUS -> or(i.port(), 9090);
      case GRAFANA -> or(i.port(), 3000);
      case ALERTMANAGER -> or(i.webPort(), 9093);
    };
  }

  /** The host variables holding the instance's ports, under tidb-ansible's names. */
  Map<String, Object> portVars(TiupInstance i) {
    Map<String, Object> vars = new LinkedHashMap<>();
    switch (this) {
      case PD -> {
        vars.put("pd_client_port", (long) mainPort(i));
        vars.put("pd_peer_port", (long) or(i.peerPort(), 2380));
      }
      case TIDB -> {
        vars.put("tidb_port", (long) mainPort(i));
        vars.put("tidb_status_port", (long) or(i.statusPort(), 10080));
      }
      case PUMP -> vars.put("pump_port", (long) mainPort(i));
      case DRAINER -> vars.put("drainer_port", (long) mainPort(i));
      default -> { }
    }
    return vars;
  }

  /** Pumps and Drainers have an {@code offline} state and an advertised address. */
  boolean isBinlog() {
    return this == PUMP || this == DRAINER;
  }

  /** The group an instance goes into: {@code pump_servers_offline} for an offline Pump. */
  String group(TiupInstance i) {
    return isBinlog() && i.isOffline() ? list + "_offline" : list;
  }

  private static int or(Integer value, int dflt) {
    return value == null ? dflt : value;
  }
}
