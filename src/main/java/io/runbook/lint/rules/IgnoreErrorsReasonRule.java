package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YScalar;
import java.util.regex.Pattern;

/**
 * {@code ignore_errors: true} hides every failure of the task, the expected one and the others.
 * Say which failure is fine, in a comment beside it or just above it (or use failed_when).
 */
final class IgnoreErrorsReasonRule extends TaskTreeRule {
  // Lint's own markers are not reasons.
  private static final Pattern DIRECTIVES = Pattern.compile("#\\s*(noqa|expect)\\b.*$");

  IgnoreErrorsReasonRule() {
    super("ignore-errors-reason", "ignore_errors: true without a comment saying why",
        Profile.PRODUCTION);
  }

  @Override
  void check(LintFile file, Report report) {
    TaskWalk.tasksAndBlocks(file, site -> {
      YMap.Entry e = site.task().entry("ignore_errors").orElse(null);
      if (e == null || !(e.value() instanceof YScalar v) || !Boolean.TRUE.equals(v.value())) {
        return;
      }
      int line = v.position().line();
      String after = file.line(line).substring(Math.min(file.line(line).length(),
          v.position().column() - 1 + v.text().length()));
      if (!hasReason(after.replaceFirst("^[^#]*?(?=(^|\\s)#)", "")) && !isCommentLine(file.line(line - 1))) {
        report.add(this, e.key(), "ignore_errors: true hides every failure: say in a comment which"
            + " failure is expected and why it is fine, or use failed_when");
      }
    });
  }

  private static boolean isCommentLine(String line) {
    return line.strip().startsWith("#") && hasReason(line.strip());
  }

  /** Whether {@code text} starts with a comment that says something besides lint directives. */
  private static boolean hasReason(String text) {
    String t = text.strip();
    if (!t.startsWith("#")) {
      return false;
    }
    return !DIRECTIVES.matcher(t).replaceFirst("").replaceAll("[#\\s]", "").isEmpty();
  }
}
