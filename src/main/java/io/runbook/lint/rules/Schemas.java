package io.runbook.lint.rules;

import io.runbook.lint.FileKind;
import io.runbook.lint.schema.SchemaNode;
import io.runbook.lint.schema.SchemaSet;
import io.runbook.lint.schema.SchemaValidator;
import io.runbook.lint.schema.Violation;
import io.runbook.yaml.YNode;
import java.util.List;
import java.util.Map;

/** The JSON schemas of schemas/ (in the jar under schemas/), one per kind of file, read once. */
final class Schemas {
  private static final Map<FileKind, String> FILES = Map.of(FileKind.PLAYBOOK, "playbook.json",
      FileKind.TASKS, "tasks.json", FileKind.INVENTORY, "inventory.json",
      FileKind.LINT_CONFIG, "lint-config.json");
  private static final SchemaSet BUNDLED = SchemaSet.onClassPath("/schemas/");
  private static final SchemaValidator VALIDATOR = new SchemaValidator(BUNDLED);

  private Schemas() {}

  /** The schema for files of {@code kind}, or null when there is none. */
  static SchemaNode of(FileKind kind) {
    String file = FILES.get(kind);
    return file == null ? null : BUNDLED.root(file);
  }

  /** Reads every schema file now (each is read once, whoever asks first). */
  static void readAll() {
    FILES.keySet().forEach(Schemas::of);
  }

  /** How {@code document} breaks {@code schema}. */
  static List<Violation> validate(YNode document, SchemaNode schema) {
    return VALIDATOR.validate(document, schema);
  }
}
