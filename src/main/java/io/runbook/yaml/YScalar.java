package io.runbook.yaml;

import io.runbook.source.SourcePosition;

/**
 * A scalar with its YAML 1.1 type already resolved ({@code yes} is a boolean, {@code 0644} an
 * octal number) and its source text kept, so lint can warn about both.
 *
 * @param value    String, Long, Double, Boolean or null
 * @param text     the scalar as written, without quotes
 * @param quoted   whether it was quoted or a block scalar (so never implicitly typed)
 * @param position where the scalar starts, quote included
 * @param unsafe   tagged {@code !unsafe}, as in Ansible: text that is never templated
 */
public record YScalar(Object value, String text, boolean quoted, SourcePosition position, boolean unsafe)
    implements YNode {

  public YScalar(Object value, String text, boolean quoted, SourcePosition position) {
    this(value, text, quoted, position, false);
  }

  public static YScalar of(Object value, SourcePosition at) {
    return new YScalar(value, String.valueOf(value), !(value instanceof String), at);
  }

  /** Where the scalar's text starts: after the opening quote of a quoted scalar. */
  public SourcePosition contentPosition() {
    return quoted && value instanceof String ? position.shift(1) : position;
  }

  public boolean isString() {
    return value instanceof String;
  }

  public boolean isNull() {
    return value == null;
  }

  @Override
  public Object toPlain() {
    return value;
  }

  @Override
  public String describe() {
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Number) {
      return "a number";
    }
    return "a string";
  }

  @Override
  public String toString() {
    return text;
  }
}
