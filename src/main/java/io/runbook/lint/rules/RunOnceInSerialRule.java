package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Level;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;

/** run_once runs on the first host of each batch: with serial, once per batch, not once per play. */
final class RunOnceInSerialRule extends PlayRule {
  RunOnceInSerialRule() {
    super("run-once-in-serial", "run_once in a play with serial runs once per batch, not once per play",
        Profile.SAFETY);
  }

  @Override
  public Level level() {
    return Level.WARNING;
  }

  @Override
  void check(YMap play, LintFile file, LintContext context, Report report) {
    if (PlayTasks.serial(play) == null) {
      return;
    }
    for (PlayTasks.Ref ref : PlayTasks.of(play, file.path(), context, PlayTasks.HOST_SECTIONS)) {
      YNode once = ref.task().get("run_once");
      if (once instanceof YScalar s && Boolean.TRUE.equals(s.value())) {
        report.add(this, ref.at(once), "with serial, run_once runs once in every batch: move it"
            + " to a play of its own without serial, or to before_batch if once per batch is meant");
      }
    }
  }
}
