package io.runbook.lint.rules;

/** An expression (guard, template) that does not compile, reported at the expression's own position. */
final class ExpressionSyntaxRule extends LoaderRule {
  ExpressionSyntaxRule() {
    super("expression-syntax", "an expression or template does not compile");
  }

  @Override
  String code() {
    return io.runbook.expr.Expressions.SYNTAX;
  }
}
