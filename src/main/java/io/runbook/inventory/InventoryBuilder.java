package io.runbook.inventory;

import io.runbook.source.Diagnostics;
import io.runbook.source.SourcePosition;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the INI and YAML parsers fill in: groups, hosts in first-seen order, host variables. */
final class InventoryBuilder {
  final Map<String, Group> groups = new LinkedHashMap<>();
  /** Host name → its own variables from the inventory file, in first-seen order. */
  final Map<String, Map<String, Object>> hosts = new LinkedHashMap<>();
  final Map<String, Map<String, Object>> hostFileVars = new LinkedHashMap<>();
  final Diagnostics diagnostics = new Diagnostics();

  InventoryBuilder(String file) {
    SourcePosition start = new SourcePosition(file, 1, 1);
    group("all", start);
    group("ungrouped", start);
    link("all", "ungrouped");
  }

  Group group(String name, SourcePosition at) {
    return groups.computeIfAbsent(name, n -> new Group(n, at));
  }

  Map<String, Object> host(String name) {
    return hosts.computeIfAbsent(name, n -> new LinkedHashMap<>());
  }

  void addHost(String group, String host) {
    host(host);
    group(group, null).hosts.add(host);
  }

  void link(String parent, String child) {
    group(parent, null).children.add(child);
    group(child, null).parents.add(parent);
  }

  /** Ties loose ends as Ansible does: top-level groups under all, lone hosts in ungrouped. */
  void reconcile() {
    for (Group g : groups.values()) {
      if (!g.name.equals("all") && g.parents.isEmpty()) {
        link("all", g.name);
      }
    }
    for (String host : hosts.keySet()) {
      boolean grouped = groups.values().stream()
          .anyMatch(g -> !g.name.equals("all") && !g.name.equals("ungrouped") && g.hosts.contains(host));
      Group ungrouped = groups.get("ungrouped");
      if (grouped) {
        ungrouped.hosts.remove(host);
      } else {
        ungrouped.hosts.add(host);
      }
    }
    for (Group g : groups.values()) {
      checkCycle(g);
    }
  }

  private void checkCycle(Group start) {
    Deque<String> todo = new ArrayDeque<>(start.children);
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      String name = todo.pop();
      if (name.equals(start.name)) {
        diagnostics.error(start.position == null ? new SourcePosition("inventory", 1, 1) : start.position,
            "group '" + start.name + "' is its own ancestor (through :children)");
        return;
      }
      if (seen.add(name) && groups.containsKey(name)) {
        todo.addAll(groups.get(name).children);
      }
    }
  }
}
