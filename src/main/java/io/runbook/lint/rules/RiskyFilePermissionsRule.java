package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.Set;

/**
 * A file an action creates without {@code mode} gets whatever the remote umask gives it: a config
 * holding a password may become world-readable. Say the mode.
 */
final class RiskyFilePermissionsRule extends TaskTreeRule {
  private static final Set<String> CREATING_FILE_STATES = Set.of("directory", "touch");

  RiskyFilePermissionsRule() {
    super("risky-file-permissions", "an action that creates a file or directory without mode",
        Profile.PRODUCTION);
  }

  @Override
  void check(LintFile file, Report report) {
    TaskWalk.tasks(file, site -> {
      if (creates(site) && site.arg("mode") == null) {
        report.add(this, site.action().key(), "'" + site.actionName() + "' may create a file here"
            + " without mode, so the remote umask decides who can read it: add mode: \"0644\" (or"
            + " stricter)");
      }
    });
  }

  private static boolean creates(TaskSite site) {
    return switch (site.actionName()) {
      case "copy", "template" -> true;
      case "file" -> site.arg("state") instanceof YScalar s && CREATING_FILE_STATES.contains(s.text());
      case "lineinfile", "toml" -> isTrue(site.arg("create"));
      default -> false;
    };
  }

  private static boolean isTrue(YNode node) {
    return node instanceof YScalar s && Boolean.TRUE.equals(s.value());
  }
}
