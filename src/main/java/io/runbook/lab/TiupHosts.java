package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * TiUP's instance layout (pingcap/tiup {@code pkg/cluster/spec}): each Pump and Drainer in
 * {@code <lab>/deploy/<role>-<port>/} with {@code bin/}, {@code conf/}, {@code scripts/run_<role>.sh}
 * (as {@code embed/templates/scripts/run_pump.sh.tpl}: {@code --node-id="<host>:<port>"}, the
 * absolute data and log dirs), {@code log/}; its data in {@code <lab>/data/<role>-<port>}
 * (global {@code data_dir} absolute); the Drainer's {@code initial-commit-ts} in its config, not
 * a flag (tiup#1682). PD and TiDB keep the lab's folders {@code pd1/} and {@code tidb1/} as
 * instance {@code deploy_dir}s (where {@code lab verify} reads them). Every instance is a unit
 * {@code <role>-<port>.service} ({@code embed/templates/systemd/system.service.tpl}) under the
 * lab's systemctl stand-in, {@code systemd/system/} or, for {@code systemd_mode: user},
 * {@code systemd/user/}. {@link #finish} writes the cluster's {@code meta.yaml}.
 */
record TiupHosts(LabLayout layout, LabFiles files, String scope, LabUnits units) implements LabHosts {
  static final String CLUSTER = "lab";

  static boolean instance(LabNode node) {
    return node.role().equals("pump") || node.role().equals("drainer");
  }

  Path deployDir(LabNode placed) {
    return layout.root().resolve(placed.dir());
  }

  Path dataDir(LabNode placed) {
    return dataDir(placed.role(), placed.port(), deployDir(placed));
  }

  private Path dataDir(String role, int port, Path deploy) {
    return role.equals("pump") || role.equals("drainer") ? layout.root().resolve("data").resolve(role + "-" + port)
        : deploy.resolve("data." + role);
  }

  @Override
  public LabNode place(LabNode node) {
    String dir = instance(node) ? "deploy/" + node.role() + "-" + node.port() : node.dir();
    Path deploy = layout.root().resolve(dir);
    Path data = dataDir(node.role(), node.port(), deploy);
    List<String> flags = new ArrayList<>();
    if (instance(node)) {
      flags.add("--node-id=127.0.0.1:" + node.port());
    }
    String config = node.config();
    for (String f : node.runFlags()) {
      if (f.startsWith("--initial-commit-ts=")) {
        config = "initial-commit-ts = " + f.substring(f.indexOf('=') + 1) + "\n" + config;
      } else if (f.startsWith("--data-dir=")) {
        flags.add("--data-dir=" + data);
      } else if (f.startsWith("--log-file=log/")) {
        flags.add("--log-file=" + deploy.resolve(f.substring("--log-file=".length())));
      } else {
        flags.add(f);
      }
    }
    return new LabNode(node.host(), dir, node.role(), node.binary(), node.packageName(), node.port(),
        flags, config);
  }

  @Override
  public void prepare() throws IOException {
    units.writeStandIn();
  }

  @Override
  public void deploy(LabNode node) throws IOException {
    Path dir = files.deployFiles(node);
    Files.createDirectories(dataDir(node));
    Path run = dir.resolve("scripts").resolve(node.runScript());
    LabFiles.executable(run, LabHosts.runScript(node, dir,
        dir.resolve("log").resolve(node.role() + "_stderr.log").toString(), false));
    units.writeUnit(scope, AnsibleHosts.unitName(node), LabUnits.unit(node.role(),
        scope.equals("system") ? System.getProperty("user.name") : null, "/bin/bash -c '" + run + "'", true));
  }

  @Override
  public void start(LabNode node) throws IOException {
    units.run(scope, "start", AnsibleHosts.unitName(node), 30);
  }

  @Override
  public boolean alive(LabNode node) {
    return LabHosts.alivePid(units.pidFile(scope, AnsibleHosts.unitName(node)));
  }

  @Override
  public void finish(List<LabNode> nodes) throws IOException {
    Path meta = layout.root().resolve("tiup").resolve("storage").resolve("cluster").resolve("clusters")
        .resolve(CLUSTER).resolve("meta.yaml");
    Files.createDirectories(meta.getParent());
    Files.writeString(meta, TiupMeta.yaml(this, nodes, scope));
  }
}
