package io.runbook.lint.rules;

import io.runbook.expr.Expressions;
import io.runbook.lint.FileKind;
import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A guard or template reads a variable that nothing defines: a typo, or a value the operator
 * must pass with -e that a default() would make explicit. A playbook is checked with its
 * imports; a task file only as imported by the playbooks of the lint (they give its variables),
 * and its findings are reported in it. An imported file outside the lint is reported at the import.
 */
final class UndefinedVariableRule extends NamedRule {
  private static final List<String> PLAY_SECTIONS = List.of("before_batch", "pre_tasks", "tasks",
      "handlers", "post_tasks", "after_batch", "invariants");

  UndefinedVariableRule() {
    super("undefined-variable", "a guard or template uses a variable that is defined nowhere (write x | default(...) for optional ones)",
        Profile.BASIC);
  }

  @Override
  public void check(LintFile file, LintContext context, Report report) {
    if (file.root() == null) {
      return;
    }
    if (file.kind() == FileKind.PLAYBOOK) {
      checkPlaybook(file, context, report);
    } else if (file.kind() == FileKind.TASKS) {
      // only as imported: a task file gets its variables from whoever imports it
      checkImportedTaskFile(file, context, report);
    }
  }

  private void checkPlaybook(LintFile file, LintContext context, Report report) {
    Set<String> defined = DefinedVariables.of(file.path(), context);
    ExpressionSites sites = new ExpressionSites(context.expressions(), defined);
    for (YMap play : PlayTasks.plays(file.root())) {
      for (YMap.Entry e : play.entries()) {
        if (!PLAY_SECTIONS.contains(e.name())) {
          sites.templates(e.value(), Set.of(), (at, name) -> report(report, at, name, null));
        }
      }
      sites.invariants(play.get("invariants"), (at, name) -> report(report, at, name, null));
      for (PlayTasks.Ref ref : PlayTasks.of(play, file.path(), context, PlayTasks.ALL_SECTIONS)) {
        boolean here = same(ref.file(), file.path());
        if (here || context.file(ref.file()) == null) {
          // outside the lint: reported at the import, naming the place in the imported file
          sites.task(ref.task(), (at, name) -> report(report, here ? at : ref.origin(), name,
              here ? null : shown(at, file.path())));
        }
      }
    }
  }

  /** A task file's expressions, with what the playbooks of the lint that import it define. */
  private void checkImportedTaskFile(LintFile file, LintContext context, Report report) {
    Set<String> defined = new HashSet<>();
    List<YMap> tasks = new ArrayList<>();
    for (Import i : imports(context).getOrDefault(file.path().toAbsolutePath().normalize(), List.of())) {
      tasks.add(i.task());
      defined.addAll(DefinedVariables.of(i.playbook(), context));
    }
    ExpressionSites sites = new ExpressionSites(context.expressions(), defined);
    Set<YMap> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (YMap task : tasks) {
      if (seen.add(task)) {
        sites.task(task, (at, name) -> report(report, at, name, null));
      }
    }
  }

  /** A task that a playbook of the lint reaches through its imports. */
  private record Import(Path playbook, YMap task) {}

  /** Every imported task of every playbook, by the task file it is written in: built once per lint. */
  private static java.util.Map<Path, List<Import>> imports(LintContext context) {
    return context.memo("imported-tasks", () -> {
      java.util.Map<Path, List<Import>> index = new java.util.HashMap<>();
      for (LintFile pb : context.files()) {
        if (pb.kind() != FileKind.PLAYBOOK || pb.root() == null) {
          continue;
        }
        for (YMap play : PlayTasks.plays(pb.root())) {
          for (PlayTasks.Ref ref : PlayTasks.of(play, pb.path(), context, PlayTasks.ALL_SECTIONS)) {
            index.computeIfAbsent(ref.file().toAbsolutePath().normalize(), k -> new ArrayList<>())
                .add(new Import(pb.path(), ref.task()));
          }
        }
      }
      return index;
    });
  }

  /** A place in an imported file, its path relative to the linted file's folder. */
  private static String shown(YNode at, Path linted) {
    Path dir = linted.toAbsolutePath().normalize().getParent();
    Path p = Path.of(at.position().file()).toAbsolutePath().normalize();
    return (dir != null && p.startsWith(dir) ? dir.relativize(p) : p) + ":" + at.position().line();
  }

  private void report(Report report, YNode at, String name, String inside) {
    String where = inside == null ? "" : " (in " + inside + ")";
    report.add(this, at, "undefined variable '" + name + "'" + where + ": nothing in the playbook,"
        + " its imports, vars files or the lint's inventories defines it; define it, or write"
        + " default(" + name + ", ...) if it may be missing");
  }

  private static boolean same(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }
}
