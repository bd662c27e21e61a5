package io.runbook.lint.rules;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.runbook.lint.FileKind;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The JSON schemas of schemas/ (in the jar under schemas/), one per kind of file, loaded once. */
final class Schemas {
  private static final Map<FileKind, String> FILES = Map.of(FileKind.PLAYBOOK, "playbook.json",
      FileKind.TASKS, "tasks.json", FileKind.INVENTORY, "inventory.json",
      FileKind.LINT_CONFIG, "lint-config.json");
  private static final Map<FileKind, JsonSchema> LOADED = new EnumMap<>(FileKind.class);

  private Schemas() {}

  /** The schema for files of {@code kind}, or null when there is none. */
  static synchronized JsonSchema of(FileKind kind) {
    String file = FILES.get(kind);
    if (file == null) {
      return null;
    }
    return LOADED.computeIfAbsent(kind, k -> factory().getSchema(
        SchemaLocation.of("classpath:schemas/" + file), config()));
  }

  private static JsonSchemaFactory factory() {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
  }

  private static SchemaValidatorsConfig config() {
    return SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).locale(Locale.ENGLISH)
        .build();
  }
}
