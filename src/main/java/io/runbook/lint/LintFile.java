package io.runbook.lint;

import io.runbook.source.Diagnostic;
import io.runbook.yaml.YNode;
import java.nio.file.Path;
import java.util.List;

/**
 * A file to lint, read and parsed once: its path (absolute, and as shown), its kind, its text and
 * lines, and its YAML tree, or the YAML errors that kept it from having one.
 */
public record LintFile(Path path, String shown, FileKind kind, String text, List<String> lines,
    YNode root, List<Diagnostic> yamlErrors) {

  public boolean isYaml() {
    String n = path.getFileName().toString();
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  /** The text of line {@code n} (1-based), or "" past the end. */
  public String line(int n) {
    return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
  }
}
