package io.runbook.lint.format;

import io.runbook.lint.Finding;
import io.runbook.lint.Level;
import io.runbook.lint.LintFile;
import io.runbook.lint.Linter;
import java.io.PrintWriter;

/** For people: {@code file:line:col: [rule-id] message}, the source line, a caret under the spot. */
final class TextFormat implements Formatter {
  @Override
  public void write(Linter.Result result, PrintWriter out) {
    int errors = 0;
    for (Finding f : result.findings()) {
      boolean warning = f.level() == Level.WARNING;
      errors += warning ? 0 : 1;
      out.println(f.at() + ": [" + f.rule() + "] " + (warning ? "warning: " : "") + f.message());
      LintFile file = result.file(f.at().file());
      if (file != null) {
        String line = file.line(f.at().line());
        if (!line.isBlank()) {
          out.println("  " + line.replace('\t', ' '));
          out.println("  " + " ".repeat(Math.max(0, Math.min(f.at().column() - 1, line.length()))) + "^");
        }
      }
    }
    int warnings = result.findings().size() - errors;
    out.println(result.findings().isEmpty()
        ? "lint: " + count(result.files().size(), "file") + ", no problems"
        : "lint: " + count(errors, "error") + ", " + count(warnings, "warning") + " in "
            + count(result.files().size(), "file"));
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
