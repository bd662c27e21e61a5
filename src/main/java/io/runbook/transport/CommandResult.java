package io.runbook.transport;

import java.time.Duration;

/** What a process did: how it ended, what it printed, how long it took. */
public record CommandResult(ExitStatus status, String stdout, String stderr, Duration took) {

  public boolean succeeded() {
    return status instanceof ExitStatus.Exited e && e.code() == 0;
  }

  /** The exit code, or -1 when the process was killed by a signal or timed out. */
  public int rc() {
    return status instanceof ExitStatus.Exited e ? e.code() : -1;
  }
}
