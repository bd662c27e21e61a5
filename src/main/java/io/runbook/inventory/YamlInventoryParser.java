package io.runbook.inventory;

import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's YAML inventory: {@code all: {hosts: {h: {vars}}, vars: {}, children: {g: {...}}}}.
 * Other top-level keys are groups under {@code all}.
 */
final class YamlInventoryParser {
  private static final Set<String> GROUP_KEYS = Set.of("hosts", "vars", "children");
  private final InventoryBuilder out;

  YamlInventoryParser(InventoryBuilder out) {
    this.out = out;
  }

  void parse(YNode root) {
    if (root instanceof YScalar s && s.isNull()) {
      return;
    }
    if (!(root instanceof YMap map)) {
      out.diagnostics.error(root.position(), "a YAML inventory is a mapping of groups (all: {hosts:, children:, vars:}), not "
          + root.describe());
      return;
    }
    for (YMap.Entry e : map.entries()) {
      group(e.name(), e.value(), e.key());
    }
  }

  private void group(String name, YNode body, YScalar key) {
    Group g = out.group(name, key.position());
    if (g.position == null) {
      g.position = key.position();
    }
    if (body instanceof YScalar s && s.isNull()) {
      return;
    }
    if (!(body instanceof YMap map)) {
      out.diagnostics.error(body.position(), "group '" + name + "' must be a mapping with hosts, vars"
          + " or children, not " + body.describe());
      return;
    }
    for (YMap.Entry e : map.entries()) {
      if (!GROUP_KEYS.contains(e.name())) {
        out.diagnostics.error(e.key().position(), "unknown key '" + e.name() + "' in group '" + name
            + "' (a group has hosts, vars and children)");
      }
    }
    YNode hosts = map.get("hosts");
    if (hosts instanceof YMap hm) {
      for (YMap.Entry h : hm.entries()) {
        hostEntry(name, h);
      }
    } else if (hosts != null && !(hosts instanceof YScalar s && s.isNull())) {
      out.diagnostics.error(hosts.position(), "'hosts' of group '" + name + "' must be a mapping of host"
          + " names (each followed by ':'), not " + hosts.describe());
    }
    YNode vars = map.get("vars");
    if (vars instanceof YMap vm) {
      PortCheck.check(vm, out.diagnostics);
      g.vars.putAll(plainMap(vm));
    } else if (vars != null && !(vars instanceof YScalar s && s.isNull())) {
      out.diagnostics.error(vars.position(), "'vars' of group '" + name + "' must be a mapping");
    }
    YNode children = map.get("children");
    if (children instanceof YMap cm) {
      for (YMap.Entry c : cm.entries()) {
        out.link(name, c.name());
        group(c.name(), c.value(), c.key());
      }
    } else if (children != null && !(children instanceof YScalar s && s.isNull())) {
      out.diagnostics.error(children.position(), "'children' of group '" + name
          + "' must be a mapping of group names");
    }
  }

  private void hostEntry(String group, YMap.Entry h) {
    List<String> names;
    try {
      names = HostRanges.expand(h.name());
    } catch (IllegalArgumentException e) {
      out.diagnostics.error(h.key().position(), e.getMessage());
      return;
    }
    Map<String, Object> vars = Map.of();
    if (h.value() instanceof YMap vm) {
      PortCheck.check(vm, out.diagnostics);
      vars = plainMap(vm);
    } else if (!(h.value() instanceof YScalar s && s.isNull())) {
      out.diagnostics.error(h.value().position(), "host '" + h.name() + "' must be followed by a mapping"
          + " of its variables or by nothing, not " + h.value().describe());
    }
    for (String host : names) {
      out.addHost(group, host);
      out.host(host).putAll(vars);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plainMap(YMap m) {
    return (Map<String, Object>) io.runbook.yaml.UnsafeText.plain(m);
  }
}
