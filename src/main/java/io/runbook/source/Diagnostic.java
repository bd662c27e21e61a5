package io.runbook.source;

import java.util.Objects;

/** One finding about an input: where, how serious, and what to change. */
public record Diagnostic(Severity severity, SourcePosition position, String message) {

  public enum Severity { ERROR, WARNING }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(SourcePosition at, String message) {
    return new Diagnostic(Severity.ERROR, at, message);
  }

  public static Diagnostic warning(SourcePosition at, String message) {
    return new Diagnostic(Severity.WARNING, at, message);
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
