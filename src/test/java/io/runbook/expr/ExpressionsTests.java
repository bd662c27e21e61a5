package io.runbook.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbook.source.SourcePosition;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YamlReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionsTests {
  private static final Expressions EX = new Expressions();
  private static final SourcePosition AT = new SourcePosition("play.yml", 7, 13);
  private final Map<String, Object> vars = new HashMap<>(Map.of(
      "pump_port", 8250L,
      "deploy_dir", "/home/tidb/deploy",
      "r", Map.of("rc", 0L, "stdout", "ready", "stdout_lines", List.of("a", "b")),
      "hosts", List.of("pump1", "pump2"),
      "enabled", true));

  @Test
  void aSingleTemplateKeepsTheValuesType() {
    assertThat(EX.renderString("{{ pump_port }}", AT, vars)).isEqualTo(8250L);
    assertThat(EX.renderString("  {{ hosts }} ", AT, vars)).isEqualTo(List.of("pump1", "pump2"));
    assertThat(EX.renderString("{{ enabled }}", AT, vars)).isEqualTo(true);
    assertThat(EX.renderString("{{ {'a': pump_port} }}", AT, vars)).isEqualTo(Map.of("a", 8250L));
  }

  @Test
  void mixedTextWritesEachValueIn() {
    assertThat(EX.renderString("{{ deploy_dir }}/bin/pump --addr=0.0.0.0:{{ pump_port }}", AT, vars))
        .isEqualTo("/home/tidb/deploy/bin/pump --addr=0.0.0.0:8250");
    assertThat(EX.renderString("on={{ enabled }} hosts={{ hosts }}", AT, vars))
        .isEqualTo("on=True hosts=['pump1', 'pump2']");
  }

  @Test
  void aVariableMayIndexAMappingOrAList() {
    vars.put("hostvars", Map.of("pump2", Map.of("ansible_host", "10.0.0.12")));
    vars.put("h", "pump2");
    vars.put("i", 1L);
    assertThat(EX.renderString("{{ hostvars[h].ansible_host }}", AT, vars)).isEqualTo("10.0.0.12");
    assertThat(EX.renderString("{{ hosts[i] }}", AT, vars)).isEqualTo("pump2");
  }

  @Test
  void textWithoutTemplatesIsUntouched() {
    assertThat(EX.renderString("plain {text}", AT, vars)).isEqualTo("plain {text}");
  }

  @Test
  void aNullValueInsideTextIsAnErrorNotAnEmptyString() {
    ExpressionException e = catchThrowableOfType(ExpressionException.class,
        () -> EX.renderString("rm -rf {{ r.missing }}/x", AT, vars));
    assertThat(e.getMessage()).contains("'r.missing' is undefined").contains("| default(");
    assertThat(e.position()).isEqualTo(AT.shift(10));
  }

  @Test
  void guardsAndTruthiness() {
    assertThat(EX.test("r.rc == 0 && r.stdout =~ 'rea.*'", AT, vars)).isTrue();
    assertThat(EX.test("size(hosts) > 1", AT, vars)).isTrue();
    assertThat(EX.test("size(hosts) - 1 >= default(not_set, 1)", AT, vars)).isTrue();
    assertThat(EX.test("default(not_set, 1) + 1 == 2", AT, vars)).isTrue();
    assertThat(EX.test("'pump2' =~ hosts", AT, vars)).isTrue();
    assertThat(EX.test("8250 =~ [8249, 8250]", AT, vars)).isTrue();
    assertThat(EX.test("r.stdout_lines", AT, vars)).isTrue();
    assertThat(EX.test("''", AT, vars)).isFalse();
    assertThat(Expressions.truthy(0L)).isFalse();
    assertThat(Expressions.truthy(List.of())).isFalse();
    assertThat(Expressions.truthy(Map.of())).isFalse();
    assertThat(Expressions.truthy("false")).as("a non-empty string is true, as in Python").isTrue();
  }

  @Test
  void defaultAndDefinedWorkOnUndefinedVariables() {
    assertThat(EX.evaluate("default(nope, 3)", AT, vars)).isEqualTo(3L);
    assertThat(EX.evaluate("default(pump_port, 3)", AT, vars)).isEqualTo(8250L);
    assertThat(EX.evaluate("default(r.missing.deeper, 'x')", AT, vars)).isEqualTo("x");
    assertThat(EX.evaluate("nope ?? 'y'", AT, vars)).isEqualTo("y");
    assertThat(EX.test("defined(pump_port) && !defined(nope)", AT, vars)).isTrue();
    assertThat(EX.renderString("{{ default(gc, 7) }} days, 'default(' stays", AT, vars))
        .isEqualTo("7 days, 'default(' stays");
  }

  @Test
  void anUndefinedVariableIsNamedAtItsPosition() {
    ExpressionException e = catchThrowableOfType(ExpressionException.class,
        () -> EX.evaluate("r.rc == 0 && pumpport > 1", AT, vars));
    assertThat(e.getMessage()).isEqualTo("'pumpport' is undefined");
    assertThat(e.position()).isEqualTo(AT.shift(13));
  }

  @Test
  void anUndefinedRootOfAPathIsNamed() {
    ExpressionException e = catchThrowableOfType(ExpressionException.class,
        () -> EX.evaluate("result.stdout == 'x'", AT, vars));
    assertThat(e.getMessage()).isEqualTo("'result' is undefined");
  }

  @Test
  void aTemplateErrorPointsInsideTheString() {
    ExpressionException e = catchThrowableOfType(ExpressionException.class,
        () -> EX.renderString("port {{ pumpport }}", AT, vars));
    assertThat(e.getMessage()).startsWith("'pumpport' is undefined, so it cannot be written into text");
    assertThat(e.position()).isEqualTo(new SourcePosition("play.yml", 7, 21));
  }

  @Test
  void aSyntaxErrorNamesTheBadToken() {
    assertThat(EX.checkExpression("rc ==", AT)).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo("syntax error: the expression ends too early");
      assertThat(d.position().file()).isEqualTo("play.yml");
      assertThat(d.position().line()).isEqualTo(7);
    });
  }

  @Test
  void anUnclosedTemplateIsReportedWhereItOpens() {
    YNode node = YamlReader.parse("msg: \"port {{ pump_port\"\n", "p.yml");
    assertThat(EX.checkTemplates(node)).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("not closed");
      assertThat(d.position()).isEqualTo(new SourcePosition("p.yml", 1, 12));
    });
  }

  @Test
  void renderWalksMappingsAndListsAndKeepsOtherScalars() {
    YNode node = YamlReader.parse("a: '{{ pump_port }}'\nb: [1, 'x{{ pump_port }}']\nc: true\n", "p.yml");
    assertThat(EX.render(node, vars)).isEqualTo(Map.of("a", 8250L, "b", List.of(1L, "x8250"), "c", true));
  }

  @Test
  void interpolationCanBeTransformedForShells() {
    Object out = EX.renderString("ls {{ deploy_dir }} {{ pump_port }}", AT, vars, v -> "<" + v + ">");
    assertThat(out).isEqualTo("ls </home/tidb/deploy> <8250>");
  }

  @Test
  void checkTemplatesFindsEveryBadExpressionInATree() {
    YNode node = YamlReader.parse("a: '{{ x == }}'\nb:\n  - '{{ ok }}'\n  - '{{ new(\"x\") }}'\n", "p.yml");
    assertThat(EX.checkTemplates(node)).hasSize(2);
  }
}
