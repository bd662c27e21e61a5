package io.runbook.model;

import io.runbook.source.SourcePosition;
import io.runbook.yaml.YNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The keywords every task, block and include may carry. Guards are compiled and numbers checked
 * when the playbook loads ({@link Guard}, {@link Value}); the other values that may be templates
 * stay {@link YNode}s, rendered per host at run time. Null means "not set" throughout.
 *
 * @param timeout how long the task may run (zero: no limit)
 */
public record TaskOptions(
    String name,
    SourcePosition position,
    List<Guard> when,
    String register,
    RetryPolicy retry,
    List<Guard> failedWhen,
    List<Guard> changedWhen,
    YNode ignoreErrors,
    YNode loop,
    LoopControl loopControl,
    List<String> notifies,
    List<String> listen,
    List<String> tags,
    YNode delegateTo,
    boolean runOnce,
    Boolean become,
    YNode becomeUser,
    YNode noLog,
    Value<Duration> timeout,
    Boolean checkMode,
    YNode environment,
    Map<String, YNode> vars) {

  public TaskOptions {
    when = List.copyOf(when);
    failedWhen = failedWhen == null ? null : List.copyOf(failedWhen);
    changedWhen = changedWhen == null ? null : List.copyOf(changedWhen);
    notifies = List.copyOf(notifies);
    listen = List.copyOf(listen);
    tags = List.copyOf(tags);
    vars = Map.copyOf(vars);
  }
}
