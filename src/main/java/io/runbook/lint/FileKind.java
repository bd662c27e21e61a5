package io.runbook.lint;

import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import java.nio.file.Path;

/** What a file is, which decides the rules and the schema that apply to it. */
public enum FileKind {
  PLAYBOOK, TASKS, INVENTORY, VARS, LINT_CONFIG, OTHER;

  public String lower() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** By name and place first (inventories, vars folders, the lint config), then by shape. */
  static FileKind of(Path path, YNode root) {
    String name = path.getFileName().toString();
    String p = path.toString().replace('\\', '/');
    if (name.equals(LintConfig.FILE_NAME)) {
      return LINT_CONFIG;
    }
    if (p.contains("/group_vars/") || p.contains("/host_vars/") || p.startsWith("group_vars/")
        || p.startsWith("host_vars/")) {
      return VARS;
    }
    boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
    if (!yaml) {
      return name.endsWith(".ini") || !name.contains(".") ? INVENTORY : OTHER;
    }
    if (root instanceof YMap m && (m.has("all") || p.contains("inventories/") || p.startsWith("inventories/"))) {
      return m.has("all") || m.entries().stream().anyMatch(e -> e.value() instanceof YMap g
          && (g.has("hosts") || g.has("children"))) ? INVENTORY : VARS;
    }
    if (root instanceof YList list && !list.items().isEmpty()) {
      boolean plays = list.items().stream().anyMatch(i -> i instanceof YMap m
          && (m.has("hosts") || m.has("import_playbook")));
      return plays ? PLAYBOOK : TASKS;
    }
    return root instanceof YMap ? VARS : OTHER;
  }
}
