package io.runbook.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbook.source.SourcePosition;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile expressions: each must fail with an ExpressionException at a position, never run. */
class SandboxTests {
  private static final Expressions EX = new Expressions(Duration.ofMillis(500));
  private static final SourcePosition AT = new SourcePosition("evil.yml", 3, 9);
  private final Map<String, Object> vars = new HashMap<>(Map.of("s", "text", "m", Map.of("k", 1L),
      "l", List.of(1L), "lazy", LazyMap.of(new LazyMap.Source() {
        @Override
        public Object get(String name) {
          return "k".equals(name) ? 1L : null;
        }

        @Override
        public boolean has(String name) {
          return "k".equals(name);
        }

        @Override
        public java.util.Set<String> names() {
          return java.util.Set.of("k");
        }
      })));

  @ParameterizedTest
  @ValueSource(strings = {
      "new('java.io.File', '/')",
      "new('java.lang.ProcessBuilder', ['id'])",
      "''.getClass()",
      "s.getClass().forName('java.lang.Runtime')",
      "s.class",
      "s.class.classLoader",
      "m.class",
      "m.class.name",
      "l.class",
      "lazy.class",
      "lazy.class.name",
      "lazy.getClass()",
      "m.getClass()",
      "version:getClass()",
      "lower(s).class",
      "getClass()",
      "Runtime.getRuntime()",
      "System.exit(1)",
      "java.lang.System.getenv()",
      "Thread.sleep(10000)",
      "s.toUpperCase()",
      "x = 1",
      "s = 'other'",
      "m.k = 2",
      "while (true) {}",
      "for (var i : l) {}",
      "var y = 1",
      "x -> x",
      "function(x) { x }",
      "#pragma jexl.namespace.r java.lang.Runtime",
      "r:getRuntime()",
      "math:abs(1)",
      "rb:v(0)",
      "rb:k(0)",
      "''.__class__.__mro__[1].__subclasses__()",
      "lookup('pipe', 'id')",
      "query('env', 'HOME')",
      "range(10) | map('eval')",
  })
  void refusedWithAPosition(String hostile) {
    ExpressionException e = catchThrowableOfType(ExpressionException.class,
        () -> EX.evaluate(hostile, AT, vars));
    assertThat(e).as("'%s' must be refused", hostile).isNotNull();
    assertThat(e.position().file()).isEqualTo("evil.yml");
    assertThat(e.getMessage()).doesNotContain("\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(.*a){40}'",
      "regexMatch('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', '(.*a){40}')",
      "regexSearch('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', '(.*a){40}!$')",
  })
  void aCatastrophicRegexEndsAtTheTimeBound(String slow) {
    ExpressionException e = catchThrowableOfType(ExpressionException.class,
        () -> EX.evaluate(slow, AT, vars));
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("time bound");
  }

  @ParameterizedTest
  @ValueSource(strings = {"range(0, 1000000000)", "'x' =~ '('"})
  void resourceHungryOrBrokenInputsFailCleanly(String bad) {
    ExpressionException e = catchThrowableOfType(ExpressionException.class,
        () -> EX.evaluate(bad, AT, vars));
    assertThat(e).isNotNull();
  }

  @org.junit.jupiter.api.Test
  void aVeryLongExpressionIsRefusedBeforeCompiling() {
    String longOne = "1 + ".repeat(2000) + "1";
    ExpressionException e = catchThrowableOfType(ExpressionException.class,
        () -> EX.evaluate(longOne, AT, vars));
    assertThat(e.getMessage()).contains("longer than");
  }

  @org.junit.jupiter.api.Test
  void lazyMapsAreReadableButNothingMore() {
    assertThat(EX.evaluate("lazy.k + lazy['k']", AT, vars)).isEqualTo(2L);
  }
}
