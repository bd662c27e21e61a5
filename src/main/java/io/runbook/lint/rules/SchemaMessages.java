package io.runbook.lint.rules;

import io.runbook.action.ArgSpec;
import io.runbook.lint.schema.SchemaNode;
import io.runbook.lint.schema.Violation;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns schema violations into lint findings: one line each, in runbook's words
 * ("'serail' is not a play keyword (did you mean 'serial'?)"), at the key or value they are about.
 * A failed anyOf becomes one finding that lists what its alternatives accept.
 */
final class SchemaMessages {
  record Located(SourcePosition at, String message) {}

  private SchemaMessages() {}

  /**
   * One finding per problem: the branches of one anyOf become one ("must be X or Y"); of
   * nested anyOfs, the one that got furthest into the value speaks.
   */
  static List<Located> locate(Collection<Violation> all) {
    List<Located> out = new ArrayList<>();
    Map<String, Located> anyOfs = new LinkedHashMap<>();
    for (Violation v : all) {
      if (v.keyword().equals("anyOf")) {
        collectAnyOf(v, anyOfs);
      } else {
        out.add(locate(v));
      }
    }
    anyOfs.forEach((pointer, found) -> {
      if (anyOfs.keySet().stream().noneMatch(other -> other.startsWith(pointer + "/"))) {
        out.add(found);
      }
    });
    return out;
  }

  /** An anyOf and those nested in its branches, each by the place its own branches failed at. */
  private static void collectAnyOf(Violation anyOf, Map<String, Located> byPointer) {
    List<Violation> leaves = new ArrayList<>();
    for (Violation branch : anyOf.alternatives()) {
      if (branch.keyword().equals("anyOf")) {
        collectAnyOf(branch, byPointer);
      } else {
        leaves.add(branch);
      }
    }
    if (!leaves.isEmpty()) {
      Violation nearest = leaves.stream()
          .min(java.util.Comparator.comparingInt(l -> l.pointer().length())).orElseThrow();
      byPointer.putIfAbsent(nearest.pointer(), new Located(nearest.instance().position(),
          name(nearest.pointer()) + " must be " + String.join(" or ", expected(leaves)) + ", not "
              + describe(nearest.instance())));
    }
  }

  private static Located locate(Violation v) {
    SourcePosition at = v.instance().position();
    String name = name(v.pointer());
    switch (v.keyword()) {
      case "additionalProperties":
        return new Located(keyOr(v, at), "'" + v.property() + "' is not " + what(v.schema())
            + suggestion(v.property(), v.schema().get("properties")));
      case "propertyNames":
        return new Located(keyOr(v, at), "'" + v.property() + "' is not a valid variable name"
            + " (letters, digits and _, not starting with a digit)");
      case "required":
        return new Located(at, subject(v.pointer()) + " needs '" + v.property() + "'");
      case "oneOf":
        Located count = v.instance() instanceof YMap task && v.schema().location().endsWith("/definitions/task")
            ? actionCount(task, v.rule()) : null;
        return count != null ? count : new Located(at, name + " " + v.message());
      case "type", "enum", "pattern", "minimum", "maximum":
        return new Located(at, name + " must be " + expected(List.of(v)).get(0) + ", not " + describe(v.instance()));
      default:
        return new Located(at, name + " " + v.message());
    }
  }

  private static SourcePosition keyOr(Violation v, SourcePosition at) {
    return v.key() != null ? v.key().position() : at;
  }

  /** A task's "exactly one action": none, or which two; null when that is not what failed. */
  private static Located actionCount(YMap task, YNode branches) {
    Set<String> actions = new LinkedHashSet<>();
    if (branches instanceof YList list) {
      for (YNode b : list.items()) {
        if (b instanceof YMap m && m.get("required") instanceof YList required && !required.items().isEmpty()) {
          actions.add(text(required.items().get(0)));
        }
      }
    }
    List<YMap.Entry> present = task.entries().stream().filter(e -> actions.contains(e.name())).toList();
    if (present.isEmpty()) {
      return new Located(task.position(), "task has no action");
    }
    return present.size() < 2 ? null : new Located(present.get(1).key().position(), "a task runs one action, but this one has '"
        + present.get(0).name() + "' and '" + present.get(1).name() + "'");
  }

  /** What each violated keyword would have accepted, in runbook's words. */
  private static List<String> expected(List<Violation> leaves) {
    Set<String> out = new LinkedHashSet<>();
    for (Violation v : leaves) {
      YNode rule = v.rule();
      switch (v.keyword()) {
        case "enum" -> out.add("one of " + values(rule));
        case "type" -> out.add(types(rule));
        case "pattern" -> out.add(text(rule).equals("\\{\\{") ? "a {{ }} template"
            : "a string matching " + text(rule));
        case "minimum" -> out.add("at least " + text(rule));
        case "maximum" -> out.add("at most " + text(rule));
        case "required" -> out.add("a mapping with '" + v.property() + "'");
        case "additionalProperties" -> out.add("a mapping without '" + v.property() + "'");
        case "minItems" -> out.add("a list of at least " + text(rule) + " item(s)");
        case "maxItems" -> out.add("a list of at most " + text(rule) + " item(s)");
        case "minProperties" -> out.add("a mapping of at least " + text(rule) + " key(s)");
        case "maxProperties" -> out.add("a mapping of at most " + text(rule) + " key(s)");
        default -> out.add("a value that " + v.message());
      }
    }
    return new ArrayList<>(out);
  }

  /** What a mapping's schema is about, from where it sits: "a play keyword". */
  private static String what(SchemaNode objectSchema) {
    String location = objectSchema.location();
    if (location.contains("actions.json#/definitions/")) {
      String action = location.substring(location.indexOf("/definitions/") + 13).split("/")[0];
      return "an argument of '" + action + "'";
    }
    if (location.equals("lint-config.json#")) {
      return "a lint config key";
    }
    if (location.endsWith("/probe")) {
      return "a probe action (http or command)";
    }
    String def = location.substring(location.lastIndexOf('/') + 1);
    return switch (def) {
      case "play" -> "a play keyword";
      case "task" -> "a task keyword or action";
      case "block" -> "a block keyword";
      case "group" -> "a group key";
      default -> "a key of " + def.replace('_', ' ');
    };
  }

  private static String suggestion(String name, SchemaNode properties) {
    List<String> keys = new ArrayList<>();
    if (properties != null && properties.node() instanceof YMap known) {
      known.entries().forEach(e -> keys.add(e.name()));
    }
    String best = ArgSpec.nearest(name, keys);
    if (best != null) {
      return " (did you mean '" + best + "'?)";
    }
    return keys.isEmpty() || keys.size() > 8 ? "" : " (the keys: " + String.join(", ", keys) + ")";
  }

  private static String values(YNode enumValues) {
    List<String> out = new ArrayList<>();
    if (enumValues instanceof YList list) {
      list.items().forEach(v -> out.add(text(v)));
    }
    return String.join(", ", out);
  }

  private static String types(YNode type) {
    List<String> out = new ArrayList<>();
    for (YNode t : type instanceof YList list ? list.items() : List.of(type)) {
      out.add(switch (text(t)) {
        case "object" -> "a mapping";
        case "array" -> "a list";
        case "boolean" -> "true or false";
        case "integer" -> "a whole number";
        case "null" -> "empty";
        default -> "a " + text(t);
      });
    }
    return String.join(" or ", out);
  }

  private static String text(YNode scalar) {
    return scalar instanceof YScalar s ? String.valueOf(s.value()) : String.valueOf(scalar);
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
}
