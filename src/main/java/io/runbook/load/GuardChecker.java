package io.runbook.load;

import io.runbook.expr.Compiled;
import io.runbook.expr.ExpressionException;
import io.runbook.expr.Expressions;
import io.runbook.model.Guard;
import io.runbook.model.Rule;
import io.runbook.model.Value;
import io.runbook.source.Diagnostic;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles guards and templates at load time, so that a typo stops the run before it starts and
 * the run evaluates what was compiled here.
 */
final class GuardChecker {
  private final NodeReader in;
  private final Expressions expressions;

  GuardChecker(NodeReader in, Expressions expressions) {
    this.in = in;
    this.expressions = expressions;
  }

  /** Compiles each guard (a bare expression, or a constant); mistakes go to the diagnostics. */
  List<Guard> check(List<YNode> guards) {
    List<Guard> out = new ArrayList<>();
    for (YNode g : guards) {
      if (g instanceof YScalar s && s.isString()) {
        Guard guard = guard(s);
        if (guard != null) {
          out.add(guard);
        }
      } else if (g instanceof YScalar s) {
        out.add(Guard.constant(s.value(), s.position()));
      } else {
        in.error(g, "a guard must be an expression or a list of expressions, not " + g.describe());
      }
    }
    return out;
  }

  private Guard guard(YScalar s) {
    String text = s.text().trim();
    List<Expressions.Embedded> parts = Expressions.templateExpressions(s.text());
    boolean template = text.startsWith("{{") && text.endsWith("}}") && parts.size() == 1;
    if (template) {
      in.diagnostics().add(Diagnostic.warning(s.position(), "a guard is a bare expression: write "
          + text.substring(2, text.length() - 2).trim() + " without {{ }}").withCode("when-braces"));
    } else if (text.contains("{{")) {
      // Ansible would template it first; here it would compare with the literal text.
      in.error("when-braces", s, "a guard is a bare expression and is not templated: write the variable"
          + " itself (x == other_var), not '{{ other_var }}'");
      return null;
    }
    // A guard written as one whole template is its inside, compiled as a template part.
    SourcePosition at = template ? s.contentPosition().shift(parts.get(0).offset()) : s.contentPosition();
    try {
      Compiled compiled = template ? expressions.compile(parts.get(0).expression(), true, at)
          : expressions.compile(s.text(), false, at);
      in.names().read(compiled.rootVariables(), at);
      return new Guard(s.text(), at, compiled, null);
    } catch (ExpressionException e) {
      in.diagnostics().add(Diagnostic.error(e.position(), e.getMessage()).withCode(Expressions.SYNTAX));
      return null;
    }
  }

  /**
   * A keyword's value: a literal checked by {@code rule} now, or a template compiled now and
   * checked by the same rule when it is rendered. Null, with the error, when the literal breaks it.
   */
  <T> Value<T> value(YNode node, Rule<T> rule) {
    if (node instanceof YScalar s && s.isString() && !s.unsafe() && Expressions.isTemplate(s.text())) {
      templates(node);
      return new Value.Template<>(s.text(), s.contentPosition(), rule);
    }
    try {
      return Value.of(rule.read(node.toPlain()));
    } catch (Rule.Refused e) {
      in.error(node, e.getMessage());
      return null;
    }
  }

  /** Checks every {@code {{ }}} inside a node tree, noting the variables each reads. */
  void templates(YNode node) {
    List<Diagnostic> problems = expressions.checkTemplates(node);
    problems.forEach(in.diagnostics()::add);
    if (problems.isEmpty()) {
      reads(node);
    }
  }

  private void reads(YNode node) {
    if (node instanceof YScalar s && s.isString() && !s.unsafe() && Expressions.isTemplate(s.text())) {
      for (Expressions.Embedded part : Expressions.templateExpressions(s.text())) {
        in.names().read(expressions.rootVariables(part.expression(), true), s.contentPosition().shift(part.offset()));
      }
    } else if (node instanceof io.runbook.yaml.YList l) {
      l.items().forEach(this::reads);
    } else if (node instanceof io.runbook.yaml.YMap m) {
      m.entries().forEach(e -> reads(e.value()));
    }
  }
}
