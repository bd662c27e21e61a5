package io.runbook.lint.format;

import io.runbook.lint.Finding;
import io.runbook.lint.Level;
import io.runbook.lint.Linter;
import java.io.PrintWriter;

/** GitHub Actions workflow commands: each finding becomes an annotation on its line. */
final class GithubFormat implements Formatter {
  @Override
  public void write(Linter.Result result, PrintWriter out) {
    for (Finding f : result.findings()) {
      out.println("::" + (f.level() == Level.ERROR ? "error" : "warning")
          + " file=" + property(f.at().file()) + ",line=" + f.at().line() + ",col=" + f.at().column()
          + ",title=" + property(f.rule()) + "::" + data(f.message()));
    }
  }

  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
