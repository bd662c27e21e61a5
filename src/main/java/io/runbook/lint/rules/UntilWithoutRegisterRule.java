package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;

/** {@code until} can only see the task's result under its {@code register} name. */
final class UntilWithoutRegisterRule extends TaskTreeRule {
  UntilWithoutRegisterRule() {
    super("until-without-register", "until on a task without register", Profile.BASIC);
  }

  @Override
  void check(LintFile file, Report report) {
    TaskWalk.tasks(file, site -> site.task().entry("until")
        .filter(e -> !site.task().has("register"))
        .ifPresent(e -> report.add(this, e.key(), "until cannot see this task's result: add"
            + " register: r and test r in until")));
  }
}
