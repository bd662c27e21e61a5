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

  boolean changed() {
    return status == Status.CHANGED;
  }
}
