package io.runbook.load;

import io.runbook.model.Guard;
import io.runbook.model.RetryPolicy;
import io.runbook.model.Rule;
import io.runbook.model.Value;
import io.runbook.yaml.YMap;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A task's {@code retries}, {@code delay}, {@code until}, {@code backoff} and {@code max_delay},
 * checked and typed. A block cannot retry (Ansible refuses these keywords on a block too), and a
 * setting that could never take effect is refused rather than ignored.
 */
final class RetryKeywords {
  static final Set<String> KEYS = NodeReader.setOf("retries", "delay", "until", "backoff", "max_delay");

  private final NodeReader in;
  private final GuardChecker guards;

  RetryKeywords(NodeReader in, GuardChecker guards) {
    this.in = in;
    this.guards = guards;
  }

  /** The task's retry policy, or null when it does not retry. */
  RetryPolicy read(YMap task) {
    if (!task.has("retries") && !task.has("until")) {
      for (String k : List.of("delay", "backoff", "max_delay")) {
        task.entry(k).ifPresent(e -> in.error(e.key(), "'" + k + "' has no effect without 'retries' or 'until'"));
      }
      return null;
    }
    List<Guard> until = task.has("until") ? guards.check(in.guards(task.get("until"))) : List.of();
    Value<Duration> delay = value(task, "delay", Rule.seconds("delay"));
    RetryPolicy retry = new RetryPolicy(value(task, "retries", Rule.count("retries")), delay, until,
        value(task, "backoff", Rule.growth("backoff")), value(task, "max_delay", Rule.seconds("max_delay")));
    if (retry.maxDelay() != null && (delay != null || !task.has("delay"))) {
      maxDelay(task, retry);
    }
    return retry;
  }

  /** A cap needs something to cap: a delay that grows, and that reaches it. */
  private void maxDelay(YMap task, RetryPolicy retry) {
    YMap.Entry e = task.entry("max_delay").get();
    if (!task.has("backoff")) {
      in.error(e.key(), "'max_delay' caps the delay that 'backoff' grows, and this task has no 'backoff'");
    } else if (retry.maxDelay() instanceof Value.Literal<Duration> max
        && retry.delay() instanceof Value.Literal<Duration> delay
        && max.value().compareTo(delay.value()) < 0) {
      in.error(e.value(), "'max_delay' (" + seconds(max.value()) + ") is shorter than 'delay' ("
          + seconds(delay.value()) + (task.has("delay") ? "" : ", the default") + "), so no attempt would"
          + " wait as long as 'delay' says");
    }
  }

  /** A block runs its tasks once: retrying is for the task inside it that may need it. */
  void refuseOnBlock(YMap block) {
    for (YMap.Entry e : block.entries()) {
      if (KEYS.contains(e.name())) {
        in.error(e.key(), "'" + e.name() + "' cannot be set on a block, which runs its tasks once:"
            + " put it on the task inside the block that must be retried");
      }
    }
  }

  private <T> Value<T> value(YMap task, String key, Rule<T> rule) {
    return task.has(key) ? guards.value(task.get(key), rule) : null;
  }

  private static String seconds(Duration d) {
    double s = d.toNanos() / 1e9;
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
  }
}
