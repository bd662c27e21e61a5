package io.runbook.lint.rules;

import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import java.util.function.Consumer;

/** Walks a YAML tree: every node, map keys included, depth first in file order. */
final class Nodes {
  private Nodes() {}

  static void walk(YNode node, Consumer<YNode> visit) {
    if (node == null) {
      return;
    }
    visit.accept(node);
    if (node instanceof YMap m) {
      for (YMap.Entry e : m.entries()) {
        visit.accept(e.key());
        walk(e.value(), visit);
      }
    } else if (node instanceof YList l) {
      l.items().forEach(i -> walk(i, visit));
    }
  }

  /** Every mapping entry of the tree, with its key's name. */
  static void entries(YNode node, Consumer<YMap.Entry> visit) {
    if (node instanceof YMap m) {
      for (YMap.Entry e : m.entries()) {
        visit.accept(e);
        entries(e.value(), visit);
      }
    } else if (node instanceof YList l) {
      l.items().forEach(i -> entries(i, visit));
    }
  }
}
