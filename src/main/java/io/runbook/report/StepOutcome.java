package io.runbook.report;

import io.runbook.model.Status;

/**
 * How one task ended on one host, all its attempts and loop items together: what the PLAY RECAP
 * counts, once per task and host. The columns each outcome adds are Ansible's ({@link
 * Recap.Counts#plus}): an ignored failure is ok and ignored, a failure that a block's rescue takes
 * over is rescued and nothing else, an included file is ok.
 */
public enum StepOutcome {
  OK,
  CHANGED,
  SKIPPED,
  /** Check mode could not predict what the step would do: runbook's own column. */
  UNKNOWN,
  UNREACHABLE,
  FAILED,
  /** Failed inside a block whose rescue took over. */
  RESCUED,
  /** Failed, and ignore_errors let the host go on. */
  IGNORED,
  /** An ignored failure that had changed something (a command that ran and exited non-zero). */
  IGNORED_CHANGED;

  /**
   * The outcome of a step that ended with {@code status}; {@code changed} is what its result said
   * (a failed command that ran says changed), {@code rescued} whether a rescue takes the failure over.
   */
  public static StepOutcome of(Status status, boolean changed, boolean ignored, boolean rescued) {
    return switch (status) {
      case OK -> OK;
      case CHANGED -> CHANGED;
      case SKIPPED -> SKIPPED;
      case UNKNOWN -> UNKNOWN;
      case UNREACHABLE -> UNREACHABLE;
      case FAILED -> ignored ? (changed ? IGNORED_CHANGED : IGNORED) : rescued ? RESCUED : FAILED;
    };
  }
}
