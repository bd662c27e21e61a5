package io.runbook.lint.schema;

import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;

/**
 * A schema (or a keyword's value) inside one schema file, with where it sits:
 * {@code common.json#/definitions/play/properties/serial}. The place names what a finding is
 * about ("a play keyword") and anchors relative {@code $ref}s.
 */
public record SchemaNode(String file, String pointer, YNode node) {
  /** {@code file#pointer}, as a {@code $ref} would name it. */
  public String location() {
    return file + "#" + pointer;
  }

  /** The value of {@code keyword} in this schema, or null when it has none. */
  public SchemaNode get(String keyword) {
    YNode value = node instanceof YMap m ? m.get(keyword) : null;
    return value == null ? null : child(keyword, value);
  }

  SchemaNode child(String segment, YNode value) {
    return new SchemaNode(file, pointer + "/" + escape(segment), value);
  }

  /** RFC 6901: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  public static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }
}
