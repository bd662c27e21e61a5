package io.runbook.exec;

/** Stops the run early (max_fail_percentage exceeded, any_errors_fatal, a whole batch failed). */
final class AbortRun extends RuntimeException {
  AbortRun(String reason) {
    super(reason, null, false, false);
  }
}
