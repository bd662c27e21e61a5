package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.Set;

/**
 * A play without {@code serial} runs each task on every host at once: a task that stops or
 * restarts a service takes the whole group down together.
 */
final class ServiceWithoutSerialRule extends PlayRule {
  private static final Set<String> CONTROLLER = Set.of("localhost", "127.0.0.1", "::1");

  ServiceWithoutSerialRule() {
    super("service-without-serial", "a play without serial stops or restarts a service: the whole group goes down at once",
        Profile.SAFETY);
  }

  @Override
  void check(YMap play, LintFile file, LintContext context, Report report) {
    if (PlayTasks.serial(play) != null || onController(play.get("hosts"))) {
      return;
    }
    for (PlayTasks.Ref ref : PlayTasks.of(play, file.path(), context, PlayTasks.HOST_SECTIONS)) {
      YNode stop = ServiceTasks.stopping(ref);
      if (stop != null && !onController(ref.task().get("delegate_to"))) {
        report.add(this, ref.at(stop), "this stops or restarts a service on every host of '"
            + hosts(play) + "' at once: give the play serial (e.g. serial: 1)");
      }
    }
  }

  static boolean onController(YNode hosts) {
    return hosts instanceof YScalar s && CONTROLLER.contains(s.text().strip());
  }

  static String hosts(YMap play) {
    return play.get("hosts") instanceof YScalar s ? s.text() : String.valueOf(play.get("hosts"));
  }
}
