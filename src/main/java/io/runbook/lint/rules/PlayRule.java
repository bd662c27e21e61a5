package io.runbook.lint.rules;

import io.runbook.lint.FileKind;
import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;

/** A rule about each play of a playbook (the fleet rules): files that are not playbooks are left alone. */
abstract class PlayRule extends NamedRule {
  PlayRule(String id, String summary, Profile profile) {
    super(id, summary, profile);
  }

  @Override
  public final void check(LintFile file, LintContext context, Report report) {
    if (file.kind() != FileKind.PLAYBOOK) {
      return;
    }
    for (YMap play : PlayTasks.plays(file.root())) {
      check(play, file, context, report);
    }
  }

  abstract void check(YMap play, LintFile file, LintContext context, Report report);
}
