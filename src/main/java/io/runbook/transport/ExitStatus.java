package io.runbook.transport;

import java.time.Duration;

/** How a process ended. */
public sealed interface ExitStatus {

  /** It exited by itself with this code. */
  record Exited(int code) implements ExitStatus {
    @Override
    public String describe() {
      return "exit code " + code;
    }
  }

  /** A signal ended it (SIGKILL, SIGTERM, ...). */
  record Signalled(String signal) implements ExitStatus {
    @Override
    public String describe() {
      return "killed by signal " + signal;
    }
  }

  /** It ran past its time bound and was killed. */
  record TimedOut(Duration after) implements ExitStatus {
    @Override
    public String describe() {
      return "timed out after " + after.toMillis() / 1000.0 + "s";
    }
  }

  String describe();
}
