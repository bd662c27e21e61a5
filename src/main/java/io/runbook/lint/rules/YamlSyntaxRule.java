package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.LintRule;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.source.Diagnostic;

/** YAML that does not parse, duplicate keys, and YAML beyond the reader's safety limits. */
final class YamlSyntaxRule implements LintRule {
  @Override
  public String id() {
    return "yaml-syntax";
  }

  @Override
  public String summary() {
    return "the file is not valid YAML, repeats a key, or exceeds the alias, depth or size limits";
  }

  @Override
  public Profile profile() {
    return Profile.MIN;
  }

  @Override
  public void check(LintFile file, LintContext context, Report report) {
    for (Diagnostic d : file.yamlErrors()) {
      report.add(this, d.position(), d.message());
    }
  }
}
