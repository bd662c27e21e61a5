package io.runbook.model;

/**
 * Something in a task list: an action, a block, a dynamic include, or a meta step. Dispatch through
 * {@link Visitor} keeps every consumer exhaustive on Java 17.
 */
public sealed interface TaskNode permits ActionTask, BlockTask, IncludeTask, MetaTask {

  TaskOptions options();

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of task node. */
  interface Visitor<R> {
    R visitAction(ActionTask task);

    R visitBlock(BlockTask block);

    R visitInclude(IncludeTask include);

    R visitMeta(MetaTask meta);
  }
}
