package io.runbook.model;

import io.runbook.source.SourcePosition;
import io.runbook.yaml.YMap;

/**
 * A task that runs one action.
 *
 * @param action   the action's name, e.g. {@code wait_for}
 * @param args     its arguments as written (templates not yet rendered), free form normalised
 * @param actionAt where the action key is written
 */
public record ActionTask(TaskOptions options, String action, YMap args, SourcePosition actionAt)
    implements TaskNode {

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitAction(this);
  }

  /** The name shown in TASK headers: the task's name, or the action as Ansible does. */
  public String displayName() {
    return options.name() != null ? options.name() : action;
  }
}
