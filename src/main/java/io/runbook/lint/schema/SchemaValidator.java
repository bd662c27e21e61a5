package io.runbook.lint.schema;

import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a YAML document against a JSON schema, keyword by keyword as draft-07 says, directly on
 * the parsed tree: every violation keeps the node it is about, so it has its file:line:col. The
 * keywords are those {@link SchemaSet} admits; a {@code $ref} stands alone, as in draft-07.
 */
public final class SchemaValidator {
  private final SchemaSet schemas;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  public SchemaValidator(SchemaSet schemas) {
    this.schemas = schemas;
  }

  /** Every violation of {@code schema} by {@code document}; empty when it conforms. */
  public List<Violation> validate(YNode document, SchemaNode schema) {
    List<Violation> out = new ArrayList<>();
    check(document, "", schema, out);
    return out;
  }

  boolean conforms(YNode value, String pointer, SchemaNode schema) {
    return validateAt(value, pointer, schema).isEmpty();
  }

  private List<Violation> validateAt(YNode value, String pointer, SchemaNode schema) {
    List<Violation> out = new ArrayList<>();
    check(value, pointer, schema, out);
    return out;
  }

  /** Adds to {@code out} how {@code value}, at {@code pointer} in the document, breaks {@code schema}. */
  void check(YNode value, String pointer, SchemaNode schema, List<Violation> out) {
    if (schema.node() instanceof YScalar s) {
      if (Boolean.FALSE.equals(s.value())) {
        out.add(violation("false", value, pointer, schema, "is not allowed here"));
      }
      return;
    }
    SchemaNode ref = schema.get("$ref");
    if (ref != null) {
      check(value, pointer, schemas.resolve(schema, text(ref)), out);
      return;
    }
    Assertions.scalar(this, value, pointer, schema, out);
    if (value instanceof YMap map) {
      Assertions.object(this, map, pointer, schema, out);
    } else if (value instanceof YList list) {
      Assertions.array(this, list, pointer, schema, out);
    }
    combinations(value, pointer, schema, out);
  }

  private void combinations(YNode value, String pointer, SchemaNode schema, List<Violation> out) {
    SchemaNode anyOf = schema.get("anyOf");
    if (anyOf != null) {
      List<Violation> failures = new ArrayList<>();
      boolean any = false;
      for (SchemaNode branch : branches(anyOf)) {
        List<Violation> found = validateAt(value, pointer, branch);
        any |= found.isEmpty();
        failures.addAll(found);
      }
      if (!any) {
        out.add(new Violation("anyOf", value, pointer, schema, null, null,
            "matches none of the alternatives", List.copyOf(failures)));
      }
    }
    SchemaNode oneOf = schema.get("oneOf");
    if (oneOf != null) {
      long matching = branches(oneOf).stream().filter(b -> conforms(value, pointer, b)).count();
      if (matching != 1) {
        out.add(violation("oneOf", value, pointer, schema,
            "must match exactly one alternative, but matches " + matching));
      }
    }
    SchemaNode allOf = schema.get("allOf");
    if (allOf != null) {
      branches(allOf).forEach(b -> check(value, pointer, b, out));
    }
    SchemaNode not = schema.get("not");
    if (not != null && conforms(value, pointer, not)) {
      out.add(violation("not", value, pointer, schema, "must not match the schema it does"));
    }
    SchemaNode condition = schema.get("if");
    if (condition != null) {
      SchemaNode then = schema.get(conforms(value, pointer, condition) ? "then" : "else");
      if (then != null) {
        check(value, pointer, then, out);
      }
    }
  }

  Pattern pattern(String regex) {
    return patterns.computeIfAbsent(regex, Pattern::compile);
  }

  private static List<SchemaNode> branches(SchemaNode list) {
    List<SchemaNode> out = new ArrayList<>();
    if (list.node() instanceof YList l) {
      for (int i = 0; i < l.items().size(); i++) {
        out.add(list.child(String.valueOf(i), l.items().get(i)));
      }
    }
    return out;
  }

  static Violation violation(String keyword, YNode value, String pointer, SchemaNode schema, String message) {
    return new Violation(keyword, value, pointer, schema, null, null, message, List.of());
  }

  static String text(SchemaNode node) {
    return node.node() instanceof YScalar s ? String.valueOf(s.value()) : "";
  }
}
