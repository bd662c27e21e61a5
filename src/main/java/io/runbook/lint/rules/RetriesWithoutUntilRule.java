package io.runbook.lint.rules;

import io.runbook.lint.Level;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;

/**
 * {@code retries} alone retries until the task does not fail, which is often not what "ready"
 * means (a port answers before the service is up). Only a warning: sometimes it is enough.
 */
final class RetriesWithoutUntilRule extends TaskTreeRule {
  RetriesWithoutUntilRule() {
    super("retries-without-until", "retries without until: retried only until it stops failing",
        Profile.BASIC);
  }

  @Override
  public Level level() {
    return Level.WARNING;
  }

  @Override
  void check(LintFile file, Report report) {
    TaskWalk.tasks(file, site -> site.task().entry("retries")
        .filter(e -> !site.task().has("until"))
        .ifPresent(e -> report.add(this, e.key(), "retries without until retries only until the"
            + " task stops failing: add register and until saying what success looks like")));
  }
}
