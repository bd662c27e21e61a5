package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.source.Diagnostic;
import java.util.Objects;

/**
 * A rule that reports what the playbook loader itself refuses, classified by the loader
 * (Diagnostic.code): lint and {@code runbook run} cannot disagree on these.
 */
abstract class LoaderRule extends NamedRule {
  LoaderRule(String id, String summary) {
    super(id, summary, Profile.MIN);
  }

  /** The loader's code this rule reports (null: the findings no other rule claims). */
  abstract String code();

  @Override
  public void check(LintFile file, LintContext context, Report report) {
    for (Diagnostic d : context.loaderFindings(file)) {
      // The loader's warnings count when they are classified: they are what a rule is about.
      if (Objects.equals(d.code(), code()) && (d.isError() || code() != null)) {
        report.add(this, d.position(), d.message());
      }
    }
  }
}
