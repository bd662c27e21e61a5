package io.runbook.inventory;

import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hosts, groups and their variables, loaded from an Ansible INI or YAML inventory and the
 * {@code group_vars/} and {@code host_vars/} folders beside it, or from a TiUP cluster's
 * {@code meta.yaml} ({@link TiupInventory}). Immutable once loaded.
 *
 * <p>Host order is the order hosts first appear in the file, always. Variables merge with
 * Ansible's precedence: the inventory file's group variables ({@code all} first, then groups by
 * depth, then name) &lt; group_vars files (same order) &lt; the host's own variables &lt; its
 * host_vars file.
 */
public final class Inventory {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");

  private final Map<String, Group> groups;
  private final Map<String, Map<String, Object>> hostOwnVars;
  private final Map<String, Map<String, Object>> hostFileVars;
  private final List<String> hosts;
  private final Map<String, List<String>> groupHosts = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> varsCache = new ConcurrentHashMap<>();
  private Path source;

  private Inventory(InventoryBuilder b) {
    this.groups = b.groups;
    this.hostOwnVars = b.hosts;
    this.hostFileVars = b.hostFileVars;
    this.hosts = List.copyOf(b.hosts.keySet());
    for (String g : groups.keySet()) {
      groupHosts.put(g, List.copyOf(collectHosts(g)));
    }
  }

  /**
   * Loads an INI or YAML inventory, a TiUP {@code meta.yaml} or a TiUP cluster named
   * {@code tiup:NAME}; every mistake is reported at once.
   */
  public static Inventory load(Path path) {
    return load(path, TiupClusters.systemEnvironment());
  }

  /** The same, finding {@code tiup:NAME} with the TiUP variables of {@code env}. */
  public static Inventory load(Path given, Map<String, String> env) {
    Path path = TiupClusters.isClusterName(given) ? TiupClusters.locate(given, env) : given;
    String name = path.toString();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidInputException(SourcePosition.none(name), "cannot read inventory: "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
    }
    InventoryBuilder b = new InventoryBuilder(name);
    boolean tiup = TiupClusters.isMeta(path);
    if (tiup) {
      TiupInventory.fill(TiupMetaReader.read(text, name), path, b);
    } else if (isYaml(name, text)) {
      new YamlInventoryParser(b).parse(YamlReader.parse(text, name));
    } else {
      new IniInventoryParser(b, name).parse(text);
    }
    b.reconcile();
    if (!tiup) {
      VarsDirs.read(path, b); // a TiUP cluster's folder is TiUP's, not the operator's
    }
    b.diagnostics.throwIfErrors();
    Inventory inventory = new Inventory(b);
    inventory.source = path.toAbsolutePath().normalize();
    return inventory;
  }

  /** The inventory file, absolute; null for an inventory that was not read from a file. */
  public Path source() {
    return source;
  }

  /** No hosts: only the implicit localhost can be targeted. */
  public static Inventory empty() {
    InventoryBuilder b = new InventoryBuilder("<no inventory>");
    b.reconcile();
    return new Inventory(b);
  }

