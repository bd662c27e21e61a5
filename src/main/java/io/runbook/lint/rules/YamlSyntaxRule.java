package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.source.Diagnostic;

/** YAML that does not parse, duplicate keys, and YAML beyond the reader's safety limits. */
final class YamlSyntaxRule extends NamedRule {
  YamlSyntaxRule() {
    super("yaml-syntax", "the file is not valid YAML, repeats a key, or exceeds the alias, depth or size limits",
        Profile.MIN);
  }

  @Override
  public void check(LintFile file, LintContext context, Report report) {
    for (Diagnostic d : file.yamlErrors()) {
      report.add(this, d.position(), d.message());
    }
  }
}
