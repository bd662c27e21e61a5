package io.runbook.lint.rules;

import io.runbook.lint.LintRule;
import io.runbook.lint.Profile;

/** A rule's id, summary and profile, given once to the constructor. */
abstract class NamedRule implements LintRule {
  private final String id;
  private final String summary;
  private final Profile profile;

  NamedRule(String id, String summary, Profile profile) {
    this.id = id;
    this.summary = summary;
    this.profile = profile;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String summary() {
    return summary;
  }

  @Override
  public Profile profile() {
    return profile;
  }
}
