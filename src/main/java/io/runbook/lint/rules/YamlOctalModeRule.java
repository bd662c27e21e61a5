package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YScalar;

/**
 * An unquoted file mode: {@code 0644} is octal in YAML 1.1 (420) and decimal in YAML 1.2, and
 * {@code 644} is decimal everywhere (which is mode 1204). Quote it: {@code mode: "0644"}.
 */
final class YamlOctalModeRule extends NamedRule {
  YamlOctalModeRule() {
    super("yaml-octal-mode", "an unquoted file mode such as 0644 or 644",
        Profile.BASIC);
  }

  @Override
  public void check(LintFile file, LintContext context, Report report) {
    Nodes.entries(file.root(), e -> {
      if ((e.name().equals("mode") || e.name().endsWith("_mode")) && e.value() instanceof YScalar s
          && !s.quoted() && s.value() instanceof Number) {
        report.add(this, s, "unquoted mode " + s.text() + " is read as the number " + s.value()
            + ": quote it, mode: \"" + (s.text().startsWith("0") ? s.text() : "0" + s.text()) + "\"");
      }
    });
  }
}
