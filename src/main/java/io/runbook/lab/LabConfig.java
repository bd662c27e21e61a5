package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The part of TOML the lab's config files use: {@code [section]} headers (dotted too) and
 * {@code key = value} lines with strings, numbers and booleans; {@code #} comments. A key is
 * looked up as {@code section.key}, top-level keys by their name.
 */
final class LabConfig {
  private final Map<String, String> values = new HashMap<>();

  private LabConfig() {}

  static LabConfig read(String file) throws IOException {
    LabConfig c = new LabConfig();
    if (file == null || !Files.exists(Path.of(file))) {
      return c;
    }
    String section = "";
    int lineNo = 0;
    for (String raw : Files.readAllLines(Path.of(file))) {
      lineNo++;
      String line = stripComment(raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("[")) {
        section = line.replaceAll("^\\[+|\\]+$", "").strip() + ".";
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IOException(file + ":" + lineNo + ": expected 'key = value'");
      }
      String key = line.substring(0, eq).strip().replaceAll("^\"|\"$", "");
      c.values.put(section + key, unquote(line.substring(eq + 1).strip()));
    }
    return c;
  }

  private static String stripComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == '#' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static String unquote(String v) {
    if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  String string(String key, String fallback) {
    return values.getOrDefault(key, fallback);
  }

  double number(String key, double fallback) {
    String v = values.get(key);
    return v == null ? fallback : Double.parseDouble(v.replace("_", ""));
  }

  boolean bool(String key, boolean fallback) {
    String v = values.get(key);
    return v == null ? fallback : Boolean.parseBoolean(v);
  }
}
