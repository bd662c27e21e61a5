package io.runbook.inventory;

import io.runbook.source.Diagnostics;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.UnsafeText;
import io.runbook.yaml.YMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ansible_port} is a port number (or a template giving one): anything else is refused when
 * the inventory loads, where Ansible takes it and fails on the first connection to the host.
 */
final class PortCheck {
  static final String KEY = "ansible_port";

  private PortCheck() {}

  /** Reports {@code value} at {@code at} unless it is a port or a template. */
  static void check(Object value, SourcePosition at, Diagnostics diagnostics) {
    boolean template = value instanceof String s && s.contains("{{"); // !unsafe text is not one
    String text = value instanceof String || value instanceof UnsafeText ? value.toString().strip() : null;
    if (template || value instanceof Long n && port(n) || text != null && text.matches("\\d{1,5}")
        && port(Long.parseLong(text))) {
      return;
    }
    String shown = value instanceof List ? "a list" : value instanceof Map ? "a mapping"
        : text != null ? "'" + text + "'" : String.valueOf(value);
    diagnostics.error(at, "'" + KEY + "' must be a port number from 1 to 65535, not " + shown);
  }

  /** The same for the {@code ansible_port} of a YAML mapping of variables, at its value. */
  static void check(YMap vars, Diagnostics diagnostics) {
    vars.entry(KEY).ifPresent(e -> check(UnsafeText.plain(e.value()), e.value().position(), diagnostics));
  }

  private static boolean port(long n) {
    return n >= 1 && n <= 65535;
  }
}
