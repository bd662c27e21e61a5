package io.runbook.transport;

/** A host refused an operation (permission denied, no such directory, ...): the task fails. */
public class TransportException extends RuntimeException {
  public TransportException(String message) {
    super(message);
  }

  public TransportException(String message, Throwable cause) {
    super(message, cause);
  }
}
