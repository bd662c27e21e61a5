package io.runbook.lint.rules;

import io.runbook.inventory.Inventory;
import io.runbook.lint.FileKind;
import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every variable name a playbook can see from somewhere: magic variables, the inventories and
 * group_vars/host_vars of the lint, and what the playbook, its imports and the playbooks it is
 * imported with define (vars, vars_files, register, set_fact, loop variables). Flat on purpose:
 * undefined-variable reports names defined nowhere, not names defined too late.
 */
final class DefinedVariables {
  static final Set<String> MAGIC = io.runbook.model.MagicVariables.NAMES;

  private DefinedVariables() {}

  /** What {@code playbook} (a path of the lint, or one it imports) can see. */
  static Set<String> of(Path playbook, LintContext context) {
    return context.memo("defined:" + playbook.toAbsolutePath().normalize(), () -> compute(playbook, context));
  }

  private static Set<String> compute(Path playbook, LintContext context) {
    Set<String> out = new HashSet<>(MAGIC);
    out.addAll(context.memo("defined-by-inventories", () -> {
      Set<String> vars = new HashSet<>();
      inventories(context, vars);
      return vars;
    }));
    for (Path p : connectedPlaybooks(playbook, context)) {
      YNode root = PlayTasks.readTree(context, p);
      for (YMap play : PlayTasks.plays(root)) {
        playVars(play, p, context, out);
        for (PlayTasks.Ref ref : PlayTasks.of(play, p, context, PlayTasks.ALL_SECTIONS)) {
          taskVars(ref, out);
        }
      }
    }
    return out;
  }

  private static void playVars(YMap play, Path file, LintContext context, Set<String> out) {
    keys(play.get("vars"), out);
    if (play.get("vars_files") instanceof YList files) {
      for (YNode f : files.items()) {
        if (f instanceof YScalar s && s.isString() && !s.text().contains("{{")) {
          Path dir = file.toAbsolutePath().getParent();
          keys(PlayTasks.readTree(context, dir.resolve(s.text()).normalize()), out);
        }
      }
    }
  }

  private static void taskVars(PlayTasks.Ref ref, Set<String> out) {
    YMap task = ref.task();
    out.addAll(ref.vars().keySet());
    if (task.get("register") instanceof YScalar r && r.isString()) {
      out.add(r.text().strip());
    }
    keys(ServiceTasks.action(task, "set_fact"), out);
    if (task.has("loop") || task.has("with_items")) {
      out.add("item");
    }
    if (task.get("loop_control") instanceof YMap lc) {
      for (String k : new String[] {"loop_var", "index_var"}) {
        if (lc.get(k) instanceof YScalar s && s.isString()) {
          out.add(s.text().strip());
        }
      }
    }
    if (task.has("rescue")) {
      out.addAll(List.of("ansible_failed_result", "ansible_failed_task"));
    }
  }

  /**
   * Inventory variables: every host's (groups, group_vars and host_vars included), a TiUP
   * {@code meta.yaml}'s among them.
   */
  private static void inventories(LintContext context, Set<String> out) {
    for (LintFile f : context.files()) {
      boolean tiupMeta = f.path().getFileName().toString().equals("meta.yaml"); // read as an inventory too
      if (f.kind() == FileKind.INVENTORY || tiupMeta) {
        try {
          Inventory inv = Inventory.load(f.path());
          inv.hosts().forEach(h -> out.addAll(inv.hostVars(h).keySet()));
        } catch (RuntimeException e) {
          // a broken inventory: what its YAML shows still counts
        }
        Nodes.entries(f.root(), e -> {
          if (e.name().equals("vars")) {
            keys(e.value(), out);
          } else if (e.name().equals("hosts") && e.value() instanceof YMap hosts) {
            hosts.entries().forEach(h -> keys(h.value(), out));
          }
        });
      } else if (f.kind() == FileKind.VARS) {
        String p = "/" + f.shown().replace('\\', '/');
        if (p.contains("/group_vars/") || p.contains("/host_vars/")) {
          keys(f.root(), out);
        }
      }
    }
  }

  /** The playbook and those it imports or is imported with (import_playbook), transitively. */
  private static Set<Path> connectedPlaybooks(Path start, LintContext context) {
    Map<Path, Set<Path>> linked = importLinks(context);
    Set<Path> seen = new HashSet<>();
    Deque<Path> todo = new ArrayDeque<>(List.of(start.toAbsolutePath().normalize()));
    while (!todo.isEmpty()) {
      Path p = todo.pop();
      if (seen.add(p)) {
        todo.addAll(importedPlaybooks(p, PlayTasks.readTree(context, p)));
        todo.addAll(linked.getOrDefault(p, Set.of()));
      }
    }
    return seen;
  }

  /**
   * For each playbook, the playbooks of the lint that import it: built once per lint, since every
   * playbook's variables need it.
   */
  private static Map<Path, Set<Path>> importLinks(LintContext context) {
    return context.memo("playbook-import-links", () -> {
      Map<Path, Set<Path>> links = new HashMap<>();
      for (LintFile f : context.files()) {
        if (f.kind() == FileKind.PLAYBOOK) {
          Path importer = f.path().toAbsolutePath().normalize();
          for (Path imported : importedPlaybooks(f.path(), f.root())) {
            links.computeIfAbsent(imported, k -> new HashSet<>()).add(importer);
          }
        }
      }
      return links;
    });
  }

  private static Set<Path> importedPlaybooks(Path file, YNode root) {
    Set<Path> out = new HashSet<>();
    if (root instanceof YList list) {
      for (YNode item : list.items()) {
        if (item instanceof YMap m && m.get("import_playbook") instanceof YScalar s && s.isString()) {
          out.add(file.toAbsolutePath().getParent().resolve(s.text()).normalize());
        }
      }
    }
    return out;
  }

  private static void keys(YNode node, Set<String> out) {
    if (node instanceof YMap m) {
      m.entries().forEach(e -> out.add(e.name()));
    }
  }
}
