package io.runbook.exec;

import io.runbook.action.ShellScript;
import io.runbook.expr.Expressions;
import io.runbook.model.ActionTask;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a task's arguments for one host. A {@code shell} script is the one place where a
 * templated value could change a command's meaning, so there every interpolated value becomes
 * one shell word with its text unchanged, quoted for the place it stands in
 * ({@link ShellScript}), unless the task says {@code interpolate: raw}.
 */
final class ArgRenderer {
  private ArgRenderer() {}

  static Map<String, Object> render(Expressions expressions, ActionTask task, Map<String, Object> vars) {
    Map<String, Object> out = new LinkedHashMap<>();
    boolean quoteShell = task.action().equals("shell") && !isRaw(task.args());
    for (YMap.Entry e : task.args().entries()) {
      if (task.action().equals("assert") && e.name().equals("that")) {
        out.put(e.name(), e.value().toPlain()); // guards: evaluated by the action itself
      } else if (quoteShell && e.name().equals("cmd") && e.value() instanceof YScalar s && s.isString()) {
        List<ShellScript.Slot> slots = ShellScript.slots(Expressions.templateLiterals(s.text()));
        out.put(e.name(), expressions.renderString(s.text(), s.contentPosition(), vars,
            (part, value) -> slots.get(part).write(value)));
      } else {
        out.put(e.name(), expressions.render(e.value(), vars));
      }
    }
    return withoutOmitted(out);
  }

  /** Ansible's omit: an argument (or an item or key inside one) whose value is omit is left out. */
  @SuppressWarnings("unchecked")
  private static <T> T withoutOmitted(T value) {
    if (value instanceof Map<?, ?> m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        if (v != io.runbook.expr.Omit.VALUE) {
          out.put(k, withoutOmitted(v));
        }
      });
      return (T) out;
    }
    if (value instanceof List<?> l) {
      return (T) l.stream().filter(v -> v != io.runbook.expr.Omit.VALUE).map(ArgRenderer::withoutOmitted).toList();
    }
    return value;
  }

  private static boolean isRaw(YMap args) {
    YNode mode = args.get("interpolate");
    return mode instanceof YScalar s && "raw".equals(s.text());
  }
}
