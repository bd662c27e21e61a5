package io.runbook.report;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PLAY RECAP: counts per host, in the order hosts were first taken. Computed once, from each
 * host-step's final outcome ({@link #of}); nothing is counted up or down while the run goes on.
 */
public record Recap(Map<String, Counts> hosts) {

  /** One host's columns. {@code unknown} is runbook's own: check mode could not predict. */
  public record Counts(int ok, int changed, int unreachable, int failed, int skipped, int rescued,
      int ignored, int unknown) {
    public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0);

    /** These counts and one more step, with the columns Ansible's recap gives that outcome. */
    public Counts plus(StepOutcome o) {
      return switch (o) {
        case OK -> new Counts(ok + 1, changed, unreachable, failed, skipped, rescued, ignored, unknown);
        case CHANGED -> new Counts(ok + 1, changed + 1, unreachable, failed, skipped, rescued, ignored, unknown);
        case SKIPPED -> new Counts(ok, changed, unreachable, failed, skipped + 1, rescued, ignored, unknown);
        case UNKNOWN -> new Counts(ok, changed, unreachable, failed, skipped, rescued, ignored, unknown + 1);
        case UNREACHABLE -> new Counts(ok, changed, unreachable + 1, failed, skipped, rescued, ignored, unknown);
        case FAILED -> new Counts(ok, changed, unreachable, failed + 1, skipped, rescued, ignored, unknown);
        case RESCUED -> new Counts(ok, changed, unreachable, failed, skipped, rescued + 1, ignored, unknown);
        case IGNORED -> new Counts(ok + 1, changed, unreachable, failed, skipped, rescued, ignored + 1, unknown);
        case IGNORED_CHANGED ->
            new Counts(ok + 1, changed + 1, unreachable, failed, skipped, rescued, ignored + 1, unknown);
      };
    }
  }

  /** One host-step's final outcome. */
  public record Step(String host, StepOutcome outcome) {}

  public Recap {
    hosts = Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
  }

  /** The recap of these steps; {@code hosts} gives the order (a host without a step shows zeros). */
  public static Recap of(Collection<String> hosts, List<Step> steps) {
    Map<String, Counts> counts = new LinkedHashMap<>();
    hosts.forEach(h -> counts.put(h, Counts.NONE));
    for (Step s : steps) {
      counts.put(s.host(), counts.getOrDefault(s.host(), Counts.NONE).plus(s.outcome()));
    }
    return new Recap(counts);
  }

  /** A host's counts; zeros for a host the run never took. */
  public Counts of(String host) {
    return hosts.getOrDefault(host, Counts.NONE);
  }

  public boolean anyFailed() {
    return hosts.values().stream().anyMatch(c -> c.failed() > 0);
  }

  public boolean anyUnreachable() {
    return hosts.values().stream().anyMatch(c -> c.unreachable() > 0);
  }
}
