package io.runbook.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import io.runbook.source.SourcePosition;
import java.io.IOException;

/**
 * A value bound from YAML with the place it starts at, so that checks made after binding (a
 * missing host, a duplicate instance) still name {@code file:line:col}.
 */
@JsonDeserialize(using = Located.Reader.class)
record Located<T>(T value, SourcePosition at) {
  /** The context attribute holding the file name that positions are given in. */
  static final String FILE = "runbook.file";

  /** Where Jackson's {@code location} is in {@code file}: both are 1-based. */
  static SourcePosition position(String file, JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return new SourcePosition(file, 1, 1);
    }
    return new SourcePosition(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** Notes where the value starts, then binds it as its declared type. */
  static final class Reader extends JsonDeserializer<Located<?>> implements ContextualDeserializer {
    private final JavaType valueType;

    Reader() {
      this(null);
    }

    private Reader(JavaType valueType) {
      this.valueType = valueType;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      JavaType located = ctxt.getContextualType() != null ? ctxt.getContextualType() : property.getType();
      return new Reader(located.containedType(0));
    }

    @Override
    public Located<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      SourcePosition at = position(String.valueOf(ctxt.getAttribute(FILE)), p.currentTokenLocation());
      return new Located<>(ctxt.readValue(p, valueType), at);
    }
  }
}
