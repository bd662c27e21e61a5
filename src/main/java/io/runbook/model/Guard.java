package io.runbook.model;

import io.runbook.expr.Compiled;
import io.runbook.source.SourcePosition;

/**
 * One guard of {@code when}, {@code until}, {@code failed_when}, {@code changed_when} or an
 * invariant's {@code that}, as the loader compiled it: the run evaluates this compiled form, it
 * never parses the text again.
 *
 * @param text the guard as written, for messages
 * @param position where its text starts
 * @param compiled the expression; null for a constant guard such as {@code when: false}
 *     (written as one {@code {{ }}} template, its inside is what was compiled)
 * @param constant the value of a constant guard
 */
public record Guard(String text, SourcePosition position, Compiled compiled, Object constant) {

  public static Guard constant(Object value, SourcePosition at) {
    return new Guard(String.valueOf(value), at, null, value);
  }
}
