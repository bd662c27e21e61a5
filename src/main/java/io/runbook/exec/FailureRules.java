package io.runbook.exec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * When a batch's failures stop the run. Checked after every task, outside blocks that may still
 * rescue: {@code any_errors_fatal} stops at the first failed host; {@code max_fail_percentage}
 * stops when the failed share of the batch EXCEEDS the limit (equal is allowed), as in Ansible.
 * Unreachable hosts count as failed for both; hosts a meta task ended do not.
 */
final class FailureRules {
  private final List<HostState> batch;
  private final boolean anyErrorsFatal;
  private final Double maxFailPercentage;

  FailureRules(List<HostState> batch, boolean anyErrorsFatal, Double maxFailPercentage) {
    this.batch = List.copyOf(batch);
    this.anyErrorsFatal = anyErrorsFatal;
    this.maxFailPercentage = maxFailPercentage;
  }

  void afterTask(List<HostState> ran, Inherited inh) {
    if (inh.rescueDepth() > 0) {
      return;
    }
    List<HostState> down = batch.stream().filter(HostState::down).toList();
    if (down.isEmpty()) {
      return;
    }
    if (anyErrorsFatal) {
      throw AbortRun.anyErrorsFatal("any_errors_fatal: " + names(down) + " failed, so the play stops on every host");
    }
    if (maxFailPercentage != null) {
      double pct = 100.0 * down.size() / batch.size();
      if (pct > maxFailPercentage) {
        long unreachable = down.stream().filter(h -> h.unreachable).count();
        throw new AbortRun(String.format(java.util.Locale.ROOT,
            "max_fail_percentage %s exceeded: %d of %d hosts in this batch failed (%s)%s",
            Attempts.format(maxFailPercentage), down.size(), batch.size(), names(down),
            unreachable == 0 ? "" : ", " + unreachable + " of them unreachable"));
      }
    }
  }

  /** Ansible's rule: when every host of a batch has failed, the play and the run stop. */
  void afterBatch() {
    if (!batch.isEmpty() && batch.stream().allMatch(HostState::down)) {
      throw new AbortRun("every host of the batch failed (" + names(batch) + ")");
    }
  }

  private static String names(List<HostState> hosts) {
    return hosts.stream().map(h -> h.name).collect(Collectors.joining(", "));
  }
}
