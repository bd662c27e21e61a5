package io.runbook.report;

import java.util.List;

/**
 * Receives what a run does, as it happens. The engine reports only through this interface.
 *
 * <p>Ordering contract: {@code runStarted} first and {@code runFinished} last; a play's events
 * come between its {@code playStarted} and {@code playFinished}; a task's host results come after
 * its {@code taskStarted} and before the next {@code taskStarted}. Host results of one task may
 * arrive from several threads at once (forks), so implementations synchronise what they share.
 * Listeners must not throw.
 */
public interface RunListener {

  default void runStarted(String playbook, boolean checkMode) {}

  default void playStarted(String name, List<String> hosts) {}

  default void batchStarted(int number, int of, List<String> hosts) {}

  default void taskStarted(TaskEvent task) {}

  default void hostResult(HostResult result) {}

  /** A task failed on a host and will be tried again after a delay. */
  default void retrying(TaskEvent task, String host, int retriesLeft, String reason) {}

  /**
   * A task is waiting on a host (retry delay, wait_for, pause); called again as time passes and
   * with {@code what == null} when the wait ends.
   */
  default void waiting(TaskEvent task, String host, String what, long waitedMillis) {}

  default void warning(String message) {}

  /** The run stops early, for the reason given (max_fail_percentage, any_errors_fatal, ...). */
  default void aborted(String reason) {}

  default void playFinished(String name) {}

  default void runFinished(Recap recap, int exitCode) {}
}
