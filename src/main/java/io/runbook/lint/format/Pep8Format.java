package io.runbook.lint.format;

import io.runbook.lint.Finding;
import io.runbook.lint.Linter;
import java.io.PrintWriter;

/** One line per finding, {@code path:line:col: rule-id: message}, for grep and editors' matchers. */
final class Pep8Format implements Formatter {
  @Override
  public void write(Linter.Result result, PrintWriter out) {
    for (Finding f : result.findings()) {
      out.println(f.at() + ": " + f.rule() + ": " + f.message());
    }
  }
}
