package io.runbook.inventory;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YamlReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads TiUP's {@code meta.yaml} into {@link TiupMeta} with Jackson's YAML binding, safely: a code
 * point and nesting limit, duplicate keys refused, and aliases refused (TiUP never writes one, and
 * Jackson would read {@code *name} as the text "name" rather than expand it). Every mistake is an
 * {@link InvalidInputException} at {@code file:line:col}.
 */
final class TiupMetaReader {
  private static final ObjectReader READER = reader();

  private TiupMetaReader() {}

  private static ObjectReader reader() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(YamlReader.MAX_CODE_POINTS);
    options.setAllowDuplicateKeys(true); // refused by Checked, at the key rather than after it
    YAMLFactory factory = YAMLFactory.builder().loaderOptions(options)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(YamlReader.MAX_DEPTH + 1).build())
        .build(); // the depth limit is a backstop: Checked refuses a level too deep first, at its place
    ObjectMapper mapper = new ObjectMapper(factory)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
    mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    return mapper.readerFor(TiupMeta.class);
  }

  /** The meta in {@code text}; {@code file} names it in positions. Null for an empty file. */
  static TiupMeta read(String text, String file) {
    try (JsonParser p = new Checked(READER.getFactory().createParser(text))) {
      return READER.withAttribute(Located.FILE, file).readValue(p);
    } catch (IOException e) {
      throw refusal(file, e);
    }
  }

  private static InvalidInputException refusal(String file, IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Refused r) {
        return new InvalidInputException(Located.position(file, r.getLocation()), r.getOriginalMessage());
      }
      if (t instanceof MarkedYAMLException m) {
        Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
        SourcePosition at = mark == null ? new SourcePosition(file, 1, 1)
            : new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
        String problem = m.getProblem() != null ? m.getProblem() : m.getMessage();
        return new InvalidInputException(at, "invalid YAML: " + problem.lines().findFirst().orElse("").strip());
      }
    }
    if (e instanceof InvalidNullException n) {
      return refusal(file, n, "is empty: an instance is a mapping with at least 'host'");
    } else if (e instanceof MismatchedInputException m && m.getOriginalMessage().startsWith("Trailing token")) {
      return new InvalidInputException(Located.position(file, m.getLocation()),
          "a TiUP meta.yaml is one YAML document; a second one starts here");
    } else if (e instanceof MismatchedInputException m) {
      boolean ours = m.getTargetType() == null || m.getOriginalMessage().startsWith("must be");
      return refusal(file, m, ours ? m.getOriginalMessage() : "must be " + expected(m.getTargetType()));
    } else if (e instanceof JsonMappingException m) {
      return refusal(file, m, m.getOriginalMessage());
    } else if (e instanceof JsonProcessingException j) {
      String message = j.getOriginalMessage().lines().findFirst().orElse("").strip();
      return new InvalidInputException(Located.position(file, j.getLocation()), "invalid YAML: " + message);
    }
    return new InvalidInputException(SourcePosition.none(file), "cannot read: " + e.getMessage());
  }

  private static InvalidInputException refusal(String file, JsonMappingException e, String message) {
    String path = e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining()).replaceFirst("^\\.", "");
    String what = path.isEmpty() ? "a TiUP meta.yaml" : "'" + path + "'";
    if (path.isEmpty() && message.startsWith("must be a mapping")) {
      message = "is a mapping with 'user', 'tidb_version' and 'topology'";
    }
    return new InvalidInputException(Located.position(file, e.getLocation()), what + " " + message);
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class) {
      return "a whole number";
    } else if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    } else if (type == String.class) {
      return "a single value (text)";
    } else if (type.isEnum()) {
      return java.util.Arrays.stream(type.getEnumConstants())
          .map(c -> "'" + c.toString().toLowerCase(java.util.Locale.ROOT) + "'").collect(Collectors.joining(" or "));
    } else if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping";
  }

  /** An alias or a duplicate key, at the token that is one. */
  private static final class Refused extends JsonParseException {
    Refused(JsonParser p, String message) {
      super(p, message, p.currentTokenLocation());
    }
  }

  /**
   * Refuses an alias, a key given twice in one mapping and nesting deeper than YamlReader's limit
   * where the parser meets them, at the alias, the second key or the level too deep.
   */
  private static final class Checked extends JsonParserDelegate {
    private final Deque<Set<String>> keys = new ArrayDeque<>();
    private int depth;

    Checked(JsonParser yaml) {
      super(yaml);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = super.nextToken();
      if (((YAMLParser) delegate).isCurrentAlias()) {
        throw new Refused(this, "'" + path() + "' is an alias (*" + getText()
            + "), which TiUP never writes: write the value out");
      }
      if (t != null && t.isStructStart() && ++depth > YamlReader.MAX_DEPTH) {
        throw new Refused(this, "invalid YAML: nested deeper than " + YamlReader.MAX_DEPTH + " levels");
      } else if (t != null && t.isStructEnd()) {
        depth--;
      }
      if (t == JsonToken.START_OBJECT) {
        keys.push(new HashSet<>());
      } else if (t == JsonToken.END_OBJECT) {
        keys.pop();
      } else if (t == JsonToken.FIELD_NAME && !keys.peek().add(currentName())) {
        throw new Refused(this, "invalid YAML: duplicate key '" + currentName() + "'");
      }
      return t;
    }

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken t = nextToken();
      return t == JsonToken.FIELD_NAME ? nextToken() : t;
    }

    /** Where the parser is, as {@code topology.pump_servers[0].port}. */
    private String path() {
      return getParsingContext().pathAsPointer().toString().replaceFirst("^/", "")
          .replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }
  }
}
