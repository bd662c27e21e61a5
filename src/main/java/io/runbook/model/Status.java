package io.runbook.model;

/**
 * How a step ended on a host: one closed set for what an action reports, what the run decides
 * after {@code changed_when}/{@code failed_when}, and what every reporter prints (in lower case).
 * An action never reports {@link #UNREACHABLE}: an unreachable host is an exception the run turns
 * into this status.
 */
public enum Status {
  OK,
  CHANGED,
  FAILED,
  SKIPPED,
  UNREACHABLE,
  /** Check mode cannot predict what a real run would do. */
  UNKNOWN
}
