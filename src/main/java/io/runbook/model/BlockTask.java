package io.runbook.model;

import java.util.List;

/**
 * {@code block}/{@code rescue}/{@code always}; also what a static {@code import_tasks} becomes
 * (a block with no rescue or always, so the import's {@code when} and tags reach every task).
 */
public record BlockTask(TaskOptions options, List<TaskNode> block, List<TaskNode> rescue,
    List<TaskNode> always) implements TaskNode {

  public BlockTask {
    block = List.copyOf(block);
    rescue = List.copyOf(rescue);
    always = List.copyOf(always);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitBlock(this);
  }
}
