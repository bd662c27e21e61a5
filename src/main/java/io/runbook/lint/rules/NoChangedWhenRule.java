package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import java.util.Set;

/**
 * A command always reports "changed" unless told otherwise: say when it changes something
 * ({@code changed_when}), or what it makes or removes ({@code creates}/{@code removes}, which
 * also let check mode predict it).
 */
final class NoChangedWhenRule extends TaskTreeRule {
  private static final Set<String> COMMANDS = Set.of("command", "shell");

  NoChangedWhenRule() {
    super("no-changed-when", "a command or shell task without changed_when, creates or removes",
        Profile.PRODUCTION);
  }

  @Override
  void check(LintFile file, Report report) {
    TaskWalk.tasks(file, site -> {
      if (COMMANDS.contains(site.actionName()) && !site.task().has("changed_when")
          && site.arg("creates") == null && site.arg("removes") == null) {
        report.add(this, site.action().key(), "'" + site.actionName() + "' always reports changed:"
            + " add changed_when (changed_when: false for a read-only command), or creates/removes");
      }
    });
  }
}
