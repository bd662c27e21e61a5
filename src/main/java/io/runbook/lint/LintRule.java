package io.runbook.lint;

/**
 * A lint rule: a stable kebab-case id (the name of its page in docs/lint-rules/), a one-line
 * summary, the lowest profile that runs it, and the check itself. A rule reports through
 * {@link Report}; it never throws on bad input.
 */
public interface LintRule {
  String id();

  String summary();

  Profile profile();

  /** Errors by default; a few rules only warn unless the config says otherwise. */
  default Level level() {
    return Level.ERROR;
  }

  void check(LintFile file, LintContext context, Report report);
}
