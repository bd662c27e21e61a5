package io.runbook.schemas;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbook.action.Action;
import io.runbook.action.ActionRegistry;
import io.runbook.action.ArgSpec;
import java.util.List;

/**
 * Writes schemas/actions.json from the actions' own {@link ArgSpec}s, so that the schema and
 * what the loader checks cannot drift: an argument object per action (closed unless the action
 * takes any variable name), and a plain string where the action takes a free-form one.
 */
final class ActionSchemas {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String COMMON = "common.json#/definitions/";

  private ActionSchemas() {}

  static String generate(ActionRegistry registry) throws Exception {
    ObjectNode root = JSON.objectNode();
    root.put("$schema", "http://json-schema.org/draft-07/schema#");
    root.put("title", "runbook actions: the arguments each takes");
    root.put("description", "Generated from the actions' argument specs by SchemasTests"
        + " (mvn test -Dtest=SchemasTests -Dschemas.update=true); do not edit");
    ObjectNode definitions = root.putObject("definitions");
    for (String name : registry.names()) {
      definitions.set(name, action(registry.get(name)));
    }
    return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static ObjectNode action(Action action) {
    ArgSpec spec = action.spec();
    ObjectNode args = JSON.objectNode();
    args.put("type", "object");
    ObjectNode properties = args.putObject("properties");
    spec.args().values().stream().sorted(java.util.Comparator.comparing(ArgSpec.Arg::name))
        .forEach(a -> properties.set(a.name(), argument(a)));
    List<String> required = spec.args().values().stream().filter(ArgSpec.Arg::required)
        .map(ArgSpec.Arg::name).sorted().toList();
    if (!required.isEmpty()) {
      ArrayNode r = args.putArray("required");
      required.forEach(r::add);
    }
    if (spec.openKeys()) {
      args.putObject("propertyNames").put("pattern", "^[A-Za-z_][A-Za-z0-9_]*$");
    } else {
      args.put("additionalProperties", false);
    }
    ArrayNode otherwise = JSON.arrayNode();
    if (spec.freeForm() != null) {
      otherwise.add("string").add("number").add("boolean");
    }
    if (required.isEmpty()) {
      otherwise.add("null");
    }
    if (otherwise.isEmpty()) {
      return args;
    }
    ObjectNode choice = JSON.objectNode();
    choice.put("description", spec.freeForm() == null ? "The arguments, or nothing"
        : "The arguments, or a string that stands for '" + spec.freeForm() + "'");
    choice.putObject("if").put("type", "object");
    choice.set("then", args);
    choice.putObject("else").set("type", otherwise);
    return choice;
  }

  private static ObjectNode argument(ArgSpec.Arg arg) {
    ObjectNode out = JSON.objectNode();
    if (!arg.choices().isEmpty()) {
      ArrayNode any = out.putArray("anyOf");
      ArrayNode values = any.addObject().putArray("enum");
      arg.choices().forEach(values::add);
      any.addObject().put("$ref", COMMON + "template");
      return out;
    }
    switch (arg.type()) {
      case ANY -> { }
      case STRING -> out.put("$ref", COMMON + "string");
      case INT -> out.put("$ref", COMMON + "integer");
      case NUMBER -> out.put("$ref", COMMON + "number");
      case BOOL -> out.put("$ref", COMMON + "boolean");
      case LIST -> out.putArray("type").add("array").add("string");
      case MAP -> out.putArray("anyOf").add(JSON.objectNode().put("type", "object"))
          .add(JSON.objectNode().put("$ref", COMMON + "template"));
      default -> throw new IllegalStateException(arg.type().name());
    }
    return out;
  }
}
