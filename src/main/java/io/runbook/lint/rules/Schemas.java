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

/**
 * The JSON schemas of schemas/ (in the jar under schemas/), one per kind of file, each compiled
 * once by one factory, so that what they share (common.json, actions.json) is read once too.
 */
final class Schemas {
  private static final Map<FileKind, String> FILES = Map.of(FileKind.PLAYBOOK, "playbook.json",
      FileKind.TASKS, "tasks.json", FileKind.INVENTORY, "inventory.json",
      FileKind.LINT_CONFIG, "lint-config.json");
  private static final Map<FileKind, JsonSchema> LOADED = new EnumMap<>(FileKind.class);
  private static JsonSchemaFactory factory;

  private Schemas() {}

  /** The schema for files of {@code kind}, or null when there is none. */
  static synchronized JsonSchema of(FileKind kind) {
    String file = FILES.get(kind);
    if (file == null) {
      return null;
    }
    if (factory == null) {
      factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    }
    return LOADED.computeIfAbsent(kind, k -> factory.getSchema(
        SchemaLocation.of("classpath:schemas/" + file), config()));
  }

  /**
   * Compiles every schema on a thread of its own: the largest single cost of a lint's start, it
   * then overlaps with parsing the command line and reading the files.
   */
  static void compileInBackground() {
    // in the enum's order: playbooks first, the largest and the first a lint needs
    Thread compile = new Thread(() -> java.util.Arrays.stream(FileKind.values()).forEach(Schemas::of),
        "runbook-schemas");
    compile.setDaemon(true);
    compile.start();
  }

  private static SchemaValidatorsConfig config() {
    return SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).locale(Locale.ENGLISH)
        .build();
  }
}
