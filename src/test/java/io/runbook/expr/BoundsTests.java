package io.runbook.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YamlReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every evaluation is bounded: a hostile or runaway expression fails with the bound it hit, never the JVM. */
class BoundsTests {
  private static final SourcePosition AT = new SourcePosition("b.yml", 3, 9);
  private final Expressions ex = new Expressions(new Limits(Duration.ofMillis(300), 1 << 20, 100_000));
  private final Map<String, Object> vars = new HashMap<>();

  private Object eval(String expr) {
    return ex.renderString("{{ " + expr + " }}", AT, vars);
  }

  @Test
  void rangeComputesItsWidthWithoutOverflow() {
    assertThatThrownBy(() -> eval("range(-9000000000000000000, 9000000000000000000)"))
        .isInstanceOf(ExpressionException.class).hasMessageContaining("range of more than 100000 numbers");
    assertThatThrownBy(() -> eval("range(-9e18, 9e18)")).hasMessageContaining("needs an integer");
  }

  @Test
  void aStringLargerThanTheBoundIsRefused() {
    assertThatThrownBy(() -> eval("'x' * 1000000000")).hasMessageContaining("more than 1048576 characters");
    assertThatThrownBy(() -> eval("'x' * 600000 ~ 'y' * 600000")).hasMessageContaining("more than 1048576 characters");
  }

  @Test
  void selfDoublingTextStopsAtTheBound() {
    vars.put("x", "ab");
    ExpressionException stop = null;
    for (int i = 0; i < 32 && stop == null; i++) {
      try {
        vars.put("x", eval("x ~ x"));
      } catch (ExpressionException e) {
        stop = e;
      }
    }
    assertThat(stop).isNotNull();
    assertThat(stop.getMessage()).contains("characters");
    assertThat(((String) vars.get("x")).length()).isLessThanOrEqualTo(1 << 20);
  }

  @Test
  void selfDoublingSharedStructuresStopAtTheBound() {
    vars.put("x", "ab");
    ExpressionException stop = null;
    for (int i = 0; i < 40 && stop == null; i++) {
      try {
        vars.put("x", eval("[x, x]"));
      } catch (ExpressionException e) {
        stop = e;
      }
    }
    assertThat(stop).isNotNull();
    assertThat(stop.getMessage()).contains("too large in all");
  }

  @Test
  void listsLargerThanTheBoundAreRefused() {
    assertThatThrownBy(() -> eval("range(60000) | list + range(60000) | list"))
        .hasMessageContaining("more than 100000 items");
    assertThatThrownBy(() -> eval("[1] * 200000")).hasMessageContaining("more than 100000 items");
  }

  @Test
  void hugeIntegersAreRefused() {
    assertThatThrownBy(() -> eval("2 ** 100000000")).hasMessageContaining("bits");
    assertThatThrownBy(() -> eval("(10 ** 1000) ** 1000")).hasMessageContaining("bits");
  }

  @Test
  void deepNestingIsASyntaxErrorNotAStackOverflow() {
    String parens = "(".repeat(2000) + "1" + ")".repeat(2000);
    assertThatThrownBy(() -> ex.compile(parens, false, AT)).isInstanceOf(ExpressionException.class)
        .hasMessageContaining("nested more than 64 levels deep");
    String chain = "1" + " + 1".repeat(1000);
    assertThatThrownBy(() -> ex.compile(chain, false, AT)).hasMessageContaining("nested more than 64 levels deep");
    String lists = "[".repeat(2000) + "]".repeat(2000);
    assertThatThrownBy(() -> ex.compile(lists, false, AT)).hasMessageContaining("nested");
  }

  @Test
  void deeplyNestedJsonFromAHostIsRefusedNotOverflowed() {
    vars.put("body", "[".repeat(5000) + "]".repeat(5000));
    assertThatThrownBy(() -> eval("body | from_json")).isInstanceOf(ExpressionException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void aRegularExpressionThatBacktracksBadlyHitsTheTimeBound() {
    vars.put("s", "a".repeat(30));
    assertThatThrownBy(() -> eval("s is match('(.*a){12}x')")).hasMessageContaining("time bound of 300 ms");
  }

  @Test
  void anAliasedLongScalarCannotExpandYamlPastItsBound() {
    StringBuilder yaml = new StringBuilder("a: &big \"" + "x".repeat(10_000) + "\"\nb:\n");
    for (int i = 0; i < 2000; i++) {
      yaml.append("  - *big\n");
    }
    assertThatThrownBy(() -> YamlReader.parse(yaml.toString(), "aliases.yml"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("MiB of text once aliases are expanded");
  }
}
