package io.runbook.lint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML tree as JSON for a schema validator, with where each value and each mapping key was
 * written, by JSON pointer ({@code /0/tasks/2/serial}), so a finding can point at file:line:col.
 */
final class PositionedJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private final Map<String, SourcePosition> values = new HashMap<>();
  private final Map<String, SourcePosition> keys = new HashMap<>();
  private final Map<String, YNode> nodes = new HashMap<>();
  private final JsonNode json;

  PositionedJson(YNode root) {
    json = convert(root, "");
  }

  JsonNode json() {
    return json;
  }

  /** The YAML node at {@code pointer}, or null. */
  YNode node(String pointer) {
    return nodes.get(pointer);
  }

  /** Where the value at {@code pointer} was written, or the nearest enclosing value's place. */
  SourcePosition value(String pointer) {
    String p = pointer;
    while (!values.containsKey(p) && !p.isEmpty()) {
      p = p.substring(0, p.lastIndexOf('/'));
    }
    return values.get(p);
  }

  /** Where the key {@code name} of the mapping at {@code pointer} was written, or null. */
  SourcePosition key(String pointer, String name) {
    return keys.get(pointer + "/" + escape(name));
  }

  private JsonNode convert(YNode node, String pointer) {
    values.put(pointer, node.position());
    nodes.put(pointer, node);
    if (node instanceof YMap map) {
      ObjectNode out = JSON.objectNode();
      for (YMap.Entry e : map.entries()) {
        String child = pointer + "/" + escape(e.name());
        keys.put(child, e.key().position());
        out.set(e.name(), convert(e.value(), child));
      }
      return out;
    }
    if (node instanceof YList list) {
      ArrayNode out = JSON.arrayNode();
      for (int i = 0; i < list.items().size(); i++) {
        out.add(convert(list.items().get(i), pointer + "/" + i));
      }
      return out;
    }
    return scalar((YScalar) node);
  }

  private static JsonNode scalar(YScalar s) {
    Object v = s.value();
    if (v == null) {
      return JSON.nullNode();
    }
    if (v instanceof Boolean b) {
      return JSON.booleanNode(b);
    }
    if (v instanceof Long l) {
      return JSON.numberNode(l);
    }
    if (v instanceof Double d) {
      return JSON.numberNode(d);
    }
    return JSON.textNode(String.valueOf(v));
  }

  /** RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
