package io.runbook.source;

import java.util.Objects;

/**
 * One finding about an input: where, how serious, and what to change. {@code code} names the
 * kind of problem with the id of the lint rule that reports it ({@code unknown-action}), or is
 * null for a problem of the input's structure in general.
 */
public record Diagnostic(Severity severity, SourcePosition position, String message, String code) {

  public enum Severity { ERROR, WARNING }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
  }

  public Diagnostic(Severity severity, SourcePosition position, String message) {
    this(severity, position, message, null);
  }

  public static Diagnostic error(SourcePosition at, String message) {
    return new Diagnostic(Severity.ERROR, at, message);
  }

  public static Diagnostic warning(SourcePosition at, String message) {
    return new Diagnostic(Severity.WARNING, at, message);
  }

  /** The same finding, classified. */
  public Diagnostic withCode(String newCode) {
    return new Diagnostic(severity, position, message, newCode);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: message}, the form editors and CI parse. */
  @Override
  public String toString() {
    String prefix = severity == Severity.WARNING ? "warning: " : "";
    return position + ": " + prefix + message;
  }
}
