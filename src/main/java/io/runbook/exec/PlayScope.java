package io.runbook.exec;

import io.runbook.model.Play;
import io.runbook.model.VarsFile;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the variables a host sees during a play, with the precedence of DESIGN.md §3, low to
 * high: inventory < play vars < vars_files < block and task vars < include vars < registered
 * results and set_fact < magic variables < extra vars < loop variables.
 */
final class PlayScope {
  private final RunContext run;
  private final Play play;
  private final List<String> playHosts;
  private final Map<String, YNode> filesVars = new LinkedHashMap<>();
  private volatile List<String> batch = List.of();

  PlayScope(RunContext run, Play play, List<String> playHosts) {
    this.run = run;
    this.play = play;
    this.playHosts = List.copyOf(playHosts);
  }

  /** Reads vars files whose paths are templates; static ones were read at load time. */
  void loadVarsFiles(java.util.function.BiFunction<String, SourcePosition, Map<String, YNode>> reader) {
    for (VarsFile f : play.varsFiles()) {
      Map<String, YNode> vars;
      String path;
      if (f.loaded() != null) {
        vars = f.loaded();
        path = String.valueOf(f.path().toPlain());
      } else {
        VarScope scope = forHost(playHosts.isEmpty() ? "localhost" : playHosts.get(0),
            Inherited.forPlay(List.of()));
        path = String.valueOf(run.expressions.render(f.path(), scope));
        vars = reader.apply(path, f.path().position());
      }
      filesVars.putAll(vars);
      if (SecretFiles.isSecret(path)) {
        vars.values().forEach(v -> run.secrets.addAll(v.toPlain()));
      }
    }
  }

  /** The play's {@code connection} keyword, or null. */
  io.runbook.yaml.YNode connection() {
    return play.connection();
  }

  void batch(List<String> hosts) {
    batch = List.copyOf(hosts);
  }

  List<String> batch() {
    return batch;
  }

  List<String> playHosts() {
    return playHosts;
  }

  VarScope forHost(String host, Inherited inherited) {
    List<VarScope.Layer> layers = new ArrayList<>(8 + inherited.varLayers().size());
    layers.add(VarScope.Layer.text("extra", run.options.extraVars()));
    layers.add(VarScope.Layer.data("magic", magic(host)));
    layers.add(VarScope.Layer.data("registered", run.host(host).facts()));
    Map<String, Object> include = inherited.hostVars().get(host);
    if (include != null) {
      layers.add(VarScope.Layer.data("include", include)); // rendered when included
    }
    for (Map<String, YNode> taskVars : inherited.varLayers()) {
      layers.add(VarScope.Layer.text("task", taskVars));
    }
    layers.add(VarScope.Layer.text("vars_files", filesVars));
    layers.add(VarScope.Layer.text("play", play.vars()));
    layers.add(VarScope.Layer.text("inventory", run.inventoryVars(host)));
    return new VarScope(run.expressions, layers);
  }

  private Map<String, Object> magic(String host) {
    Map<String, Object> m = hostMagic(host);
    m.put("hostvars", io.runbook.expr.LazyMap.of(new HostVars()));
    m.put("play_hosts", batch);
    m.put("ansible_play_batch", batch);
    m.put("ansible_play_hosts", activeHosts());
    m.put("ansible_play_hosts_all", playHosts);
    m.put("ansible_play_name", play.displayName());
    return m;
  }

  /** The magic variables that are the host's own, not the play's: what hostvars shows of them. */
  private Map<String, Object> hostMagic(String host) {
    Map<String, Object> m = new HashMap<>();
    m.put("inventory_hostname", host);
    m.put("inventory_hostname_short", host.contains(".") ? host.substring(0, host.indexOf('.')) : host);
    m.put("groups", run.groups());
    m.put("group_names", groupNames(host));
    m.put("omit", io.runbook.expr.Omit.VALUE);
    m.put("check_mode", run.options.checkMode());
    m.put("ansible_check_mode", run.options.checkMode());
    m.put("ansible_diff_mode", run.options.diff());
    m.put("playbook_dir", run.playbook.baseDir().toString());
    if (run.inventory.source() != null) {
      // Ansible's magic variables for the inventory source, so vars can name files beside it.
      m.put("inventory_file", run.inventory.source().toString());
      m.put("inventory_dir", run.inventory.source().getParent().toString());
    }
    return m;
  }

  /** Ansible's group_names: the groups the host is in, but all, sorted. */
  private List<String> groupNames(String host) {
    List<String> out = new ArrayList<>();
    run.groups().forEach((group, members) -> {
      if (!group.equals("all") && members instanceof List<?> l && l.contains(host)) {
        out.add(group);
      }
    });
    java.util.Collections.sort(out);
    return out;
  }

  private List<String> activeHosts() {
    List<String> out = new ArrayList<>();
    for (String h : playHosts) {
      if (run.host(h).active()) {
        out.add(h);
      }
    }
    return out;
  }

  /**
   * What {@code hostvars[host]} holds, as in Ansible: {@code -e} extra vars, the host's registered
   * results and set_fact values, its own magic variables and its inventory variables. Not the
   * play's vars, vars_files or magic variables ({@code hostvars} itself among them), so that a
   * dump of it ends; sorted by name, as Ansible prints it.
   */
  private io.runbook.expr.LazyMap hostLevel(String host) {
    VarScope vars = new VarScope(run.expressions, List.of(
        VarScope.Layer.text("extra", run.options.extraVars()),
        VarScope.Layer.data("magic", hostMagic(host)),
        VarScope.Layer.data("registered", run.host(host).facts()),
        VarScope.Layer.text("inventory", run.inventoryVars(host))));
    return io.runbook.expr.LazyMap.of(new io.runbook.expr.LazyMap.Source() {
      @Override
      public Object get(String name) {
        return vars.get(name);
      }

      @Override
      public boolean has(String name) {
        return vars.has(name);
      }

      @Override
      public Set<String> names() {
        return new java.util.TreeSet<>(vars.names());
      }
    });
  }

  /** Ansible's {@code hostvars}: any host's variables, built when first asked for. */
  private final class HostVars implements io.runbook.expr.LazyMap.Source {
    @Override
    public boolean has(String h) {
      return run.inventory.hosts().contains(h) || run.inventory.isImplicitLocalhost(h);
    }

    @Override
    public Object get(String h) {
      return has(h) ? hostLevel(h) : null;
    }

    @Override
    public Set<String> names() {
      return new LinkedHashSet<>(run.inventory.hosts());
    }
  }
}
