package io.runbook.exec;

import io.runbook.action.FileDiff;
import io.runbook.model.Status;
import java.util.List;
import java.util.Map;

/**
 * One attempt's or one item's outcome, before it is reported.
 *
 * @param registered what {@code register} stores (changed, failed, msg, rc, stdout, ...)
 * @param facts      variables the action sets on the host (set_fact)
 */
record StepResult(Status status, String message, Map<String, Object> registered,
    Map<String, Object> facts, List<FileDiff> diffs) {

  boolean failed() {
    return status == Status.FAILED;
  }

  /** Whether the step changed something and succeeded: what notifies handlers. */
  boolean changed() {
    return status == Status.CHANGED;
  }

  /** What the result says of change, failures too: a command that ran and failed changed, as in Ansible. */
  boolean reportsChange() {
    return Boolean.TRUE.equals(registered.get("changed"));
  }
}
