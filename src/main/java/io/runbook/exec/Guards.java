package io.runbook.exec;

import io.runbook.expr.Expressions;
import io.runbook.model.Guard;
import java.util.List;
import java.util.Map;

/** Evaluates guard lists, compiled when the playbook loaded: every guard must hold (an empty list holds). */
final class Guards {
  private Guards() {}

  static boolean allHold(Expressions expressions, List<Guard> guards, Map<String, Object> vars) {
    for (Guard guard : guards) {
      if (!holds(expressions, guard, vars)) {
        return false;
      }
    }
    return true;
  }

  static boolean holds(Expressions expressions, Guard guard, Map<String, Object> vars) {
    if (guard.compiled() == null) {
      return Expressions.truthy(guard.constant());
    }
    return expressions.test(guard.compiled(), guard.position(), vars);
  }

  /** The guards as written, for messages. */
  static String describe(List<Guard> guards) {
    return guards.size() == 1 ? guards.get(0).text()
        : String.join(" and ", guards.stream().map(g -> "(" + g.text() + ")").toList());
  }
}
