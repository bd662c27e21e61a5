package io.runbook.plan;

/** What a step is: the kinds of {@link io.runbook.model.TaskNode}, closed. */
public enum StepKind {
  ACTION, BLOCK, INCLUDE, META
}
