package io.runbook.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RootVariablesTests {
  private static final Expressions EX = new Expressions();

  @Test
  void theFirstSegmentOfEachPath() {
    assertThat(EX.rootVariables("r.stdout == 'ok' && groups['pump_servers'][0] == inventory_hostname"))
        .containsExactlyInAnyOrder("r", "groups", "inventory_hostname");
    assertThat(EX.rootVariables("version:ge(tidb_version, 'v2.1.0') && size(x.y) > 0"))
        .containsExactlyInAnyOrder("tidb_version", "x");
  }

  @Test
  void variablesThatMayBeMissingAreLeftOut() {
    assertThat(EX.rootVariables("default(a, b) + defined(c.d)")).containsExactly("b");
    assertThat(EX.rootVariables("hostvars[h].ansible_host ?? g")).containsExactlyInAnyOrder("h", "g");
    assertThat(EX.rootVariables("default(default(a, 1), 2) > n")).containsExactly("n");
    assertThat(EX.rootVariables("default(first(l), 0)")).containsExactly("l");
    assertThat(EX.rootVariables("'a ?? b' == s")).containsExactly("s");
  }

  @Test
  void aMissingVariableUsedUnguardedStillCounts() {
    assertThat(EX.rootVariables("default(x, 1) + x")).containsExactly("x");
  }

  @Test
  void nothingForWhatDoesNotCompile() {
    assertThat(EX.rootVariables("a ==")).isEmpty();
    assertThat(EX.rootVariables("")).isEmpty();
  }

  @Test
  void templateExpressionsWithTheirOffsets() {
    assertThat(Expressions.templateExpressions("{{ a }}/x/{{b}}")).containsExactly(
        new Expressions.Embedded("a", 3), new Expressions.Embedded("b", 12));
    assertThat(Expressions.templateExpressions("{{ a")).isEmpty();
    assertThat(Expressions.templateExpressions("plain")).isEmpty();
  }
}
