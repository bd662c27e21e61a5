package io.runbook.load;

import io.runbook.expr.Expressions;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.List;

/** Compiles guards and templates at load time so that a typo stops the run before it starts. */
final class GuardChecker {
  private final NodeReader in;
  private final Expressions expressions;

  GuardChecker(NodeReader in, Expressions expressions) {
    this.in = in;
    this.expressions = expressions;
  }

  /** Checks each guard (a bare expression, or a boolean) and returns them unchanged. */
  List<YNode> check(List<YNode> guards) {
    for (YNode g : guards) {
      if (g instanceof YScalar s && s.isString()) {
        String text = s.text().trim();
        if (text.startsWith("{{") && text.endsWith("}}")) {
          in.diagnostics().add(io.runbook.source.Diagnostic.warning(s.position(), "a guard is a bare"
              + " expression: write " + text.substring(2, text.length() - 2).trim() + " without {{ }}")
              .withCode("when-braces"));
          expressions.checkTemplates(s).forEach(in.diagnostics()::add);
        } else if (text.contains("{{")) {
          // Ansible would template it first; here it would compare with the literal text.
          in.error("when-braces", s, "a guard is a bare expression and is not templated: write the variable"
              + " itself (x == other_var), not '{{ other_var }}'");
        } else {
          expressions.checkExpression(s.text(), s.contentPosition()).forEach(in.diagnostics()::add);
        }
      } else if (!(g instanceof YScalar)) {
        in.error(g, "a guard must be an expression or a list of expressions, not " + g.describe());
      }
    }
    return guards;
  }

  /** Checks every {@code {{ }}} inside a node tree. */
  void templates(YNode node) {
    expressions.checkTemplates(node).forEach(in.diagnostics()::add);
  }
}
