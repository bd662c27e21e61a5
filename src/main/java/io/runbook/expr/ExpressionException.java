package io.runbook.expr;

import io.runbook.source.SourcePosition;

/** PLACEHOLDER API for the expr helper to replace. */
public final class ExpressionException extends RuntimeException {
  private final SourcePosition position;

  public ExpressionException(SourcePosition position, String message) {
    super(message);
    this.position = position;
  }

  public SourcePosition position() {
    return position;
  }
}
