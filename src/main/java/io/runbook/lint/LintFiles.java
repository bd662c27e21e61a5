package io.runbook.lint;

import io.runbook.source.InvalidInputException;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the files to lint under the given paths (YAML files, and INI inventories in
 * {@code inventories/} folders), leaves out what {@code exclude_paths} names and build or state
 * folders, and reads and parses each once.
 */
final class LintFiles {
  private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", ".runbook", "node_modules");

  private LintFiles() {}

  static List<LintFile> collect(List<Path> roots, List<String> excludes, Path base) {
    Map<Path, Path> found = new LinkedHashMap<>();
    List<PathMatcher> globs = excludes.stream()
        .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    for (Path root : roots) {
      for (Path p : walk(root)) {
        if (!excluded(shown(p, base), excludes, globs)) {
          found.putIfAbsent(LintContext.key(p), p);
        }
      }
    }
    // Reading and parsing is most of the work here, and files are independent.
    return found.values().parallelStream().map(p -> read(p, shown(p, base))).toList();
  }

  private static List<Path> walk(Path root) {
    if (Files.isRegularFile(root)) {
      return List.of(root);
    }
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> p.getNameCount() == 0 || root.relativize(p).toString().isEmpty()
              || !skipped(root.relativize(p)))
          .filter(LintFiles::lintable)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED_DIRS.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  private static boolean lintable(Path p) {
    String name = p.getFileName().toString();
    if (name.endsWith(".yml") || name.endsWith(".yaml")) {
      return true;
    }
    boolean inInventories = p.toString().replace('\\', '/').contains("inventories/");
    return inInventories && !name.startsWith(".") && (name.endsWith(".ini") || !name.contains("."));
  }

  private static boolean excluded(String shown, List<String> excludes, List<PathMatcher> globs) {
    for (String e : excludes) {
      String prefix = e.endsWith("/") ? e : e + "/";
      if (shown.equals(e) || shown.startsWith(prefix)) {
        return true;
      }
    }
    return globs.stream().anyMatch(g -> g.matches(Path.of(shown)));
  }

  static String shown(Path p, Path base) {
    Path abs = p.toAbsolutePath().normalize();
    Path b = base.toAbsolutePath().normalize();
    return abs.startsWith(b) ? b.relativize(abs).toString() : p.toString();
  }

  static LintFile read(Path p, String shown) {
    String text;
    try {
      text = Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      text = "";
    }
    List<String> lines = List.of(text.split("\r?\n", -1));
    boolean yaml = p.getFileName().toString().matches(".*\\.ya?ml$");
    YNode root = null;
    List<io.runbook.source.Diagnostic> errors = List.of();
    if (yaml) {
      try {
        root = YamlReader.parse(text, p.toString());
      } catch (InvalidInputException e) {
        errors = e.diagnostics();
      }
    }
    return new LintFile(p, shown, FileKind.of(Path.of(shown), root), text, lines, root, errors);
  }
}
