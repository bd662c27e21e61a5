package io.runbook.lab;

import java.util.HashMap;
import java.util.Map;

/**
 * Command-line flags the way the Go binaries take them: {@code --name=value}, {@code --name value},
 * {@code -P 4000}, and bare switches such as {@code -V} or {@code --enable-binlog}.
 */
final class Flags {
  private final Map<String, String> values = new HashMap<>();

  Flags(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("-")) {
        throw new IllegalArgumentException("unexpected argument '" + a + "'");
      }
      String name = a.replaceFirst("^--?", "");
      int eq = name.indexOf('=');
      if (eq >= 0) {
        values.put(name.substring(0, eq), name.substring(eq + 1));
      } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
        values.put(name, args[++i]);
      } else {
        values.put(name, "true");
      }
    }
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  String required(String name) {
    String v = values.get(name);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("flag --" + name + " is required");
    }
    return v;
  }

  int port(String name, int fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    return Integer.parseInt(v.contains(":") ? v.substring(v.lastIndexOf(':') + 1) : v);
  }

  boolean bool(String name) {
    return Boolean.parseBoolean(values.getOrDefault(name, "false"));
  }
}
