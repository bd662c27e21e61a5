package io.runbook.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YamlReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of the differential corpus (fixtures/expr/ansible/corpus.yml) evaluated by runbook
 * and compared exactly with ansible-core's recorded answer (answers.json, made by record.py), or,
 * for the cases listed in differences.yml, with runbook's documented deliberate answer.
 */
class AnsibleDifferentialTests {
  private static final Path DIR = Path.of("src/test/resources/fixtures/expr/ansible");
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
  private static final Expressions EX = new Expressions();

  @TestFactory
  Stream<DynamicTest> runbookAnswersAsAnsibleDoes() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> corpus = (Map<String, Object>) YamlReader.read(DIR.resolve("corpus.yml")).toPlain();
    @SuppressWarnings("unchecked")
    Map<String, Object> vars = (Map<String, Object>) corpus.get("vars");
    @SuppressWarnings("unchecked")
    Map<String, Object> differences = (Map<String, Object>) YamlReader.read(DIR.resolve("differences.yml")).toPlain();
    JsonNode answers = JSON.readTree(Files.readString(DIR.resolve("answers.json"))).get("answers");
    URI source = DIR.resolve("corpus.yml").toUri();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode answer : answers) {
      String kind = answer.get("kind").asText();
      String expr = answer.get("expr").asText();
      @SuppressWarnings("unchecked")
      Map<String, Object> deliberate = (Map<String, Object>) differences.get(expr);
      tests.add(DynamicTest.dynamicTest(kind + ": " + expr, source, () -> {
        if (deliberate != null) {
          assertThat(deliberate.get("why")).as("each difference says why").isNotNull();
          JsonNode expected = deliberate.containsKey("runbook_json")
              ? JSON.readTree((String) deliberate.get("runbook_json"))
              : JSON.valueToTree(DataFilters.plain(deliberate.get("runbook")));
          check(kind, expr, vars, expected, deliberate.containsKey("error"));
        } else {
          check(kind, expr, vars, answer.get("value"), !answer.get("ok").asBoolean());
        }
      }));
    }
    return tests.stream();
  }

  private static void check(String kind, String expr, Map<String, Object> vars, JsonNode expected, boolean fails) {
    SourcePosition at = new SourcePosition("corpus.yml", 1, 1);
    if (fails) {
      assertThatThrownBy(() -> evaluate(kind, expr, vars, at)).isInstanceOf(ExpressionException.class);
      return;
    }
    Object got = evaluate(kind, expr, vars, at);
    if (kind.equals("value")) {
      assertThat(got).isEqualTo(pythonJson(expected)); // to_json's text on both sides
    } else if (expected.isTextual()) {
      assertThat(got).isEqualTo(expected.asText());
    } else {
      // Ansible turned the text into data; its JSON callback sorted the keys, so compare by value.
      Object want = DataFilters.plain(JSON.convertValue(expected, Object.class));
      assertThat(Values.equal(got, want)).as("%s equals %s", Values.repr(got), Values.repr(want)).isTrue();
    }
  }

  private static Object evaluate(String kind, String expr, Map<String, Object> vars, SourcePosition at) {
    return switch (kind) {
      case "value" -> EX.renderString("{{ (" + expr + ") | to_json }}", at, vars);
      case "guard" -> EX.test(expr, at, vars);
      default -> EX.renderString(expr, at, vars);
    };
  }

  /** The recorded value written back as Python's json.dumps wrote it. */
  private static String pythonJson(JsonNode node) {
    return Expressions.json(DataFilters.plain(JSON.convertValue(node, Object.class)));
  }
}
