package io.runbook.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.source.SourcePosition;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionsTests {
  private static final Expressions EX = new Expressions();
  private static final SourcePosition AT = new SourcePosition("v.yml", 1, 1);

  @ParameterizedTest(name = "{0} vs {1} = {2}")
  @CsvSource({
      "v3.0.0, v2.1.19, 1",
      "v2.1.0-rc.5, v2.1.0, -1",
      "v2.1.0-rc.5, v2.1.0-rc.4, 1",
      "v2.1.0-rc.10, v2.1.0-rc.5, 1",
      "v2.1.0-beta, v2.1.0-rc.1, -1",
      "v2.0.8-binlog, v2.0.8, 0",
      "v2.0.11-binlog, v2.0.8-binlog, 1",
      "5.7.25-TiDB-v3.0.0, v3.0.0, 0",
      "5.7.10-TiDB-v2.1.0-rc.1-7-g38c939f, v2.1.0-rc.1, 0",
      "Release Version: v2.1.4, v2.1.4, 0",
      "3.0.5, v3.0.5, 0",
      "v1.0.8, v2.0.0, -1",
      "v2.1, v2.1.0, 0",
  })
  void comparesTidbVersions(String a, String b, int expected) {
    Object c = EX.evaluate("version:compare(a, b)", AT, Map.of("a", a, "b", b));
    assertThat(((Number) c).intValue()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} uses {1} binlog")
  @CsvSource({
      "v1.0.0-rc.1, local",
      "v0.9.0, local",
      "v1.0.8, kafka",
      "v2.0.11, kafka",
      "v2.1.0-rc.4, kafka",
      "v2.0.8-binlog, cluster",
      "v2.0.11-binlog, cluster",
      "v2.1.0-rc.5, cluster",
      "v2.1.19, cluster",
      "5.7.25-TiDB-v3.0.0, cluster",
  })
  void knowsWhichBinlogGenerationATidbVersionUses(String version, String generation) {
    assertThat(EX.evaluate("version:binlogGeneration(v)", AT, Map.of("v", version))).isEqualTo(generation);
  }

  @org.junit.jupiter.api.Test
  void comparisonShorthandsAndParse() {
    Map<String, Object> v = Map.of("tidb_version", "v2.1.0-rc.5");
    assertThat(EX.test("version:ge(tidb_version, 'v2.1.0-rc.5') && version:lt(tidb_version, 'v2.1.0')", AT, v)).isTrue();
    assertThat(EX.evaluate("version:parse(tidb_version).pre", AT, v)).isEqualTo("rc.5");
    assertThat(EX.evaluate("version:parse('v2.0.8-binlog').build", AT, v)).isEqualTo("binlog");
  }

  @org.junit.jupiter.api.Test
  void aStringThatIsNotAVersionIsAClearError() {
    var e = org.assertj.core.api.Assertions.catchThrowableOfType(ExpressionException.class,
        () -> EX.evaluate("version:lt('banana', 'v1.0.0')", AT, Map.of()));
    assertThat(e.getMessage()).contains("'banana' is not a version");
  }
}
