package io.runbook.lint;

import io.runbook.action.ActionRegistry;
import io.runbook.expr.Expressions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Lints a set of files: every rule of the profile on every file, in-process, each file read and
 * parsed once. {@code # noqa} and the config's skip and warn lists apply to what the rules find.
 */
public final class Linter {
  private final List<LintRule> rules;
  private final LintConfig config;
  private final Profile profile;

  public Linter(List<LintRule> rules, LintConfig config, Profile profile) {
    this.rules = rules;
    this.config = config;
    this.profile = profile;
  }

  /** What the lint saw and found. */
  public record Result(List<LintFile> files, List<Finding> findings, List<LintRule> rules) {
    public boolean hasErrors() {
      return findings.stream().anyMatch(f -> f.level() == Level.ERROR);
    }

    public LintFile file(String shown) {
      return files.stream().filter(f -> f.shown().equals(shown)).findFirst().orElse(null);
    }
  }

  private List<Finding> check(LintFile file, LintContext context, List<LintRule> active) {
    Report report = new Report();
    for (LintRule rule : active) {
      rule.check(file, context, report);
    }
    List<Finding> out = new ArrayList<>();
    for (Finding f : report.findings()) {
      if (!Noqa.silences(file, f)) {
        out.add(new Finding(f.rule(), f.at().withFile(file.shown()), f.message(),
            config.warn().contains(f.rule()) ? Level.WARNING : f.level()));
      }
    }
    return out;
  }

  public Result lint(List<Path> roots, Path base, ActionRegistry actions, Expressions expressions) {
    List<LintFile> files = LintFiles.collect(roots, config.excludes(), base);
    LintContext context = new LintContext(actions, expressions, files);
    context.runLoaderNow();
    List<LintRule> active = rules.stream()
        .filter(r -> profile.includes(r.profile()) && !config.skip().contains(r.id())).toList();
    // Files are independent (what rules share is memoized in the context): both cores work.
    List<List<Finding>> perFile = files.parallelStream()
        .map(file -> check(file, context, active)).toList();
    // a finding two files lead to (a task file checked with its playbook) is reported once
    Set<Finding> unique = new LinkedHashSet<>();
    perFile.forEach(unique::addAll);
    List<Finding> findings = new ArrayList<>(unique);
    findings.sort(Comparator.comparing((Finding f) -> f.at().file()).thenComparingInt(f -> f.at().line())
        .thenComparingInt(f -> f.at().column()).thenComparing(Finding::rule));
    return new Result(files, findings, active);
  }
}
