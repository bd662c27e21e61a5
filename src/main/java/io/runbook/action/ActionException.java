package io.runbook.action;

/** Arguments that are wrong once rendered (a mode that is not octal, a bad URL, ...). */
public final class ActionException extends RuntimeException {
  public ActionException(String message) {
    super(message);
  }
}
