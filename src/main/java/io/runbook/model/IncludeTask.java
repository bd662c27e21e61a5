package io.runbook.model;

import io.runbook.yaml.YNode;
import java.nio.file.Path;

/**
 * {@code include_tasks}: a task file read when the task runs, so its path may be a template
 * and it may loop.
 *
 * @param file    the path as written
 * @param baseDir where a relative path starts (the including file's folder)
 */
public record IncludeTask(TaskOptions options, YNode file, Path baseDir) implements TaskNode {
  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitInclude(this);
  }
}
