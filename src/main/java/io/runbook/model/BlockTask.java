package io.runbook.model;

import java.util.List;

/**
 * {@code block}/{@code rescue}/{@code always}; also what a static {@code import_tasks} becomes
 * (a block with no rescue or always, so the import's {@code when} and tags reach every task).
 * {@code rerunOnResume}: on {@code --resume}, a host whose earlier run failed inside this block
 * runs the whole block again instead of replaying the steps it had finished (for steps that only
 * make sense together, such as replacing a binary and starting it).
 */
public record BlockTask(TaskOptions options, List<TaskNode> block, List<TaskNode> rescue,
    List<TaskNode> always, boolean rerunOnResume) implements TaskNode {

  public BlockTask {
    block = List.copyOf(block);
    rescue = List.copyOf(rescue);
    always = List.copyOf(always);
  }

  public BlockTask(TaskOptions options, List<TaskNode> block, List<TaskNode> rescue,
      List<TaskNode> always) {
    this(options, block, rescue, always, false);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitBlock(this);
  }
}
