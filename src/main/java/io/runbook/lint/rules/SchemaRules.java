package io.runbook.lint.rules;

import io.runbook.lint.LintRule;
import java.util.List;

/** The rules of this group, registered in {@link Rules}. */
final class SchemaRules {
  private SchemaRules() {}

  static List<LintRule> all() {
    return List.of(new SchemaRule());
  }
}
