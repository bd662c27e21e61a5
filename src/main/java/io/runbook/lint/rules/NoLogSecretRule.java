package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YScalar;

/**
 * A task that handles a secret (a password, token, key in a template, set_fact or register)
 * prints it in its result, the journal and on failure: mark it {@code no_log: true}.
 */
final class NoLogSecretRule extends TaskTreeRule {

  NoLogSecretRule() {
    super("no-log-secret", "a task handles a secret without no_log: true", Profile.SAFETY);
  }

  @Override
  void check(LintFile file, Report report) {
    TaskWalk.tasks(file, site -> {
      if (site.inheritsOn("no_log") || site.action() == null) {
        return;
      }
      java.util.function.Consumer<io.runbook.yaml.YNode> passes = n -> {
        if (n instanceof YScalar s && s.isString()) {
          ExprText.templates(s.text()).stream().flatMap(t -> ExprText.names(t).stream())
              .filter(NoLogSecretRule::secret).findFirst()
              .ifPresent(v -> report.add(this, s, message("passes '" + v + "'")));
        }
      };
      Nodes.walk(site.action().value(), passes);
      if (site.task().get("args") != null) {
        Nodes.walk(site.task().get("args"), passes); // args: are the action's arguments too
      }
      if (site.actionName().equals("set_fact") && site.action().value() instanceof YMap facts) {
        facts.entries().stream().filter(e -> secret(e.name()))
            .forEach(e -> report.add(this, e.key(), message("sets '" + e.name() + "'")));
      }
      if (site.task().get("register") instanceof YScalar r && secret(r.text())) {
        report.add(this, r, message("registers '" + r.text() + "'"));
      }
    });
  }

  static boolean secret(String name) {
    return io.runbook.model.SecretNames.looksSecret(name);
  }

  private static String message(String what) {
    return "this task " + what + ", which looks like a secret, and would show it in its result"
        + " and the journal: add no_log: true to the task or its block";
  }
}
