package io.runbook.inventory;

import io.runbook.source.SourcePosition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TiUP cluster's meta as inventory hosts, groups and variables (reference/real-clusters.md
 * §4.4): a host per instance, named by its id {@code host:port}; a group per instance list;
 * connection, folder and port variables per host; the cluster's own in {@code all}.
 */
final class TiupInventory {
  private final InventoryBuilder out;
  private final String file;

  private TiupInventory(InventoryBuilder out, String file) {
    this.out = out;
    this.file = file;
  }

  /** Fills {@code out} from {@code meta}, read from {@code metaFile}; mistakes go to its diagnostics. */
  static void fill(TiupMeta meta, Path metaFile, InventoryBuilder out) {
    new TiupInventory(out, metaFile.toString()).fill(meta, metaFile.toAbsolutePath().normalize());
  }

  private void fill(TiupMeta meta, Path metaFile) {
    if (meta == null || meta.topology() == null || meta.topology().value() == null) {
      out.diagnostics.error(new SourcePosition(file, 1, 1),
          "a TiUP meta.yaml has 'user', 'tidb_version' and 'topology'; this one has no 'topology'");
      return;
    }
    TiupMeta.Topology topology = meta.topology().value();
    TiupMeta.Global global = topology.globalOrDefaults();
    String user = first(meta.user(), global.user(), "tidb");
    TiupFolders folders = new TiupFolders(user, global);
    Map<String, SourcePosition> ids = new HashMap<>();
    List<String> pdUrls = new ArrayList<>();
    String scheme = Boolean.TRUE.equals(global.enableTls()) ? "https://" : "http://";
    for (TiupRole role : TiupRole.values()) {
      out.group(role.list, meta.topology().at());
      for (Located<TiupInstance> located : topology.instances(role)) {
        TiupInstance i = located.value();
        if (i.host() == null || i.host().isBlank()) {
          out.diagnostics.error(located.at(), "an instance of " + role.list + " has no 'host'");
          continue;
        }
        String id = i.host() + ":" + role.mainPort(i);
        SourcePosition first = ids.putIfAbsent(id, located.at());
        if (first != null) {
          out.diagnostics.error(located.at(), "instance " + id + " of " + role.list
              + " is already in the topology at " + first + " (an instance id is host:port)");
          continue;
        }
        if (role == TiupRole.PD) {
          pdUrls.add(scheme + i.host() + ":" + role.mainPort(i));
        }
        String group = role.group(i);
        out.group(group, located.at());
        out.addHost(group, id);
        out.host(id).putAll(hostVars(role, i, global, folders));
      }
    }
    Map<String, Object> all = out.groups.get("all").vars;
    all.put("ansible_user", user);
    Path key = metaFile.resolveSibling("ssh").resolve("id_rsa");
    if (Files.isRegularFile(key)) {
      all.put("ansible_ssh_private_key_file", key.toString());
    }
    putIfSet(all, "pd_urls", String.join(",", pdUrls)); // without PDs the playbooks' own default stands
    all.put("process_supervision", "systemd");
    all.put("systemd_scope", global.systemdMode() == null ? "system" : global.systemdMode().text());
    putIfSet(all, "tidb_version", meta.tidbVersion());
    TiupMeta.ComponentVersions versions = topology.componentVersions();
    putIfSet(all, "binlog_version", first(versions == null ? null : versions.pump(), meta.tidbVersion(), null));
    all.put("enable_tls", Boolean.TRUE.equals(global.enableTls()));
    all.put("deployed_by", "tiup");
    all.put("tiup_cluster_name", metaFile.getParent().getFileName().toString());
    all.put("tiup_meta_file", metaFile.toString());
  }

  private static Map<String, Object> hostVars(TiupRole role, TiupInstance i, TiupMeta.Global global,
      TiupFolders folders) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("ansible_host", i.connectHost());
    Integer ssh = i.sshPort() != null ? i.sshPort() : global.sshPort();
    vars.put("ansible_port", ssh == null ? 22L : (long) ssh);
    if (role.isBinlog()) {
      vars.put(role.component + "_advertise_host", i.host());
    }
    String deploy = folders.deployDir(role, i);
    vars.put("deploy_dir", deploy);
    if (role.hasData) {
      vars.put("data_dir", folders.dataDir(role, i, deploy));
    }
    vars.put("log_dir", folders.logDir(role, i, deploy));
    vars.putAll(role.portVars(i));
    return vars;
  }

  private static void putIfSet(Map<String, Object> vars, String name, String value) {
    if (value != null && !value.isEmpty()) {
      vars.put(name, value);
    }
  }

  private static String first(String a, String b, String dflt) {
    return a != null && !a.isEmpty() ? a : b != null && !b.isEmpty() ? b : dflt;
  }
}
