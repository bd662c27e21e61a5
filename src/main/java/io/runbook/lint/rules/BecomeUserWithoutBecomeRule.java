package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;

/**
 * {@code become_user} alone does nothing: without {@code become: true} on the task or around it
 * the command runs as the connecting user, not as the one named.
 */
final class BecomeUserWithoutBecomeRule extends TaskTreeRule {
  BecomeUserWithoutBecomeRule() {
    super("become-user-without-become", "become_user set where become is not true", Profile.BASIC);
  }

  @Override
  void check(LintFile file, Report report) {
    for (YMap play : TaskWalk.plays(file)) {
      check(play, TaskSite.isOn(play.get("become")), report);
    }
    TaskWalk.tasksAndBlocks(file, site -> check(site.task(), site.inheritsOn("become"), report));
  }

  private void check(YMap scope, boolean become, Report report) {
    scope.entry("become_user").filter(e -> !become).ifPresent(e -> report.add(this, e.key(),
        "become_user without become: true here or around it runs as the connecting user:"
            + " add become: true"));
  }
}
