package io.runbook.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -e} values as ansible-playbook takes them: {@code k=v k2='v 2'} (strings), a JSON
 * object, or {@code @file} (YAML or JSON). Later options win.
 */
public final class ExtraVars {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ExtraVars() {}

  public static Map<String, Object> parse(List<String> options) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String option : options) {
      vars.putAll(parseOne(option));
    }
    return vars;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parseOne(String option) {
    SourcePosition at = SourcePosition.none("-e " + option);
    String text = option.trim();
    if (text.startsWith("@")) {
      Path file = Path.of(text.substring(1));
      YNode root = YamlReader.read(file);
      Object plain = root.toPlain();
      if (plain == null) {
        return Map.of();
      }
      if (!(plain instanceof Map)) {
        throw new InvalidInputException(root.position(), "an extra-vars file must be a mapping of names to values");
      }
      return (Map<String, Object>) plain;
    }
    if (text.startsWith("{")) {
      try {
        return JSON.readValue(text, LinkedHashMap.class);
      } catch (JsonProcessingException e) {
        throw new InvalidInputException(at, "-e is not valid JSON: " + e.getOriginalMessage());
      }
    }
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String word : words(text, at)) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException(at, "-e takes key=value pairs, a JSON object or @file, not '" + word + "'");
      }
      String key = word.substring(0, eq);
      if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new InvalidInputException(at, "'" + key + "' is not a valid variable name");
      }
      vars.put(key, word.substring(eq + 1));
    }
    return vars;
  }

  /** Shell-like words: quotes group, backslash escapes, no expansion. */
  static List<String> words(String text, SourcePosition at) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          cur.append(text.charAt(++i));
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else if (c == '\\' && i + 1 < text.length()) {
        cur.append(text.charAt(++i));
        inWord = true;
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new InvalidInputException(at, "unterminated quote in -e");
    }
    if (inWord) {
      out.add(cur.toString());
    }
    return out;
  }
}
