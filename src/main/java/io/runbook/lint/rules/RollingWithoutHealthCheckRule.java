package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import java.util.List;

/**
 * With serial, the next batch starts as soon as this one's tasks are done: a play that starts or
 * restarts a service needs a health check after it (wait_for, http, or a task with until), or
 * a broken release rolls on to the next batch.
 */
final class RollingWithoutHealthCheckRule extends PlayRule {
  RollingWithoutHealthCheckRule() {
    super("rolling-without-health-check", "a rolling play starts or restarts a service and never checks it is healthy afterwards",
        Profile.SAFETY);
  }

  @Override
  void check(YMap play, LintFile file, LintContext context, Report report) {
    if (PlayTasks.serial(play) == null) {
      return;
    }
    // handlers before post_tasks: what post_tasks check runs after the tasks' handlers
    List<PlayTasks.Ref> refs = PlayTasks.of(play, file.path(), context,
        List.of("pre_tasks", "tasks", "handlers", "post_tasks", "after_batch"));
    int lastCheck = -1;
    for (int i = 0; i < refs.size(); i++) {
      if (ServiceTasks.checksHealth(refs.get(i).task())) {
        lastCheck = i;
      }
    }
    for (int i = lastCheck + 1; i < refs.size(); i++) {
      YNode start = ServiceTasks.starting(refs.get(i));
      if (start != null) {
        report.add(this, refs.get(i).at(start), "nothing checks that the service is healthy after"
            + " this start, so the next batch would start anyway: add a wait_for, an http check or"
            + " a task with until after it");
      }
    }
  }
}
