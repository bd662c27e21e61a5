package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;
import java.util.Set;

/**
 * Every play and task has a name: the output, the journal and {@code --start-at-task} refer to
 * steps by name. Blocks and import lines are exempt: what they hold has the names; so are meta
 * tasks, which show as what they do ({@code TASK [meta: flush_handlers]}).
 */
final class NameMissingRule extends TaskTreeRule {
  private static final Set<String> IMPORTS = Set.of("import_tasks", "include_tasks", "import_playbook",
      "meta");

  NameMissingRule() {
    super("name-missing", "a play or task without a name", Profile.BASIC);
  }

  @Override
  void check(LintFile file, Report report) {
    for (YMap play : TaskWalk.plays(file)) {
      if (!play.has("name") && !play.has("import_playbook")) {
        report.add(this, play, "play without a name: add name: saying what it does");
      }
    }
    TaskWalk.tasks(file, site -> {
      YMap.Entry action = site.action();
      if (!site.task().has("name") && action != null && !IMPORTS.contains(site.actionName())) {
        report.add(this, action.key(), "task without a name: add name: saying what '"
            + action.name() + "' does here");
      }
    });
  }
}
