package io.runbook.lint.format;

import io.runbook.lint.Linter;
import java.io.PrintWriter;

/** Writes a lint result in one of the formats CI systems and editors read. */
public interface Formatter {
  void write(Linter.Result result, PrintWriter out);

  /** The formatter for {@code name} (text, pep8, json, sarif, github), or null. */
  static Formatter named(String name) {
    return switch (name) {
      case "text" -> new TextFormat();
      case "pep8" -> new Pep8Format();
      case "json" -> new JsonFormat();
      case "sarif" -> new SarifFormat();
      case "github" -> new GithubFormat();
      default -> null;
    };
  }
}
