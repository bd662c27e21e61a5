package io.runbook.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.runbook.action.ActionRegistry;
import io.runbook.action.ArgSpec;
import io.runbook.action.BuiltinActions;
import io.runbook.load.PlaybookLoader;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schemas in schemas/ say what the loader accepts: actions.json is generated from the actions'
 * argument specs (refresh it with {@code -Dschemas.update=true}), and the play, task and block
 * keywords of common.json are exactly the loader's.
 */
class SchemasTests {
  private static final Path DIR = Path.of("schemas");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ActionRegistry registry = BuiltinActions.registry();

  @Test
  void actionsSchemaIsWhatTheActionsSpecsGenerate() throws Exception {
    Path file = DIR.resolve("actions.json");
    String generated = ActionSchemas.generate(registry);
    if (Boolean.getBoolean("schemas.update")) {
      Files.writeString(file, generated);
    }
    assertThat(Files.readString(file)).as(file + " (refresh: -Dschemas.update=true)").isEqualTo(generated);
  }

  @Test
  void everyActionAndEveryArgumentIsInTheSchema() throws Exception {
    JsonNode actions = read("actions.json").get("definitions");
    JsonNode task = read("common.json").at("/definitions/task");
    Set<String> oneOfActions = new HashSet<>();
    task.get("oneOf").forEach(branch -> oneOfActions.add(branch.get("required").get(0).asText()));
    for (String name : registry.names()) {
      JsonNode action = actions.get(name);
      assertThat(action).as("actions.json defines " + name).isNotNull();
      JsonNode args = action.has("then") ? action.get("then") : action;
      ArgSpec spec = registry.get(name).spec();
      for (String arg : spec.args().keySet()) {
        assertThat(args.get("properties").has(arg)).as(name + "." + arg).isTrue();
      }
      assertThat(args.path("additionalProperties").asBoolean(true)).as(name + " is closed").isEqualTo(spec.openKeys());
      assertThat(action.has("else")).as(name + " takes a string or nothing").isEqualTo(spec.freeForm() != null
          || spec.args().values().stream().noneMatch(ArgSpec.Arg::required));
      for (String key : List.of(name, "ansible.builtin." + name)) {
        assertThat(task.get("properties").has(key)).as("a task may run " + key).isTrue();
        assertThat(oneOfActions).as("the task's one-action list").contains(key);
      }
    }
  }

  @Test
  void playTaskAndBlockKeywordsAreTheLoaders() throws Exception {
    JsonNode defs = read("common.json").get("definitions");
    assertThat(names(defs.at("/play/properties"))).isEqualTo(loaderKeys(PlaybookLoader.class, "PLAY_KEYS"));
    Set<String> taskKeys = loaderKeys(Class.forName("io.runbook.load.TaskParser"), "TASK_KEYS");
    Set<String> blockKeys = new HashSet<>(taskKeys);
    blockKeys.addAll(loaderKeys(Class.forName("io.runbook.load.TaskParser"), "BLOCK_KEYS"));
    blockKeys.removeAll(loaderKeys(Class.forName("io.runbook.load.RetryKeywords"), "KEYS"));
    assertThat(names(defs.at("/block/properties"))).isEqualTo(blockKeys);
    taskKeys.addAll(loaderKeys(Class.forName("io.runbook.load.TaskParser"), "ACTION_KEYS"));
    Set<String> taskProperties = names(defs.at("/task/properties"));
    assertThat(taskProperties).containsAll(taskKeys);
    taskProperties.removeAll(taskKeys);
    taskProperties.removeIf(k -> registry.has(k.replace("ansible.builtin.", ""))
        || k.endsWith("import_tasks") || k.endsWith("include_tasks") || k.endsWith("meta"));
    assertThat(taskProperties).as("task keys that are neither keywords nor actions").isEmpty();
  }

  @Test
  void metaTasksTakeTheValuesTheLoaderSupports() throws Exception {
    JsonNode common = read("common.json");
    List<String> values = new java.util.ArrayList<>();
    common.at("/definitions/meta/enum").forEach(v -> values.add(v.asText()));
    assertThat(values).isEqualTo(io.runbook.model.Meta.names());
    for (String key : List.of("meta", "ansible.builtin.meta")) {
      assertThat(common.at("/definitions/task/properties/" + key.replace("/", "~1") + "/$ref").asText())
          .isEqualTo("#/definitions/meta");
    }
  }

  @Test
  void everySchemaIsAValidDraft07Schema() throws Exception {
    var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(java.net.URI.create("https://json-schema.org/draft-07/schema"));
    try (var files = Files.list(DIR)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        assertThat(metaSchema.validate(JSON.readTree(f.toFile()))).as(f.toString()).isEmpty();
      }
    }
  }

  private static JsonNode read(String name) throws Exception {
    return JSON.readTree(DIR.resolve(name).toFile());
  }

  private static Set<String> names(JsonNode object) {
    Set<String> out = new HashSet<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> loaderKeys(Class<?> owner, String field) throws Exception {
    Field f = owner.getDeclaredField(field);
    f.setAccessible(true);
    return new HashSet<>((Set<String>) f.get(null));
  }
}
