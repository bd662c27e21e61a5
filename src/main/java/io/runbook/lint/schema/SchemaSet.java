package io.runbook.lint.schema;

import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import io.runbook.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * JSON Schema files (draft-07) read as YAML trees (JSON is YAML), each once, and the
 * {@code $ref}s between them. Only the keywords {@link SchemaValidator} implements are allowed:
 * a schema using another is refused when read, rather than half-checked.
 */
public final class SchemaSet {
  /** Keywords that hold one subschema. */
  static final Set<String> SUBSCHEMA = Set.of("items", "additionalProperties", "propertyNames",
      "not", "if", "then", "else");
  /** Keywords that hold a list of subschemas. */
  static final Set<String> SUBSCHEMA_LISTS = Set.of("anyOf", "oneOf", "allOf");
  /** Keywords that hold subschemas by name. */
  static final Set<String> SUBSCHEMA_MAPS = Set.of("properties", "definitions");
  /** Keywords with a plain value: assertions, references and annotations. */
  static final Set<String> VALUES = Set.of("$ref", "type", "enum", "const", "required",
      "minProperties", "maxProperties", "minItems", "maxItems", "pattern", "minLength",
      "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "$schema", "$id",
      "$comment", "title", "description", "default", "examples");

  private final Function<String, String> texts;
  private final Map<String, YNode> documents = new ConcurrentHashMap<>();

  /** {@code texts} gives a schema file's text by name, or null when there is no such file. */
  public SchemaSet(Function<String, String> texts) {
    this.texts = texts;
  }

  /** The schema files in a folder of the class path, e.g. {@code /schemas/}. */
  public static SchemaSet onClassPath(String folder) {
    return new SchemaSet(name -> {
      try (InputStream in = SchemaSet.class.getResourceAsStream(folder + name)) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The whole schema of a file. */
  public SchemaNode root(String file) {
    return new SchemaNode(file, "", document(file));
  }

  /** Where {@code ref} ({@code #/definitions/x} or {@code other.json#/definitions/x}) leads. */
  SchemaNode resolve(SchemaNode from, String ref) {
    int hash = ref.indexOf('#');
    String file = hash == 0 ? from.file() : hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    YNode node = document(file);
    if (!pointer.isEmpty()) {
      for (String segment : pointer.substring(1).split("/", -1)) {
        String name = SchemaNode.unescape(segment);
        node = node instanceof YMap m ? m.get(name)
            : node instanceof YList l && name.matches("\\d+") && Integer.parseInt(name) < l.items().size()
                ? l.items().get(Integer.parseInt(name)) : null;
        if (node == null) {
          throw new SchemaException(from.location() + ": $ref '" + ref + "' leads nowhere");
        }
      }
    }
    return new SchemaNode(file, pointer, node);
  }

  private YNode document(String file) {
    return documents.computeIfAbsent(file, name -> {
      String text = texts.apply(name);
      if (text == null) {
        throw new SchemaException("no schema file '" + name + "'");
      }
      YNode root = YamlReader.parse(text, name);
      checkKeywords(root);
      return root;
    });
  }

  private static void checkKeywords(YNode schema) {
    if (schema instanceof YScalar s && s.value() instanceof Boolean) {
      return;
    }
    if (!(schema instanceof YMap map)) {
      throw new SchemaException(schema.position() + ": a schema must be a mapping or true/false");
    }
    for (YMap.Entry e : map.entries()) {
      String keyword = e.name();
      if (SUBSCHEMA.contains(keyword)) {
        checkKeywords(e.value());
      } else if (SUBSCHEMA_LISTS.contains(keyword) && e.value() instanceof YList list) {
        list.items().forEach(SchemaSet::checkKeywords);
      } else if (SUBSCHEMA_MAPS.contains(keyword) && e.value() instanceof YMap byName) {
        byName.entries().forEach(named -> checkKeywords(named.value()));
      } else if (!VALUES.contains(keyword)) {
        throw new SchemaException(e.key().position() + ": schema keyword '" + keyword
            + "' is not one runbook's validator implements");
      }
    }
  }

  /** A schema file runbook cannot use: a bug in the bundled schemas, found by their tests. */
  public static final class SchemaException extends IllegalStateException {
    SchemaException(String message) {
      super(message);
    }
  }
}
