package io.runbook.lint.rules;

import io.runbook.lint.FileKind;
import io.runbook.lint.LintFile;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Visits the plays of a playbook and every task of a playbook or task file, each with where it
 * sits: its play (null in a task file), its section and the blocks around it. Blocks are visited
 * only on request: they are not tasks, but keywords on them (become, no_log, vars) apply inside.
 */
final class TaskWalk {
  static final List<String> SECTIONS =
      List.of("pre_tasks", "tasks", "post_tasks", "handlers", "before_batch", "after_batch");
  static final List<String> BLOCK_PARTS = List.of("block", "rescue", "always");
  /**
   * Task keywords: every other key of a task is its action (as the loader decides), {@code meta}
   * included: it is written where an action is.
   */
  static final Set<String> KEYWORDS = Set.of("name", "when", "register", "retries", "delay", "until",
      "backoff", "max_delay", "failed_when", "changed_when", "ignore_errors", "loop", "with_items",
      "loop_control", "notify", "listen", "tags", "delegate_to", "run_once", "become", "become_user",
      "no_log", "timeout", "check_mode", "environment", "vars", "args", "block", "rescue", "always",
      "rerun_on_resume");

  private TaskWalk() {}

  /** The plays of a playbook (none for any other file). */
  static List<YMap> plays(LintFile file) {
    List<YMap> out = new ArrayList<>();
    if (file.kind() == FileKind.PLAYBOOK && file.root() instanceof YList list) {
      list.items().stream().filter(YMap.class::isInstance).map(YMap.class::cast).forEach(out::add);
    }
    return out;
  }

  /** Every task (not the blocks) of a playbook or task file, in file order. */
  static void tasks(LintFile file, Consumer<TaskSite> visit) {
    tasksAndBlocks(file, site -> {
      if (!site.isBlock()) {
        visit.accept(site);
      }
    });
  }

  /** Every task and every block, a block before what it holds. */
  static void tasksAndBlocks(LintFile file, Consumer<TaskSite> visit) {
    if (file.root() == null) {
      return;
    }
    if (file.kind() == FileKind.TASKS) {
      list(file.root(), null, "tasks", List.of(), visit);
    }
    for (YMap play : plays(file)) {
      for (String section : SECTIONS) {
        list(play.get(section), play, section, List.of(), visit);
      }
    }
  }

  private static void list(YNode node, YMap play, String section, List<YMap> blocks,
      Consumer<TaskSite> visit) {
    if (!(node instanceof YList list)) {
      return;
    }
    for (YNode item : list.items()) {
      if (item instanceof YMap task) {
        TaskSite site = new TaskSite(task, play, section, blocks);
        visit.accept(site);
        if (site.isBlock()) {
          List<YMap> inner = new ArrayList<>(blocks);
          inner.add(task);
          BLOCK_PARTS.forEach(part -> list(task.get(part), play, section, List.copyOf(inner), visit));
        }
      }
    }
  }
}
