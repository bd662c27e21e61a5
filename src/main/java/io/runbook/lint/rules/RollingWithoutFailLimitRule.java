package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;

/**
 * Ansible's default with serial: a batch where some hosts fail is not a reason to stop, the next
 * batch starts (only a batch where every host failed ends the run). A rolling upgrade wants to
 * stop at the first failure (any_errors_fatal) or at a stated share (max_fail_percentage).
 */
final class RollingWithoutFailLimitRule extends PlayRule {
  RollingWithoutFailLimitRule() {
    super("rolling-without-fail-limit", "a play with serial has neither any_errors_fatal nor max_fail_percentage",
        Profile.SAFETY);
  }

  @Override
  void check(YMap play, LintFile file, LintContext context, Report report) {
    YNode serial = PlayTasks.serial(play);
    boolean fatal = play.get("any_errors_fatal") instanceof YScalar s && Boolean.TRUE.equals(s.value());
    if (serial != null && !fatal && !play.has("max_fail_percentage")) {
      report.add(this, serial, "with serial and no failure limit, the next batch starts after"
          + " hosts of this one failed: set any_errors_fatal: true or max_fail_percentage");
    }
  }
}
