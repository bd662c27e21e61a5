package io.runbook.lint.rules;

import io.runbook.expr.Expressions;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Where a task or play reads variables: guards (bare expressions) and {@code {{ }}} templates in
 * any string. Tells {@code found} each variable that is not {@code defined}, at its scalar.
 */
final class ExpressionSites {
  private static final Set<String> GUARDS = Set.of("when", "until", "failed_when", "changed_when");
  private static final Set<String> NESTED = Set.of("block", "rescue", "always");

  private final Expressions expressions;
  private final Set<String> defined;

  ExpressionSites(Expressions expressions, Set<String> defined) {
    this.expressions = expressions;
    this.defined = defined;
  }

  /** One task (or block, or import): its own keys, not the tasks nested in it. */
  void task(YMap task, BiConsumer<YNode, String> found) {
    for (YMap.Entry e : task.entries()) {
      if (NESTED.contains(e.name())) {
        continue;
      }
      if (GUARDS.contains(e.name())) {
        guards(e.value(), Set.of(), found);
      } else if ((e.name().equals("assert") || e.name().equals("ansible.builtin.assert"))
          && e.value() instanceof YMap args) {
        for (YMap.Entry a : args.entries()) {
          if (a.name().equals("that")) {
            guards(a.value(), Set.of(), found);
          } else {
            templates(a.value(), Set.of(), found);
          }
        }
      } else {
        templates(e.value(), Set.of(), found);
      }
    }
  }

  /** A play's invariants: {@code that} sees the probe's result as {@code probe}. */
  void invariants(YNode node, BiConsumer<YNode, String> found) {
    if (!(node instanceof YList list)) {
      return;
    }
    for (YNode item : list.items()) {
      if (item instanceof YMap inv) {
        guards(inv.get("that"), Set.of("probe"), found);
        inv.entries().stream().filter(e -> !e.name().equals("that"))
            .forEach(e -> templates(e.value(), Set.of(), found));
      }
    }
  }

  void guards(YNode node, Set<String> extra, BiConsumer<YNode, String> found) {
    if (node instanceof YScalar s && s.isString() && !Expressions.isTemplate(s.text())) {
      undefined(s.text(), extra, s, found);
    } else if (node instanceof YList l) {
      l.items().forEach(i -> guards(i, extra, found));
    }
  }

  void templates(YNode node, Set<String> extra, BiConsumer<YNode, String> found) {
    if (node instanceof YScalar s && s.isString()) {
      for (Expressions.Embedded part : Expressions.templateExpressions(s.text())) {
        undefined(part.expression(), extra, s, found);
      }
    } else if (node instanceof YList l) {
      l.items().forEach(i -> templates(i, extra, found));
    } else if (node instanceof YMap m) {
      m.entries().forEach(e -> templates(e.value(), extra, found));
    }
  }

  private void undefined(String expression, Set<String> extra, YScalar at, BiConsumer<YNode, String> found) {
    for (String name : expressions.rootVariables(expression)) {
      if (!defined.contains(name) && !extra.contains(name)) {
        found.accept(at, name);
      }
    }
  }
}
