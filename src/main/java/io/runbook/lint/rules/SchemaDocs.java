package io.runbook.lint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The schema files themselves as JSON, to read what a validation message's schema location
 * names: the keys an object allows (for "did you mean"), the actions a task may run.
 */
final class SchemaDocs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, JsonNode> FILES = new HashMap<>();

  private SchemaDocs() {}

  /** The schema node at {@code location}, e.g. {@code classpath:schemas/common.json#/definitions/play}. */
  static JsonNode at(String location) {
    int hash = location.indexOf('#');
    String file = location.substring(location.lastIndexOf('/', hash < 0 ? location.length() : hash) + 1,
        hash < 0 ? location.length() : hash);
    String pointer = hash < 0 ? "" : location.substring(hash + 1);
    return file(file).at(pointer);
  }

  private static synchronized JsonNode file(String name) {
    return FILES.computeIfAbsent(name, n -> {
      try (InputStream in = SchemaDocs.class.getResourceAsStream("/schemas/" + n)) {
        return in == null ? MissingNode.getInstance() : JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
