package io.runbook.model;

import io.runbook.source.SourcePosition;

/**
 * {@code meta: flush_handlers} and the like: a step that acts on the run (its handlers, its
 * plays and batches, which hosts are still in the play) rather than on a host. Written where an
 * action is, as in Ansible, but not an action: it runs no command and registers nothing.
 *
 * @param metaAt where the {@code meta} key is written
 */
public record MetaTask(TaskOptions options, Meta meta, SourcePosition metaAt) implements TaskNode {

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitMeta(this);
  }

  /** The name shown in TASK headers: the task's name, or {@code meta: end_play}. */
  public String displayName() {
    return options.name() != null ? options.name() : "meta: " + meta.written();
  }
}
