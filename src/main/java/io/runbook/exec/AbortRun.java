package io.runbook.exec;

/** Stops the run early (max_fail_percentage exceeded, any_errors_fatal, a whole batch failed). */
final class AbortRun extends RuntimeException {
  private final boolean runsAlways;

  AbortRun(String reason) {
    this(reason, false);
  }

  private AbortRun(String reason, boolean runsAlways) {
    super(reason, null, false, false);
    this.runsAlways = runsAlways;
  }

  /**
   * any_errors_fatal: the blocks in flight run their {@code always} sections on the batch's hosts
   * before the play stops (ansible-core 2.14 runs them too, but then does not stop at all).
   */
  static AbortRun anyErrorsFatal(String reason) {
    return new AbortRun(reason, true);
  }

  /** Whether the {@code always} sections of the blocks this stop leaves run first. */
  boolean runsAlways() {
    return runsAlways;
  }
}
