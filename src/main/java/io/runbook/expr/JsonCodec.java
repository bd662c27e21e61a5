package io.runbook.expr;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jackson for the few places expressions need JSON (to_json, from_json, a list written into
 * text), made on first use: building it loads some hundreds of classes, which a lint or a run
 * that never needs JSON should not pay for at start.
 */
final class JsonCodec {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private JsonCodec() {}
}
