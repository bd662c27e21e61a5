package io.runbook.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The shape of TiUP's {@code clusters/<name>/meta.yaml}: what runbook reads of it, as records.
 * Fields TiUP adds across releases are ignored; a field of the wrong type is refused. The names
 * follow TiUP's YAML keys (pkg/cluster/spec/util.go {@code ClusterMeta}, spec.go
 * {@code Specification} and {@code GlobalOptions}).
 *
 * @param user        the deploy user (TiUP's {@code --user}, also {@code global.user})
 * @param tidbVersion the cluster's version, e.g. {@code v6.5.0}
 * @param lastOpsVer  the TiUP version that last wrote the file
 * @param topology    the cluster, null when the file has none (refused when mapped)
 */
record TiupMeta(String user, String tidbVersion, String lastOpsVer, Located<Topology> topology) {

  /** {@code topology}: the global options, versions and the instance lists. */
  record Topology(Global global, ComponentVersions componentVersions,
      List<Located<TiupInstance>> pdServers, List<Located<TiupInstance>> tidbServers,
      List<Located<TiupInstance>> tikvServers, List<Located<TiupInstance>> tiflashServers,
      List<Located<TiupInstance>> pumpServers, List<Located<TiupInstance>> drainerServers,
      List<Located<TiupInstance>> cdcServers, List<Located<TiupInstance>> monitoringServers,
      List<Located<TiupInstance>> grafanaServers, List<Located<TiupInstance>> alertmanagerServers) {

    /** The instances of one role, in the file's order; empty when the list is absent. */
    List<Located<TiupInstance>> instances(TiupRole role) {
      List<Located<TiupInstance>> list = switch (role) {
        case PD -> pdServers;
        case TIDB -> tidbServers;
        case TIKV -> tikvServers;
        case TIFLASH -> tiflashServers;
        case PUMP -> pumpServers;
        case DRAINER -> drainerServers;
        case CDC -> cdcServers;
        case PROMETHEUS -> monitoringServers;
        case GRAFANA -> grafanaServers;
        case ALERTMANAGER -> alertmanagerServers;
      };
      return list == null ? List.of() : list;
    }

    Global globalOrDefaults() {
      return global == null ? new Global(null, null, null, null, null, null, null, null, null) : global;
    }
  }

  /**
   * {@code topology.global}. Defaults (spec.go {@code GlobalOptions}): user {@code tidb}, ssh_port
   * 22, deploy_dir {@code deploy}, data_dir {@code data}, log_dir {@code log}, systemd_mode
   * {@code system}.
   */
  record Global(String user, String group, @PortNumber Integer sshPort, String deployDir, String dataDir,
      String logDir, SystemdMode systemdMode, Boolean enableTls, String listenHost) {}

  /** {@code global.systemd_mode}: where the units are and how systemctl is run. */
  enum SystemdMode {
    /** {@code /etc/systemd/system/}, {@code sudo systemctl}. */
    @JsonProperty("system") SYSTEM,
    /** {@code ~/.config/systemd/user/}, {@code systemctl --user}, no sudo. */
    @JsonProperty("user") USER;

    /** The name as TiUP writes it. */
    String text() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code topology.component_versions}: a version per component, when pinned. */
  record ComponentVersions(String tidb, String tikv, String pd, String pump, String drainer, String cdc,
      String tiflash) {}
}
