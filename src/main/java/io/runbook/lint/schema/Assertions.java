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
    int length = text.codePointCount(0, text.length());
    if (length < bound(schema, "minLength", 0)) {
      out.add(violation("minLength", value, pointer, schema, "must be at least " + text(schema.get("minLength")) + " characters long"));
    }
    if (length > bound(schema, "maxLength", Double.MAX_VALUE)) {
      out.add(violation("maxLength", value, pointer, schema, "must be at most " + text(schema.get("maxLength")) + " characters long"));
    }
  }

  private static void number(double n, YNode value, String pointer, SchemaNode schema, List<Violation> out) {
    if (n < bound(schema, "minimum", Double.NEGATIVE_INFINITY)) {
      out.add(violation("minimum", value, pointer, schema, "must be at least " + text(schema.get("minimum"))));
    }
    if (n > bound(schema, "maximum", Double.POSITIVE_INFINITY)) {
      out.add(violation("maximum", value, pointer, schema, "must be at most " + text(schema.get("maximum"))));
    }
    if (n <= bound(schema, "exclusiveMinimum", Double.NEGATIVE_INFINITY)) {
      out.add(violation("exclusiveMinimum", value, pointer, schema, "must be more than " + text(schema.get("exclusiveMinimum"))));
    }
    if (n >= bound(schema, "exclusiveMaximum", Double.POSITIVE_INFINITY)) {
      out.add(violation("exclusiveMaximum", value, pointer, schema, "must be less than " + text(schema.get("exclusiveMaximum"))));
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
        v.nested(e.value(), at, declared, out);
      } else if (additional != null && Boolean.FALSE.equals(scalar(additional))) {
        out.add(keyViolation("additionalProperties", map, pointer, schema, e, "is not allowed"));
      } else if (additional != null) {
        v.nested(e.value(), at, additional, out);
      }
      // a JSON key is a string, whatever YAML made of it (1: x has the key "1")
      if (names != null && !v.conformsNested(new YScalar(e.name(), e.name(), true, e.key().position()), at, names)) {
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
    int size = map.entries().size();
    if (size < bound(schema, "minProperties", 0)) {
      out.add(violation("minProperties", map, pointer, schema, "must have at least " + text(schema.get("minProperties")) + " key(s)"));
    }
    if (size > bound(schema, "maxProperties", Double.MAX_VALUE)) {
      out.add(violation("maxProperties", map, pointer, schema, "must have at most " + text(schema.get("maxProperties")) + " key(s)"));
    }
  }

  /** {@code items} (one schema for every item), {@code minItems}, {@code maxItems}. */
  static void array(SchemaValidator v, YList list, String pointer, SchemaNode schema, List<Violation> out) {
    SchemaNode items = schema.get("items");
    if (items != null) {
      for (int i = 0; i < list.items().size(); i++) {
        v.nested(list.items().get(i), pointer + "/" + i, items, out);
      }
    }
    int size = list.items().size();
    if (size < bound(schema, "minItems", 0)) {
      out.add(violation("minItems", list, pointer, schema, "must have at least " + text(schema.get("minItems")) + " item(s)"));
    }
    if (size > bound(schema, "maxItems", Double.MAX_VALUE)) {
      out.add(violation("maxItems", list, pointer, schema, "must have at most " + text(schema.get("maxItems")) + " item(s)"));
    }
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

  private static double bound(SchemaNode schema, String keyword, double otherwise) {
    SchemaNode b = schema.get(keyword);
    Double n = b == null ? null : JsonValues.number(b.node());
    return n == null ? otherwise : n;
  }

  private static Object scalar(SchemaNode node) {
    return node.node() instanceof YScalar s ? s.value() : null;
  }
}
