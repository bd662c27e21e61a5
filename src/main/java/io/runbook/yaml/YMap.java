package io.runbook.yaml;

import io.runbook.source.SourcePosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping whose keys are scalars, in the order written. Keys are unique. */
public record YMap(List<Entry> entries, SourcePosition position) implements YNode {

  /** One key and its value. */
  public record Entry(YScalar key, YNode value) {
    public String name() {
      return key.text();
    }
  }

  public YMap {
    entries = List.copyOf(entries);
  }

  public Optional<Entry> entry(String key) {
    for (Entry e : entries) {
      if (e.name().equals(key)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The value under {@code key}, or null when absent. */
  public YNode get(String key) {
    return entry(key).map(Entry::value).orElse(null);
  }

  public boolean has(String key) {
    return entry(key).isPresent();
  }

  @Override
  public Object toPlain() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Entry e : entries) {
      out.put(e.name(), e.value().toPlain());
    }
    return out;
  }

  @Override
  public String describe() {
    return "a mapping";
  }
}
