package io.runbook.lab;

/** A lab command that cannot go on: its message is the one line the operator sees. */
public final class LabException extends RuntimeException {
  public LabException(String message) {
    super(message);
  }
}
