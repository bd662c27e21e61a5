package io.runbook.lint.rules;

import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The guards of a task or block: bare expressions, one scalar each (a list means all). */
final class Guards {
  static final Set<String> KEYS = Set.of("when", "until", "failed_when", "changed_when");

  private Guards() {}

  static List<YScalar> of(TaskSite site) {
    List<YScalar> out = new ArrayList<>();
    for (YMap.Entry e : site.task().entries()) {
      if (KEYS.contains(e.name())) {
        add(e.value(), out);
      }
    }
    if (site.actionName().equals("assert")) {
      add(site.arg("that"), out);
    }
    return out;
  }

  private static void add(YNode node, List<YScalar> out) {
    if (node instanceof YScalar s && s.isString()) {
      out.add(s);
    } else if (node instanceof YList l) {
      l.items().forEach(i -> add(i, out));
    }
  }
}
