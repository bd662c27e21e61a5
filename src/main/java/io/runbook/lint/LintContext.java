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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
  private final Map<String, FutureTask<Object>> memos = new ConcurrentHashMap<>();

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
   * A thread that asks while another computes the same key waits for that result.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(String key, java.util.function.Supplier<T> compute) {
    FutureTask<Object> mine = new FutureTask<>(compute::get);
    FutureTask<Object> known = memos.putIfAbsent(key, mine);
    if (known == null) {
      known = mine;
      mine.run();
    }
    try {
      return (T) known.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while linting", e);
    }
  }

  /** What the playbook loader reports in {@code file}: from every playbook, every task file. */
  public List<Diagnostic> loaderFindings(LintFile file) {
    runLoaderNow();
    return loaderFindings.getOrDefault(key(file.path()), List.of());
  }

  /**
   * Runs the playbook loader over the lint's files now, playbooks in parallel, rather than
   * lazily on the first rule that asks (which would hold the other rules' threads waiting).
   */
  public synchronized void runLoaderNow() {
    if (loaderFindings == null) {
      loaderFindings = runLoader();
    }
  }

  private Map<Path, List<Diagnostic>> runLoader() {
    PlaybookLoader loader = new PlaybookLoader(actions, expressions, this::read);
    List<LintFile> sorted = files.values().stream().filter(f -> f.root() != null)
        .sorted(java.util.Comparator.comparing(LintFile::path)).toList();
    List<PlaybookLoader.Checked> playbooks = sorted.parallelStream()
        .filter(f -> f.kind() == FileKind.PLAYBOOK).map(f -> loader.check(f.path())).toList();
    Set<Diagnostic> found = new LinkedHashSet<>();
    Set<Path> checked = new HashSet<>();
    for (PlaybookLoader.Checked c : playbooks) {
      found.addAll(c.diagnostics());
      c.sources().forEach(p -> checked.add(key(p)));
    }
    // A task file no playbook imported is checked on its own; the others were, in context.
    sorted.parallelStream()
        .filter(f -> f.kind() == FileKind.TASKS && !checked.contains(key(f.path())))
        .map(f -> checkTasks(loader, f)).toList().forEach(found::addAll);
    Map<Path, List<Diagnostic>> byFile = new HashMap<>();
    for (Diagnostic d : found) {
      byFile.computeIfAbsent(key(Path.of(d.position().file())), k -> new ArrayList<>()).add(d);
    }
    return byFile;
  }

  private static List<Diagnostic> checkTasks(PlaybookLoader loader, LintFile f) {
    try {
      return loader.checkTasks(f.path());
    } catch (InvalidInputException e) {
      return e.diagnostics();
    }
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
