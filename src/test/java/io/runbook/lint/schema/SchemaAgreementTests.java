package io.runbook.lint.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import io.runbook.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * runbook's validator agrees with a complete draft-07 implementation (networknt's, kept as a test
 * dependency for this) on the bundled schemas: for the bundled playbooks, task files and
 * inventories, the lint fixtures, and thousands of documents made from them by putting a wrong
 * value or an unknown key somewhere, both find the same documents invalid, and the same
 * violations outside anyOf and oneOf branches (whose wording differs by design).
 */
class SchemaAgreementTests {
  private static final List<String> SCHEMAS = List.of("playbook.json", "tasks.json", "inventory.json",
      "lint-config.json");
  private static final SourcePosition HERE = new SourcePosition("mutant.yml", 1, 1);
  private static final List<YNode> WRONG_VALUES = List.of(YScalar.of("maybe", HERE), YScalar.of(7L, HERE),
      YScalar.of(-1L, HERE), YScalar.of(2.5, HERE), YScalar.of(true, HERE), YScalar.of(null, HERE),
      YScalar.of("{{ x }}", HERE), YScalar.of("30%", HERE), new YList(List.of(), HERE),
      new YList(List.of(YScalar.of("a", HERE)), HERE), new YMap(List.of(), HERE),
      new YMap(List.of(new YMap.Entry(YScalar.of("file", HERE), YScalar.of("x.yml", HERE))), HERE));

  private final SchemaSet ours = SchemaSet.onClassPath("/schemas/");
  private final SchemaValidator validator = new SchemaValidator(ours);
  private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER).build();

  @Test
  void bothValidatorsJudgeEveryDocumentAndEveryMutantAlike() throws Exception {
    List<JsonSchema> reference = SCHEMAS.stream()
        .map(f -> factory.getSchema(SchemaLocation.of("classpath:schemas/" + f), config)).toList();
    int compared = 0;
    int invalid = 0;
    for (YNode document : corpus()) {
      for (YNode variant : withMutants(document)) {
        for (int s = 0; s < SCHEMAS.size(); s++) {
          Set<String> theirs = reference(reference.get(s).validate(json(variant)));
          List<Violation> found = validator.validate(variant, ours.root(SCHEMAS.get(s)));
          assertThat(found.isEmpty()).as(SCHEMAS.get(s) + " on " + variant.toPlain() + ": " + theirs)
              .isEqualTo(theirs.isEmpty());
          assertThat(outsideBranches(found)).as(SCHEMAS.get(s) + " on " + variant.toPlain())
              .isEqualTo(outsideBranchesOf(theirs));
          compared++;
          invalid += found.isEmpty() ? 0 : 1;
        }
      }
    }
    assertThat(compared).isGreaterThan(10_000);
    assertThat(invalid).isGreaterThan(compared / 2);
  }

  /** The bundled files and the lint fixtures, parsed. */
  private static List<YNode> corpus() throws Exception {
    List<YNode> out = new ArrayList<>();
    for (String dir : List.of("playbooks", "inventories", "src/test/resources/fixtures/lint")) {
      try (Stream<Path> files = Files.walk(Path.of(dir))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
          try {
            out.add(YamlReader.read(p));
          } catch (RuntimeException unparsable) {
            // a yaml-syntax fixture: nothing to validate
          }
        }
      }
    }
    return out;
  }

  /** The document, and for every n-th node of it, the document with a wrong value there. */
  private static List<YNode> withMutants(YNode document) {
    List<List<Object>> places = new ArrayList<>();
    paths(document, new ArrayList<>(), places);
    List<YNode> out = new ArrayList<>(List.of(document));
    int step = Math.max(1, places.size() / 40);
    for (int i = 0; i < places.size(); i += step) {
      List<Object> place = places.get(i);
      YNode wrong = WRONG_VALUES.get(i % WRONG_VALUES.size());
      out.add(replace(document, place, 0, wrong));
      if (at(document, place) instanceof YMap map) {
        List<YMap.Entry> more = new ArrayList<>(map.entries());
        more.add(new YMap.Entry(YScalar.of(i % 2 == 0 ? "serail" : "2nd", HERE), YScalar.of(1L, HERE)));
        out.add(replace(document, place, 0, new YMap(more, map.position())));
      }
    }
    return out;
  }

  private static void paths(YNode node, List<Object> path, List<List<Object>> out) {
    out.add(List.copyOf(path));
    if (node instanceof YMap m) {
      for (YMap.Entry e : m.entries()) {
        path.add(e.name());
        paths(e.value(), path, out);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof YList l) {
      for (int i = 0; i < l.items().size(); i++) {
        path.add(i);
        paths(l.items().get(i), path, out);
        path.remove(path.size() - 1);
      }
    }
  }

  private static YNode at(YNode node, List<Object> path) {
    YNode here = node;
    for (Object step : path) {
      here = here instanceof YMap m ? m.get((String) step) : ((YList) here).items().get((Integer) step);
    }
    return here;
  }

  private static YNode replace(YNode node, List<Object> path, int depth, YNode with) {
    if (depth == path.size()) {
      return with;
    }
    if (node instanceof YMap m) {
      List<YMap.Entry> entries = new ArrayList<>();
      for (YMap.Entry e : m.entries()) {
        entries.add(e.name().equals(path.get(depth))
            ? new YMap.Entry(e.key(), replace(e.value(), path, depth + 1, with)) : e);
      }
      return new YMap(entries, m.position());
    }
    List<YNode> items = new ArrayList<>(((YList) node).items());
    int i = (Integer) path.get(depth);
    items.set(i, replace(items.get(i), path, depth + 1, with));
    return new YList(items, node.position());
  }

  /** Violations that are not inside an anyOf's or a oneOf's branches: keyword and place. */
  private static Set<String> outsideBranches(List<Violation> found) {
    Set<String> out = new TreeSet<>();
    for (Violation v : found) {
      if (!v.keyword().equals("anyOf")) {
        out.add(v.keyword() + " " + v.pointer() + (v.property() == null ? "" : " " + v.property()));
      }
    }
    return out;
  }

  private static Set<String> reference(Set<ValidationMessage> messages) {
    Set<String> out = new TreeSet<>();
    for (ValidationMessage m : messages) {
      String path = m.getEvaluationPath().toString();
      out.add(path + " | " + m.getType() + " " + m.getInstanceLocation()
          + (m.getProperty() == null ? "" : " " + m.getProperty()));
    }
    return out;
  }

  private static Set<String> outsideBranchesOf(Set<String> reference) {
    Set<String> out = new TreeSet<>();
    for (String r : reference) {
      String path = r.substring(0, r.indexOf(" | "));
      if (!path.contains("/anyOf/") && !path.contains("/oneOf/") && !path.endsWith("/anyOf")) {
        out.add(r.substring(r.indexOf(" | ") + 3));
      }
    }
    return out;
  }

  private static JsonNode json(YNode node) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (node instanceof YMap map) {
      ObjectNode out = f.objectNode();
      map.entries().forEach(e -> out.set(e.name(), json(e.value())));
      return out;
    }
    if (node instanceof YList list) {
      ArrayNode out = f.arrayNode();
      list.items().forEach(i -> out.add(json(i)));
      return out;
    }
    Object v = ((YScalar) node).value();
    return v == null ? f.nullNode() : v instanceof Boolean b ? f.booleanNode(b)
        : v instanceof Long l ? f.numberNode(l) : v instanceof Double d ? f.numberNode(d) : f.textNode(String.valueOf(v));
  }
}
