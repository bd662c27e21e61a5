package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import io.runbook.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tasks of a play in the order it runs them, blocks opened and static imports
 * ({@code import_tasks}, {@code include_tasks} with a fixed path) followed, so that what an
 * imported task file does counts for the play that imports it.
 */
final class PlayTasks {
  static final List<String> HOST_SECTIONS = List.of("pre_tasks", "tasks", "handlers", "post_tasks");
  static final List<String> ALL_SECTIONS =
      List.of("before_batch", "pre_tasks", "tasks", "handlers", "post_tasks", "after_batch");

  /**
   * A task (or block, or import) reached from a play: its file, the vars known statically around
   * it (block and import vars, innermost last), whether it sits in a rescue, and {@code origin}:
   * the import in the linted file that brought it in, or null when it is in the linted file.
   */
  record Ref(YMap task, Path file, String section, Map<String, YNode> vars, boolean inRescue, YMap origin) {
    /** Where to report about {@code precise}: there when it is in the linted file, else at the import. */
    YNode at(YNode precise) {
      return origin == null ? precise : origin;
    }
  }

  private final LintContext context;
  private final List<Ref> out = new ArrayList<>();

  private PlayTasks(LintContext context) {
    this.context = context;
  }

  /** The plays of a playbook file (mappings with hosts). */
  static List<YMap> plays(YNode root) {
    List<YMap> plays = new ArrayList<>();
    if (root instanceof YList list) {
      list.items().stream().filter(i -> i instanceof YMap m && m.has("hosts")).forEach(i -> plays.add((YMap) i));
    }
    return plays;
  }

  /** The play's serial when it has one (not null, not 0), else null. */
  static YNode serial(YMap play) {
    YNode s = play.get("serial");
    boolean none = s == null || s instanceof YScalar v && (v.isNull() || "0".equals(v.text().strip()));
    return none ? null : s;
  }

  /** The tasks of {@code sections} of {@code play}, which is in {@code file}. */
  static List<Ref> of(YMap play, Path file, LintContext context, List<String> sections) {
    PlayTasks walker = new PlayTasks(context);
    for (String section : sections) {
      walker.walk(play.get(section), file, section, Map.of(), false, null, new HashSet<>());
    }
    return walker.out;
  }

  private void walk(YNode list, Path file, String section, Map<String, YNode> vars, boolean rescue,
      YMap origin, Set<Path> chain) {
    if (!(list instanceof YList l)) {
      return;
    }
    for (YNode item : l.items()) {
      if (!(item instanceof YMap task)) {
        continue;
      }
      Map<String, YNode> inner = withVars(vars, task.get("vars"));
      out.add(new Ref(task, file, section, inner, rescue, origin));
      if (task.has("block")) {
        walk(task.get("block"), file, section, inner, rescue, origin, chain);
        walk(task.get("rescue"), file, section, inner, true, origin, chain);
        walk(task.get("always"), file, section, inner, rescue, origin, chain);
        continue;
      }
      Path imported = importedFile(task, file);
      if (imported != null && chain.add(imported)) {
        walk(read(imported), imported, section, inner, rescue, origin == null ? task : origin, chain);
        chain.remove(imported);
      }
    }
  }

  /** The file a static import names, relative to the importing file, or null. */
  static Path importedFile(YMap task, Path from) {
    YNode target = task.has("import_tasks") ? task.get("import_tasks") : task.get("include_tasks");
    if (target instanceof YScalar s && s.isString() && !s.text().contains("{{") && !s.text().isBlank()) {
      Path dir = from.toAbsolutePath().getParent();
      return (dir == null ? Path.of(s.text()) : dir.resolve(s.text())).normalize();
    }
    return null;
  }

  /** A file's YAML tree: the lint's copy when it has one, else read now; null when unreadable. */
  YNode read(Path path) {
    return readTree(context, path);
  }

  static YNode readTree(LintContext context, Path path) {
    LintFile known = context.file(path);
    if (known != null) {
      return known.root();
    }
    return context.memo("tree:" + path.toAbsolutePath().normalize(), () -> {
      try {
        return YamlReader.read(path);
      } catch (RuntimeException e) {
        return null; // missing or broken: missing-file and yaml-syntax say so
      }
    });
  }

  private static Map<String, YNode> withVars(Map<String, YNode> outer, YNode vars) {
    if (!(vars instanceof YMap m) || m.entries().isEmpty()) {
      return outer;
    }
    Map<String, YNode> merged = new LinkedHashMap<>(outer);
    m.entries().forEach(e -> merged.put(e.name(), e.value()));
    return merged;
  }
}
