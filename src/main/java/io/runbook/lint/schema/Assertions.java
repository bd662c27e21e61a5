package io.runbook.lint.schema;

import static io.runbook.lint.schema.SchemaValidator.text;
import static io.runbook.lint.schema.SchemaValidator.violation;

import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.List;

/** The keywords that assert something of one value: by type, then for objects and arrays. */
final class Assertions {
  private Assertions() {}

  /** {@code type}, {@code enum}, {@code const}, and those about strings and numbers. */
  static void scalar(SchemaValidator v, YNode value, String pointer, SchemaNode schema, List<Violation> out) {
    SchemaNode type = schema.get("type");
    if (type != null && names(type).stream().noneMatch(t -> JsonValues.hasType(value, t))) {
      out.add(violation("type", value, pointer, schema, "must be " + String.join(" or ", names(type))));
    }
    SchemaNode allowed = schema.get("enum");
    if (allowed != null && allowed.node() instanceof YList values
        && values.items().stream().noneMatch(a -> JsonValues.equal(value, a))) {
      out.add(violation("enum", value, pointer, schema, "must be one of the listed values"));
    }
    SchemaNode constant = schema.get("const");
    if (constant != null && !JsonValues.equal(value, constant.node())) {
      out.add(violation("const", value, pointer, schema, "must be " + constant.node()));
    }
    if (value instanceof YScalar s && s.isString()) {
      string((String) s.value(), v, value, pointer, schema, out);
    }
    Double n = JsonValues.number(value);
    if (n != null) {
      number(n, value, pointer, schema, out);
    }
  }

  private static void string(String text, SchemaValidator v, YNode value, String pointer, SchemaNode schema,
      List<Violation> out) {
    SchemaNode pattern = schema.get("pattern");
    if (pattern != null && !v.pattern(text(pattern)).matcher(text).find()) {
      out.add(violation("pattern", value, pointer, schema, "must match " + text(pattern)));
    }
    Limits.of("minLength", "maxLength", "must be", " characters long")
        .check(text.codePointCount(0, text.length()), value, pointer, schema, out);
  }

  private static void number(double n, YNode value, String pointer, SchemaNode schema, List<Violation> out) {
    Limits.of("minimum", "maximum", "must be", "").check(n, value, pointer, schema, out);
    SchemaNode above = schema.get("exclusiveMinimum");
    if (above != null && !(n > bound(above))) {
      out.add(violation("exclusiveMinimum", value, pointer, schema, "must be more than " + text(above)));
    }
    SchemaNode below = schema.get("exclusiveMaximum");
    if (below != null && !(n < bound(below))) {
      out.add(violation("exclusiveMaximum", value, pointer, schema, "must be less than " + text(below)));
    }
  }

  /** {@code properties}, {@code additionalProperties}, {@code required}, {@code propertyNames}, sizes. */
  static void object(SchemaValidator v, YMap map, String pointer, SchemaNode schema, List<Violation> out) {
    SchemaNode properties = schema.get("properties");
    SchemaNode additional = schema.get("additionalProperties");
    SchemaNode names = schema.get("propertyNames");
    for (YMap.Entry e : map.entries()) {
      String at = pointer + "/" + SchemaNode.escape(e.name());
      SchemaNode declared = properties == null ? null : properties.get(e.name());
      if (declared != null) {
        v.check(e.value(), at, declared, out);
      } else if (additional != null && Boolean.FALSE.equals(scalar(additional))) {
        out.add(keyViolation("additionalProperties", map, pointer, schema, e, "is not allowed"));
      } else if (additional != null) {
        v.check(e.value(), at, additional, out);
      }
      // a JSON key is a string, whatever YAML made of it (1: x has the key "1")
      YScalar asString = new YScalar(e.name(), e.name(), true, e.key().position());
      if (names != null && !v.conforms(asString, at, names)) {
        out.add(keyViolation("propertyNames", map, pointer, schema, e, "is not an allowed key"));
      }
    }
    SchemaNode required = schema.get("required");
    if (required != null && required.node() instanceof YList needed) {
      for (YNode name : needed.items()) {
        String key = String.valueOf(((YScalar) name).value());
        if (!map.has(key)) {
          out.add(new Violation("required", map, pointer, schema, key, null, "needs '" + key + "'", List.of()));
        }
      }
    }
    Limits.of("minProperties", "maxProperties", "must have", " key(s)")
        .check(map.entries().size(), map, pointer, schema, out);
  }

  /** {@code items} (one schema for every item), {@code minItems}, {@code maxItems}. */
  static void array(SchemaValidator v, YList list, String pointer, SchemaNode schema, List<Violation> out) {
    SchemaNode items = schema.get("items");
    if (items != null) {
      for (int i = 0; i < list.items().size(); i++) {
        v.check(list.items().get(i), pointer + "/" + i, items, out);
      }
    }
    Limits.of("minItems", "maxItems", "must have", " item(s)")
        .check(list.items().size(), list, pointer, schema, out);
  }

  private static Violation keyViolation(String keyword, YMap map, String pointer, SchemaNode schema,
      YMap.Entry e, String message) {
    return new Violation(keyword, map, pointer, schema, e.name(), e.key(), message, List.of());
  }

  private static List<String> names(SchemaNode type) {
    if (type.node() instanceof YList list) {
      return list.items().stream().map(t -> String.valueOf(((YScalar) t).value())).toList();
    }
    return List.of(text(type));
  }

  /** A keyword's number; NaN (which no comparison passes) when the schema gives none. */
  private static double bound(SchemaNode keyword) {
    Double n = JsonValues.number(keyword.node());
    return n == null ? Double.NaN : n;
  }

  /** A pair of keywords that bound a size or a number from below and from above. */
  private record Limits(String low, String high, String verb, String unit) {
    static Limits of(String low, String high, String verb, String unit) {
      return new Limits(low, high, verb, unit);
    }

    void check(double actual, YNode value, String pointer, SchemaNode schema, List<Violation> out) {
      SchemaNode min = schema.get(low);
      if (min != null && !(actual >= bound(min))) {
        out.add(violation(low, value, pointer, schema, verb + " at least " + text(min) + unit));
      }
      SchemaNode max = schema.get(high);
      if (max != null && !(actual <= bound(max))) {
        out.add(violation(high, value, pointer, schema, verb + " at most " + text(max) + unit));
      }
    }
  }

  private static Object scalar(SchemaNode node) {
    return node.node() instanceof YScalar s ? s.value() : null;
  }
}
