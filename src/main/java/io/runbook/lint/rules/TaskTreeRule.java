package io.runbook.lint.rules;

import io.runbook.lint.FileKind;
import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;

/** A rule on the YAML tree of playbooks and task files; files whose YAML failed are left alone. */
abstract class TaskTreeRule extends NamedRule {
  TaskTreeRule(String id, String summary, Profile profile) {
    super(id, summary, profile);
  }

  @Override
  public void check(LintFile file, LintContext context, Report report) {
    if (file.root() != null && (file.kind() == FileKind.PLAYBOOK || file.kind() == FileKind.TASKS)) {
      check(file, report);
    }
  }

  abstract void check(LintFile file, Report report);
}
