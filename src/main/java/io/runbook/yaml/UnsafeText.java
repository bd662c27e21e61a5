package io.runbook.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value tagged {@code !unsafe} in an inventory or a {@code group_vars}/{@code host_vars} file,
 * kept apart from plain strings so that it is never templated (the run reads it as its text), and
 * shown by {@code inventory --list} as Ansible shows it: {@code {"__ansible_unsafe": "..."}}.
 */
public record UnsafeText(String text) {

  @Override
  public String toString() {
    return text;
  }

  /** As JSON, Ansible's way: {@code {"__ansible_unsafe": "..."}}. */
  @com.fasterxml.jackson.annotation.JsonValue
  public Map<String, String> json() {
    return Map.of("__ansible_unsafe", text);
  }

  /** A YAML tree made plain, with {@code !unsafe} scalars as UnsafeText. */
  public static Object plain(YNode node) {
    if (node instanceof YScalar s) {
      return s.unsafe() ? new UnsafeText(s.text()) : s.value();
    }
    if (node instanceof YList l) {
      List<Object> out = new ArrayList<>(l.items().size());
      l.items().forEach(i -> out.add(plain(i)));
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    ((YMap) node).entries().forEach(e -> out.put(e.name(), plain(e.value())));
    return out;
  }
}
