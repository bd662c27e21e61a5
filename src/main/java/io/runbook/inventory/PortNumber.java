package io.runbook.inventory;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A TiUP port field: a whole number from 1 to 65535, refused at its own place in the file when it
 * is anything else (a string, a fraction, 0, 70000).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@JacksonAnnotationsInside
@JsonDeserialize(using = PortNumber.Reader.class)
@interface PortNumber {

  /** Reads the port where the parser stands. */
  final class Reader extends StdDeserializer<Integer> {
    Reader() {
      super(Integer.class);
    }

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
        long n = p.getLongValue();
        if (n >= 1 && n <= 65535) {
          return (int) n;
        }
      }
      String shown = t == JsonToken.START_OBJECT ? "a mapping" : t == JsonToken.START_ARRAY ? "a list"
          : t == JsonToken.VALUE_STRING ? "'" + p.getText() + "'" : p.getText();
      throw JsonMappingException.from(p, "must be a port number from 1 to 65535, not " + shown);
    }
  }
}
