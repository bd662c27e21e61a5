package io.runbook.expr;

import io.runbook.source.SourcePosition;

/**
 * An expression or template that cannot be compiled or evaluated: a syntax error, an undefined
 * variable, something the sandbox refuses, or an evaluation that ran past its time bound. The
 * message is one line without the position; callers print {@code position(): message}.
 */
public final class ExpressionException extends RuntimeException {
  private final SourcePosition position;

  public ExpressionException(SourcePosition position, String message) {
    super(message, null, false, false);
    this.position = position;
  }

  public SourcePosition position() {
    return position;
  }
}
