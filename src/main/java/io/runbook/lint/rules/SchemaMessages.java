package io.runbook.lint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.runbook.action.ArgSpec;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the validator's messages into lint findings: one line each, in runbook's words
 * ("'serail' is not a play keyword (did you mean 'serial'?)"), at the key or value they are about.
 * The messages of the alternatives of a failed anyOf/oneOf are folded into the one about it.
 */
final class SchemaMessages {
  record Located(SourcePosition at, String message) {}

  private SchemaMessages() {}

  /**
   * One finding per problem: the messages of the branches of one anyOf become one ("must be X or
   * Y"), and those of the branches of a failed oneOf give way to the oneOf's own.
   */
  static List<Located> locate(Collection<ValidationMessage> all, PositionedJson json) {
    List<Located> out = new ArrayList<>();
    Map<String, List<ValidationMessage>> anyOfs = new LinkedHashMap<>();
    for (ValidationMessage m : all) {
      String path = m.getEvaluationPath().toString();
      if (insideFailedOneOf(m, path, all)) {
        continue;
      }
      int anyOf = path.lastIndexOf("/anyOf/");
      if (anyOf >= 0) {
        anyOfs.computeIfAbsent(path.substring(0, anyOf), k -> new ArrayList<>()).add(m);
      } else {
        out.add(locate(m, json));
      }
    }
    Map<String, Located> byPointer = new LinkedHashMap<>();
    anyOfs.values().forEach(branches -> byPointer.putIfAbsent(pointer(branches), anyOf(branches, json)));
    // Where one alternative got further into the value, its complaint is the one that helps.
    byPointer.forEach((pointer, found) -> {
      if (byPointer.keySet().stream().noneMatch(other -> other.startsWith(pointer + "/"))) {
        out.add(found);
      }
    });
    return out;
  }

  private static String pointer(List<ValidationMessage> branches) {
    return branches.stream().map(b -> b.getInstanceLocation().toString())
        .min(java.util.Comparator.comparingInt(String::length)).orElse("");
  }

  private static boolean insideFailedOneOf(ValidationMessage m, String path, Collection<ValidationMessage> all) {
    return all.stream().anyMatch(o -> o != m && o.getType().equals("oneOf")
        && path.startsWith(o.getEvaluationPath() + "/"));
  }

  private static Located anyOf(List<ValidationMessage> branches, PositionedJson json) {
    String pointer = pointer(branches);
    return new Located(json.value(pointer), name(pointer) + " must be " + String.join(" or ", expected(branches))
        + ", not " + describe(json.node(pointer)));
  }

  private static Located locate(ValidationMessage m, PositionedJson json) {
    String pointer = m.getInstanceLocation().toString();
    YNode node = json.node(pointer);
    SourcePosition at = json.value(pointer);
    String schema = m.getSchemaLocation().toString();
    String parent = schema.substring(0, schema.lastIndexOf('/'));
    switch (m.getType()) {
      case "additionalProperties": {
        SourcePosition key = json.key(pointer, m.getProperty());
        return new Located(key != null ? key : at, "'" + m.getProperty() + "' is not " + what(parent)
            + suggestion(m.getProperty(), SchemaDocs.at(parent).path("properties")));
      }
      case "propertyNames": {
        String bad = m.getProperty() != null ? m.getProperty() : String.valueOf(m.getArguments()[0]);
        SourcePosition key = json.key(pointer, bad);
        return new Located(key != null ? key : at, "'" + bad + "' is not a valid variable name"
            + " (letters, digits and _, not starting with a digit)");
      }
      case "required":
        return new Located(at, subject(pointer) + " needs '" + m.getProperty() + "'");
      case "oneOf":
        return node instanceof YMap task && schema.endsWith("/definitions/task/oneOf")
            ? actionCount(task, SchemaDocs.at(schema)) : new Located(at, generic(m, pointer));
      case "enum":
        return new Located(at, name(pointer) + " must be one of " + values(SchemaDocs.at(schema))
            + ", not " + describe(node));
      case "type":
        return new Located(at, name(pointer) + " must be " + types(SchemaDocs.at(schema)) + ", not " + describe(node));
      default:
        return new Located(at, generic(m, pointer));
    }
  }

