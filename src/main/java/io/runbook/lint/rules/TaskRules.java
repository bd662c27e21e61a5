package io.runbook.lint.rules;

import io.runbook.lint.LintRule;
import java.util.List;

/** The rules of this group, registered in {@link Rules}: rules on plays and tasks. */
final class TaskRules {
  private TaskRules() {}

  static List<LintRule> all() {
    return List.of(new NameMissingRule(), new NameDuplicateRule(), new KeyOrderRule(),
        new CommandInsteadOfShellRule(), new ShellPipefailRule(), new NoChangedWhenRule(),
        new LiteralCompareRule(), new UntilWithoutRegisterRule(),
        new RetriesWithoutUntilRule(), new RiskyFilePermissionsRule(),
        new BecomeUserWithoutBecomeRule(), new VarNamingRule(), new EmptyPlayRule(),
        new IgnoreErrorsReasonRule(), new NoLogSecretRule());
  }
}
