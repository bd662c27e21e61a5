package io.runbook.transport;

/** The host cannot be reached at all (refused, timeout, auth): the host counts as unreachable. */
public final class UnreachableException extends TransportException {
  public UnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
