package io.runbook.exec;

import io.runbook.expr.Expressions;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.List;
import java.util.Map;

/** Evaluates guard lists: every guard must hold (an empty list holds). */
final class Guards {
  private Guards() {}

  static boolean allHold(Expressions expressions, List<YNode> guards, Map<String, Object> vars) {
    for (YNode guard : guards) {
      if (!holds(expressions, guard, vars)) {
        return false;
      }
    }
    return true;
  }

  static boolean holds(Expressions expressions, YNode guard, Map<String, Object> vars) {
    if (guard instanceof YScalar s && s.isString()) {
      String text = s.text().trim();
      if (text.startsWith("{{") && text.endsWith("}}")) {
        // Tolerated with a load-time warning: a guard written as a template.
        return Expressions.truthy(expressions.render(guard, vars));
      }
      return expressions.test(s.text(), s.contentPosition(), vars);
    }
    return Expressions.truthy(guard.toPlain());
  }

  /** The first guard that does not hold, as written, for messages. */
  static String describe(List<YNode> guards) {
    return guards.size() == 1 ? String.valueOf(guards.get(0).toPlain())
        : String.join(" and ", guards.stream().map(g -> "(" + g.toPlain() + ")").toList());
  }
}
