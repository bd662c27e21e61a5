package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.source.SourcePosition;

/** Tabs: YAML forbids them in indentation, and elsewhere they hide in values and scripts. */
final class YamlTabsRule extends NamedRule {
  YamlTabsRule() {
    super("yaml-tabs", "a tab character in a YAML file",
        Profile.BASIC);
  }

  @Override
  public void check(LintFile file, LintContext context, Report report) {
    if (!file.isYaml()) {
      return;
    }
    for (int i = 0; i < file.lines().size(); i++) {
      int col = file.lines().get(i).indexOf('\t');
      if (col >= 0) {
        report.add(this, new SourcePosition(file.path().toString(), i + 1, col + 1),
            "a tab character: indent with spaces (YAML refuses tabs there), or write \\t in a quoted string");
      }
    }
  }
}
