package io.runbook.expr;

/**
 * A mistake found inside an expression, at an offset of its text: thrown while compiling or by
 * the runtime while evaluating, and turned into an {@link ExpressionException} with the file
 * position by {@link Compiled} and {@link Expressions}.
 */
final class ExpressionError extends RuntimeException {
  final int offset;

  ExpressionError(int offset, String message) {
    super(message, null, false, false);
    this.offset = offset;
  }
}
