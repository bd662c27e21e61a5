package io.runbook.lint.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbook.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The draft-07 keywords the validator implements, each as the specification has it. */
class SchemaValidatorTests {
  private static final String COMMON = """
      {"definitions": {
        "port": {"type": "integer", "minimum": 1, "maximum": 65535},
        "template": {"type": "string", "pattern": "\\\\{\\\\{"}
      }}
      """;

  private static List<String> violations(String schema, String yaml) {
    SchemaSet set = new SchemaSet(Map.of("main.json", schema, "common.json", COMMON)::get);
    return new SchemaValidator(set).validate(YamlReader.parse(yaml, "doc.yml"), set.root("main.json"))
        .stream().map(v -> v.keyword() + " " + v.pointer() + (v.property() == null ? "" : " " + v.property())
            + " @" + v.instance().position().line() + ":" + v.instance().position().column()).toList();
  }

  @Test
  void typesAreJsonTypesAndAWholeFloatIsAnInteger() {
    String schema = """
        {"type": "array", "items": {"type": "integer"}}
        """;
    assertThat(violations(schema, "[1, 2.0, -3]")).isEmpty();
    assertThat(violations(schema, "[1, 2.5, '3', yes, ~]"))
        .containsExactly("type /1 @1:5", "type /2 @1:10", "type /3 @1:15", "type /4 @1:20");
    assertThat(violations("{\"type\": [\"object\", \"null\"]}", "~")).isEmpty();
    assertThat(violations("{\"type\": \"number\"}", "7")).isEmpty();
  }

  @Test
  void objectsCheckTheirPropertiesRequiredKeysAndWhatElseTheyAllow() {
    String schema = """
        {"type": "object", "required": ["name", "port"], "additionalProperties": false,
         "properties": {"name": {"type": "string"}, "port": {"$ref": "common.json#/definitions/port"}}}
        """;
    assertThat(violations(schema, "{name: pump, port: 8250}")).isEmpty();
    assertThat(violations(schema, "name: pump\nport: 0\nprot: 1\n"))
        .containsExactly("minimum /port @2:7", "additionalProperties  prot @1:1");
    assertThat(violations(schema, "{name: pump}")).containsExactly("required  port @1:1");
  }

  @Test
  void additionalPropertiesAsASchemaChecksTheUndeclaredValuesAndPropertyNamesTheKeysAsStrings() {
    String schema = """
        {"additionalProperties": {"type": "string"}, "propertyNames": {"pattern": "^[a-z_]+$"}}
        """;
    assertThat(violations(schema, "{a: x, b_c: y}")).isEmpty();
    assertThat(violations(schema, "{a: 1, 1x: y, 2: z}"))
        .containsExactly("type /a @1:5", "propertyNames  1x @1:1", "propertyNames  2 @1:1");
  }

  @Test
  void enumAndConstCompareAsJsonDoesNumbersByValue() {
    assertThat(violations("{\"enum\": [1, \"one\", null]}", "1.0")).isEmpty();
    assertThat(violations("{\"enum\": [1, \"one\", null]}", "'1'")).containsExactly("enum  @1:1");
    assertThat(violations("{\"const\": {\"a\": [1, 2]}}", "{a: [1, 2]}")).isEmpty();
    assertThat(violations("{\"const\": {\"a\": [1, 2]}}", "{a: [2, 1]}")).containsExactly("const  @1:1");
  }

  @Test
  void anyOfFailsOnlyWhenEveryBranchDoesAndKeepsWhatEachBranchSaid() {
    String schema = """
        {"anyOf": [{"$ref": "common.json#/definitions/port"}, {"$ref": "common.json#/definitions/template"}]}
        """;
    assertThat(violations(schema, "8250")).isEmpty();
    assertThat(violations(schema, "'{{ port }}'")).isEmpty();
    SchemaSet set = new SchemaSet(Map.of("main.json", schema, "common.json", COMMON)::get);
    List<Violation> found = new SchemaValidator(set).validate(YamlReader.parse("'eighty'", "d.yml"), set.root("main.json"));
    assertThat(found).singleElement().satisfies(v -> {
      assertThat(v.keyword()).isEqualTo("anyOf");
      assertThat(v.alternatives()).extracting(Violation::keyword).containsExactly("type", "pattern");
      assertThat(v.alternatives().get(1).schema().location()).isEqualTo("common.json#/definitions/template");
    });
  }

  @Test
  void oneOfWantsExactlyOneBranchAndIfThenElseChoosesByTheCondition() {
    String oneOf = "{\"oneOf\": [{\"required\": [\"command\"]}, {\"required\": [\"shell\"]}]}";
    assertThat(violations(oneOf, "{command: x}")).isEmpty();
    assertThat(violations(oneOf, "{command: x, shell: y}")).containsExactly("oneOf  @1:1");
    assertThat(violations(oneOf, "{name: x}")).containsExactly("oneOf  @1:1");
    String conditional = """
        {"if": {"type": "object"}, "then": {"required": ["cmd"]}, "else": {"type": "string"}}
        """;
    assertThat(violations(conditional, "{cmd: x}")).isEmpty();
    assertThat(violations(conditional, "echo hi")).isEmpty();
    assertThat(violations(conditional, "{argv: [x]}")).containsExactly("required  cmd @1:1");
    assertThat(violations(conditional, "[x]")).containsExactly("type  @1:1");
  }

  @Test
  void sizesNotAllOfAndBooleanSchemas() {
    assertThat(violations("{\"minItems\": 1, \"maxItems\": 2}", "[]")).containsExactly("minItems  @1:1");
    assertThat(violations("{\"minProperties\": 1, \"maxProperties\": 1}", "{a: 1, b: 2}"))
        .containsExactly("maxProperties  @1:1");
    assertThat(violations("{\"maxLength\": 3}", "ab\u00e9")).isEmpty();
    assertThat(violations("{\"not\": {\"type\": \"null\"}}", "~")).containsExactly("not  @1:1");
    assertThat(violations("{\"allOf\": [{\"type\": \"string\"}, {\"minLength\": 2}]}", "a"))
        .containsExactly("minLength  @1:1");
    assertThat(violations("{\"properties\": {\"gone\": false, \"any\": true}}", "{gone: 1, any: 2}"))
        .containsExactly("false /gone @1:8");
  }

  @Test
  void aRefStandsAloneAsInDraft07() {
    assertThat(violations("{\"$ref\": \"common.json#/definitions/port\", \"type\": \"string\"}", "80")).isEmpty();
  }

  @Test
  void aSchemaWithAKeywordTheValidatorDoesNotImplementIsRefusedWhereItIsWritten() {
    SchemaSet set = new SchemaSet(Map.of("main.json", "{\n  \"patternProperties\": {}\n}")::get);
    assertThatThrownBy(() -> set.root("main.json")).isInstanceOf(SchemaSet.SchemaException.class)
        .hasMessage("main.json:2:3: schema keyword 'patternProperties' is not one runbook's validator implements");
    SchemaSet dangling = new SchemaSet(Map.of("main.json", "{\"$ref\": \"#/definitions/none\"}")::get);
    assertThatThrownBy(() -> new SchemaValidator(dangling).validate(YamlReader.parse("1", "d"), dangling.root("main.json")))
        .hasMessage("main.json#: $ref '#/definitions/none' leads nowhere");
  }
}
