package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YScalar;
import java.util.regex.Pattern;

/**
 * A pipeline's status is its last command's: {@code curl ... | grep x} succeeds when curl
 * fails. {@code set -o pipefail} first makes any failing stage fail the task.
 */
final class ShellPipefailRule extends TaskTreeRule {
  private static final Pattern PIPE = Pattern.compile("(?<![|])[|](?![|&])");
  private static final Pattern COMMENTS = Pattern.compile("\\A(?:\\s*#[^\\n]*\\n)*\\s*");
  // set -o pipefail, set -euo pipefail, set -e -o pipefail, set -o errexit -o pipefail ...
  private static final Pattern SET_PIPEFAIL =
      Pattern.compile("set\\s[^;&|\\n]*-[a-zA-Z]*o\\s+pipefail\\b");

  ShellPipefailRule() {
    super("shell-pipefail", "a shell pipe without set -o pipefail first", Profile.SAFETY);
  }

  @Override
  void check(LintFile file, Report report) {
    TaskWalk.tasks(file, site -> {
      YScalar script = site.actionName().equals("shell") ? ShellScripts.script(site) : null;
      if (script == null || !PIPE.matcher(ShellScripts.unquoted(script.text())).find()) {
        return;
      }
      String start = COMMENTS.matcher(script.text()).replaceFirst("");
      if (!SET_PIPEFAIL.matcher(start).lookingAt()) {
        report.add(this, site.action().key(), "a pipe fails only when its last command fails:"
            + " start the script with set -o pipefail (or set -euo pipefail)");
      }
    });
  }
}
