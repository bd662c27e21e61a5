package io.runbook.lint.rules;

import io.runbook.lint.FileKind;
import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.lint.schema.SchemaNode;
import io.runbook.source.Diagnostic;
import io.runbook.source.SourcePosition;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks playbooks, task files, YAML inventories and the lint config against the JSON schemas in
 * schemas/ (the ones editors use), at the line of each problem. Where the loader-backed rules
 * already report a line, this rule stays quiet there.
 */
final class SchemaRule extends NamedRule {
  SchemaRule() {
    super("schema", "the file does not match its JSON schema (schemas/*.json, the one editors use)",
        Profile.MIN);
  }

  @Override
  public void check(LintFile file, LintContext context, Report report) {
    SchemaNode schema = Schemas.of(file.kind());
    if (schema == null || file.root() == null || !file.isYaml()) {
      return;
    }
    Set<Integer> loaderLines = new HashSet<>();
    if (file.kind() == FileKind.PLAYBOOK || file.kind() == FileKind.TASKS) {
      context.loaderFindings(file).stream().map(Diagnostic::position).forEach(p -> loaderLines.add(p.line()));
    }
    Set<String> reported = new HashSet<>();
    for (SchemaMessages.Located found : SchemaMessages.locate(Schemas.validate(file.root(), schema))) {
      SourcePosition at = found.at();
      if (!loaderLines.contains(at.line()) && reported.add(at + found.message())) {
        report.add(this, at, found.message());
      }
    }
  }
}
