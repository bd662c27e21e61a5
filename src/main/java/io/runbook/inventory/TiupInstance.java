package io.runbook.inventory;

/**
 * One entry of a TiUP instance list ({@code pump_servers[]}, {@code pd_servers[]}, ...). The lists
 * differ in their port fields only, as far as runbook reads them, so one record holds them all;
 * {@link TiupRole} says which ports a role has and their defaults (spec/pump.go {@code PumpSpec},
 * spec/drainer.go, spec/tidb.go, spec/pd.go, spec/tikv.go, spec/tiflash.go, spec/cdc.go,
 * spec/monitoring.go, spec/grafana.go, spec/alertmanager.go).
 */
record TiupInstance(String host, String manageHost, @PortNumber Integer sshPort,
    @PortNumber Integer port, @PortNumber Integer statusPort, @PortNumber Integer clientPort,
    @PortNumber Integer peerPort, @PortNumber Integer tcpPort, @PortNumber Integer webPort,
    String deployDir, String dataDir, String logDir, Boolean offline) {

  /** The address runbook connects to: {@code manage_host} when set, else {@code host}. */
  String connectHost() {
    return manageHost == null || manageHost.isBlank() ? host : manageHost;
  }

  boolean isOffline() {
    return Boolean.TRUE.equals(offline);
  }
}
