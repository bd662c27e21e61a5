package io.runbook.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.action.BuiltinActions;
import io.runbook.expr.Expressions;
import io.runbook.lint.rules.Rules;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The playbooks and inventories runbook ships lint clean under the strictest profile. */
class BundledPlaybooksLintTests {
  @Test
  void theBundledPlaybooksAndInventoriesLintCleanUnderProduction() {
    Linter.Result r = new Linter(Rules.all(), LintConfig.defaults(), Profile.PRODUCTION)
        .lint(List.of(Path.of("playbooks"), Path.of("inventories")), Path.of(""),
            BuiltinActions.registry(), new Expressions());
    assertThat(r.files()).hasSizeGreaterThan(20);
    assertThat(r.findings()).as("findings").isEmpty();
  }
}
