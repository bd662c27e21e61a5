package io.runbook.lint.rules;

import io.runbook.lint.LintRule;
import java.util.List;

/** The rules of this group, registered in {@link Rules}. */
final class FleetRules {
  private FleetRules() {}

  static List<LintRule> all() {
    return List.of(new ServiceWithoutSerialRule(), new RollingWithoutHealthCheckRule(),
        new RollingWithoutFailLimitRule(), new RunOnceInSerialRule(), new HostsAllRule(), new UndefinedVariableRule());
  }
}
