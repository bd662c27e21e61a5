package io.runbook.yaml;

import io.runbook.source.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record YList(List<YNode> items, SourcePosition position) implements YNode {

  public YList {
    items = List.copyOf(items);
  }

  @Override
  public Object toPlain() {
    List<Object> out = new ArrayList<>(items.size());
    for (YNode item : items) {
      out.add(item.toPlain());
    }
    return out;
  }

  @Override
  public String describe() {
    return "a list";
  }
}