  /** A task's "exactly one action": none, or which two. */
  private static Located actionCount(YMap task, JsonNode branches) {
    Set<String> actions = new LinkedHashSet<>();
    branches.forEach(b -> actions.add(b.path("required").path(0).asText()));
    List<YMap.Entry> present = task.entries().stream().filter(e -> actions.contains(e.name())).toList();
    if (present.isEmpty()) {
      return new Located(task.position(), "task has no action");
    }
    return new Located(present.get(1).key().position(), "a task runs one action, but this one has '"
        + present.get(0).name() + "' and '" + present.get(1).name() + "'");
  }

  private static List<String> expected(List<ValidationMessage> branches) {
    Set<String> out = new LinkedHashSet<>();
    for (ValidationMessage m : branches) {
      JsonNode schema = SchemaDocs.at(m.getSchemaLocation().toString());
      switch (m.getType()) {
        case "enum" -> out.add("one of " + values(schema));
        case "type" -> out.add(types(schema));
        case "pattern" -> out.add(schema.asText().equals("\\{\\{") ? "a {{ }} template"
            : "a string matching " + schema.asText());
        case "minimum" -> out.add("at least " + schema.asText());
        case "maximum" -> out.add("at most " + schema.asText());
        default -> out.add(m.getMessage().substring(m.getMessage().indexOf(": ") + 2));
      }
    }
    return new ArrayList<>(out);
  }

  private static String what(String objectSchema) {
    if (objectSchema.contains("actions.json#/definitions/")) {
      String action = objectSchema.substring(objectSchema.indexOf("/definitions/") + 13).split("/")[0];
      return "an argument of '" + action + "'";
    }
    if (objectSchema.endsWith("lint-config.json#")) {
      return "a lint config key";
    }
    if (objectSchema.endsWith("/probe")) {
      return "a probe action (http or command)";
    }
    String def = objectSchema.substring(objectSchema.lastIndexOf('/') + 1);
    return switch (def) {
      case "play" -> "a play keyword";
      case "task" -> "a task keyword or action";
      case "block" -> "a block keyword";
      case "group" -> "a group key";
      default -> "a key of " + def.replace('_', ' ');
    };
  }

  private static String suggestion(String name, JsonNode properties) {
    String best = null;
    int bestDistance = 3;
    for (var it = properties.fieldNames(); it.hasNext(); ) {
      String known = it.next();
      int d = ArgSpec.editDistance(name, known);
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    if (best != null) {
      return " (did you mean '" + best + "'?)";
    }
    List<String> keys = new ArrayList<>();
    properties.fieldNames().forEachRemaining(keys::add);
    return keys.isEmpty() || keys.size() > 8 ? "" : " (the keys: " + String.join(", ", keys) + ")";
  }

  private static String values(JsonNode enumSchema) {
    List<String> out = new ArrayList<>();
    enumSchema.forEach(v -> out.add(v.asText()));
    return String.join(", ", out);
  }

  private static String types(JsonNode typeSchema) {
    List<String> out = new ArrayList<>();
    (typeSchema.isArray() ? typeSchema : List.of(typeSchema)).forEach(t -> out.add(switch (t.asText()) {
      case "object" -> "a mapping";
      case "array" -> "a list";
      case "boolean" -> "true or false";
      case "integer" -> "a whole number";
      case "null" -> "empty";
      default -> "a " + t.asText();
    }));
    return String.join(" or ", out);
  }

  private static String describe(YNode node) {
    if (node == null) {
      return "that";
    }
    if (node instanceof YScalar s && s.isString()) {
      return "'" + s.text() + "'";
    }
    return node.describe() + (node instanceof YScalar s && !s.isNull() ? " " + s.text() : "");
  }

  /** What the pointer names, for "X must be ...": the key, or the list item. */
  private static String name(String pointer) {
    String last = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    if (pointer.isEmpty()) {
      return "the file";
    }
    return last.matches("\\d+") ? "item " + (Integer.parseInt(last) + 1) + " of "
        + name(pointer.substring(0, pointer.lastIndexOf('/'))) : "'" + last + "'";
  }

  private static String subject(String pointer) {
    return pointer.matches("/\\d+") ? "a play" : pointer.matches(".*/\\d+") ? "this entry" : name(pointer);
  }

  private static String generic(ValidationMessage m, String pointer) {
    String text = m.getMessage();
    int colon = text.indexOf(": ");
    return name(pointer) + " " + (colon >= 0 ? text.substring(colon + 2) : text);
  }
}
