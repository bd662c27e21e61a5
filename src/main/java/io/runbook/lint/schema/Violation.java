package io.runbook.lint.schema;

import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.List;

/**
 * One way a document breaks its schema.
 *
 * @param keyword      the schema keyword that failed ({@code type}, {@code required}, ...)
 * @param instance     the document's value it is about
 * @param pointer      where that value is in the document, as a JSON pointer ({@code /0/serial})
 * @param schema       the schema the keyword belongs to
 * @param property     the key it names, for {@code required}, {@code additionalProperties} and
 *                     {@code propertyNames}; else null
 * @param key          where that key is written, when the document has it; else null
 * @param message      a plain description ("must have at least 1 item"), for keywords a reader
 *                     of findings does not word better itself
 * @param alternatives for a failed {@code anyOf}, how each of its branches failed; else empty
 */
public record Violation(String keyword, YNode instance, String pointer, SchemaNode schema,
    String property, YScalar key, String message, List<Violation> alternatives) {

  /** The value of the failed keyword in the schema: the enum's values, the type's names. */
  public YNode rule() {
    SchemaNode value = schema.get(keyword);
    return value == null ? null : value.node();
  }
}
