package io.runbook.lint.schema;

import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;

/** A YAML value seen as JSON: its JSON types, its number, and JSON equality. */
final class JsonValues {
  private JsonValues() {}

  /** Whether {@code value} has the JSON type {@code type}; an integral number is an integer too. */
  static boolean hasType(YNode value, String type) {
    return switch (type) {
      case "object" -> value instanceof YMap;
      case "array" -> value instanceof YList;
      case "null" -> value instanceof YScalar s && s.isNull();
      case "boolean" -> value instanceof YScalar s && s.value() instanceof Boolean;
      case "string" -> value instanceof YScalar s && s.isString();
      case "number" -> number(value) != null;
      case "integer" -> {
        Double n = number(value);
        yield n != null && !n.isInfinite() && n == Math.rint(n);
      }
      default -> false;
    };
  }

  /** The value as a number, or null when it is not one. */
  static Double number(YNode value) {
    return value instanceof YScalar s && s.value() instanceof Number n ? n.doubleValue() : null;
  }

  /** JSON equality: numbers by value (1 equals 1.0), mappings regardless of key order. */
  static boolean equal(YNode a, YNode b) {
    if (a instanceof YScalar x && b instanceof YScalar y) {
      Double nx = number(x);
      Double ny = number(y);
      if (nx != null || ny != null) {
        return nx != null && nx.equals(ny);
      }
      return x.value() == null ? y.value() == null : x.value().equals(y.value());
    }
    if (a instanceof YList x && b instanceof YList y) {
      if (x.items().size() != y.items().size()) {
        return false;
      }
      for (int i = 0; i < x.items().size(); i++) {
        if (!equal(x.items().get(i), y.items().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof YMap x && b instanceof YMap y) {
      return x.entries().size() == y.entries().size() && x.entries().stream()
          .allMatch(e -> y.get(e.name()) != null && equal(e.value(), y.get(e.name())));
    }
    return false;
  }
}
