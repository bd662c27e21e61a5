package io.runbook.lint;

import io.runbook.source.SourcePosition;

/** One problem a rule found: which rule, where, what, and how much it counts. */
public record Finding(String rule, SourcePosition at, String message, Level level) {
  public Finding withLevel(Level newLevel) {
    return new Finding(rule, at, message, newLevel);
  }
}
