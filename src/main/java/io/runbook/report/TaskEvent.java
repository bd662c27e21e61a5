package io.runbook.report;

import io.runbook.source.SourcePosition;

/**
 * A task as reported: its display name, where it is written, and what kind of step it is.
 *
 * @param kind how the step is announced: TASK, RUNNING HANDLER (as Ansible prints), BEFORE BATCH or
 *             AFTER BATCH (gates)
 */
public record TaskEvent(String name, String action, SourcePosition position, String kind) {
  public static TaskEvent task(String name, String action, SourcePosition at) {
    return new TaskEvent(name, action, at, "TASK");
  }

  public static TaskEvent handler(String name, String action, SourcePosition at) {
    return new TaskEvent(name, action, at, "RUNNING HANDLER");
  }
}
