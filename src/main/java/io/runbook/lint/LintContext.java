package io.runbook.lint;

import io.runbook.action.ActionRegistry;
import io.runbook.expr.Expressions;
import io.runbook.load.PlaybookLoader;
import io.runbook.source.Diagnostic;
import io.runbook.source.InvalidInputException;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rules share: the actions and the expression engine the runner uses, every file of
 * the lint (parsed once), and what the playbook loader finds in them, which the rules that
 * mirror the loader's checks report.
 */
public final class LintContext {
  private final ActionRegistry actions;
  private final Expressions expressions;
  private final Map<Path, LintFile> files = new HashMap<>();
  private Map<Path, List<Diagnostic>> loaderFindings;
  private final Map<String, Object> memos = new java.util.concurrent.ConcurrentHashMap<>();

  public LintContext(ActionRegistry actions, Expressions expressions, Collection<LintFile> all) {
    this.actions = actions;
    this.expressions = expressions;
    all.forEach(f -> files.put(key(f.path()), f));
  }

  public ActionRegistry actions() {
    return actions;
  }

  public Expressions expressions() {
    return expressions;
  }

  public Collection<LintFile> files() {
    return files.values();
  }

  /** A file of the lint by path, or null when it is not one. */
  public LintFile file(Path path) {
    return files.get(key(path));
  }

  /**
   * Computes something once per lint and keeps it (what every inventory defines, a file outside
   * the lint parsed for an import): rules see many files, and must not redo that work per file.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(String key, java.util.function.Supplier<T> compute) {
    Object known = memos.get(key);
    if (known == null) {
      known = compute.get();
      memos.put(key, known == null ? NONE : known);
    }
    return known == NONE ? null : (T) known;
  }

  private static final Object NONE = new Object();

  /** What the playbook loader reports in {@code file}: from every playbook, every task file. */
  public synchronized List<Diagnostic> loaderFindings(LintFile file) {
    if (loaderFindings == null) {
      loaderFindings = runLoader();
    }
    return loaderFindings.getOrDefault(key(file.path()), List.of());
  }

  private Map<Path, List<Diagnostic>> runLoader() {
    PlaybookLoader loader = new PlaybookLoader(actions, expressions, this::read);
    Set<Diagnostic> found = new LinkedHashSet<>();
    Set<Path> checked = new HashSet<>();
    for (LintFile f : files.values()) {
      if (f.root() != null && f.kind() == FileKind.PLAYBOOK) {
        PlaybookLoader.Checked c = loader.check(f.path());
        found.addAll(c.diagnostics());
        c.sources().forEach(p -> checked.add(key(p)));
      }
    }
    // A task file no playbook imported is checked on its own; the others were, in context.
    for (LintFile f : files.values()) {
      if (f.root() != null && f.kind() == FileKind.TASKS && !checked.contains(key(f.path()))) {
        try {
          found.addAll(loader.checkTasks(f.path()));
        } catch (InvalidInputException e) {
          found.addAll(e.diagnostics());
        }
      }
    }
    Map<Path, List<Diagnostic>> byFile = new HashMap<>();
    for (Diagnostic d : found) {
      byFile.computeIfAbsent(key(Path.of(d.position().file())), k -> new ArrayList<>()).add(d);
    }
    return byFile;
  }

  private YNode read(Path path) {
    LintFile known = file(path);
    if (known != null && known.root() != null) {
      return known.root();
    }
    return YamlReader.read(path);
  }

  static Path key(Path p) {
    return p.toAbsolutePath().normalize();
  }
}