  private static boolean isYaml(String name, String text) {
    if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json")) {
      return true;
    }
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.startsWith(";") || l.equals("---")) {
        continue;
      }
      return l.matches("[A-Za-z0-9_.-]+:\\s*(\\{.*)?$");
    }
    return false;
  }

  /** Every host of {@code all}, in the order first seen. */
  public List<String> hosts() {
    return hosts;
  }

  /**
   * Hosts matching an Ansible host pattern, in Ansible's order: term by term as written, each
   * group's hosts as {@link #groups()} lists them.
   */
  public List<String> select(String pattern) {
    return List.copyOf(HostPattern.select(this, pattern));
  }

  /** Keeps the hosts that also match {@code limit} ({@code @file}: one host per line). */
  public List<String> limit(List<String> selected, String limit) {
    String pattern = limit;
    if (limit.startsWith("@")) {
      try {
        pattern = String.join(",", Files.readAllLines(Path.of(limit.substring(1))).stream()
            .map(String::strip).filter(s -> !s.isEmpty()).toList());
      } catch (IOException e) {
        throw new InvalidInputException(SourcePosition.none("--limit " + limit), "cannot read " + limit.substring(1));
      }
    }
    Set<String> allowed = pattern.isEmpty() ? Set.of() : HostPattern.select(this, pattern);
    return selected.stream().filter(allowed::contains).toList();
  }

  /**
   * Whether {@code limit} leaves any of the inventory's hosts. ansible-playbook refuses to run when
   * it leaves none, whatever the plays' patterns; an inventory without hosts is no such case.
   */
  public boolean limitLeavesHosts(String limit) {
    return limit == null || hosts.isEmpty() || !limit(hosts, limit).isEmpty();
  }

  /** Ansible's {@code groups}: every group's hosts, child groups' included. */
  public Map<String, List<String>> groups() {
    return Collections.unmodifiableMap(groupHosts);
  }

  List<String> groupHosts(String group) {
    return groupHosts.get(group);
  }

  public boolean isImplicitLocalhost(String name) {
    return LOOPBACK.contains(name) && !hostOwnVars.containsKey(name);
  }

  /** A host's variables with Ansible's precedence, plus inventory_hostname and group_names. */
  public Map<String, Object> hostVars(String host) {
    return varsCache.computeIfAbsent(host, this::computeVars);
  }

  private Map<String, Object> computeVars(String host) {
    Map<String, Object> vars = new LinkedHashMap<>(inventoryVars(host));
    vars.put("inventory_hostname", host);
    vars.put("inventory_hostname_short", host.contains(".") && !host.matches("[\\d.]+")
        ? host.substring(0, host.indexOf('.')) : host);
    vars.put("group_names", groupNames(host));
    return Collections.unmodifiableMap(vars);
  }

  /** The merged variables without the magic ones: what ansible-inventory shows. */
  Map<String, Object> inventoryVars(String host) {
    Map<String, Object> vars = new LinkedHashMap<>();
    List<Group> ordered = ancestry(host);
    ordered.forEach(g -> vars.putAll(g.vars));
    ordered.forEach(g -> vars.putAll(g.fileVars));
    if (isImplicitLocalhost(host)) {
      vars.put("ansible_connection", "local");
    }
    vars.putAll(hostOwnVars.getOrDefault(host, Map.of()));
    vars.putAll(hostFileVars.getOrDefault(host, Map.of()));
    return vars;
  }

  /** The host's groups, {@code all} included, sorted by depth then name. */
  private List<Group> ancestry(String host) {
    Set<String> names = new LinkedHashSet<>();
    names.add("all");
    for (Group g : groups.values()) {
      if (g.hosts.contains(host)) {
        addWithParents(g.name, names);
      }
    }
    Map<String, Integer> depth = new HashMap<>();
    List<Group> out = new ArrayList<>();
    for (String n : names) {
      out.add(groups.get(n));
    }
    out.sort(Comparator.<Group>comparingInt(g -> depth(g.name, depth)).thenComparing(g -> g.name));
    return out;
  }

  private void addWithParents(String group, Set<String> into) {
    if (into.add(group)) {
      for (String p : groups.get(group).parents) {
        addWithParents(p, into);
      }
    }
  }

  private int depth(String group, Map<String, Integer> memo) {
    if (group.equals("all")) {
      return 0;
    }
    Integer known = memo.get(group);
    if (known != null) {
      return known;
    }
    memo.put(group, 0); // guards against cycles, which load() already reported
    int d = 1;
    for (String p : groups.get(group).parents) {
      d = Math.max(d, depth(p, memo) + 1);
    }
    memo.put(group, d);
    return d;
  }

  private List<String> groupNames(String host) {
    Set<String> names = new TreeSet<>();
    for (Map.Entry<String, List<String>> e : groupHosts.entrySet()) {
      if (!e.getKey().equals("all") && !e.getKey().equals("ungrouped") && e.getValue().contains(host)) {
        names.add(e.getKey());
      }
    }
    return List.copyOf(names);
  }

  /**
   * A group's hosts in Ansible's order (Group.get_hosts): the group and its descendants level by
   * level — the group, its children in the order written, their children, ... — each group's
   * own hosts in the order written, each host once. (Where one level has several parents,
   * Ansible takes them in Python's set order, which varies; this takes them as written.)
   */
  private Set<String> collectHosts(String group) {
    List<String> ordered = new ArrayList<>();
    ordered.add(group);
    Set<String> seen = new java.util.HashSet<>(ordered);
    for (int i = 0; i < ordered.size(); i++) {
      Group g = groups.get(ordered.get(i));
      for (String c : g == null ? Set.<String>of() : g.children) {
        if (seen.add(c)) {
          ordered.add(c);
        }
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (String name : ordered) {
      Group g = groups.get(name);
      if (g != null) {
        out.addAll(g.hosts);
      }
    }
    return out;
  }

  /** {@code ansible-inventory --list}. */
  public String listJson() {
    return InventoryJson.list(this);
  }

  /** {@code ansible-inventory --host HOST}. */
  public String hostJson(String host) {
    return InventoryJson.host(this, host);
  }

  /** {@code ansible-inventory --graph}. */
  public String graph() {
    return InventoryJson.graph(this);
  }

  Map<String, Group> groupMap() {
    return groups;
  }
}
