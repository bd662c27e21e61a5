package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import java.util.List;

/** A play with no tasks does nothing but select hosts: usually a mis-indented task list. */
final class EmptyPlayRule extends TaskTreeRule {
  private static final List<String> TASK_LISTS = List.of("pre_tasks", "tasks", "post_tasks", "handlers");

  EmptyPlayRule() {
    super("empty-play", "a play without any tasks", Profile.BASIC);
  }

  @Override
  void check(LintFile file, Report report) {
    for (YMap play : TaskWalk.plays(file)) {
      boolean hasTasks = TASK_LISTS.stream()
          .anyMatch(k -> play.get(k) instanceof YList l && !l.items().isEmpty());
      if (!hasTasks && !play.has("import_playbook")) {
        report.add(this, play, "this play has no tasks (pre_tasks, tasks, post_tasks or handlers):"
            + " add them, check their indentation, or remove the play");
      }
    }
  }
}
