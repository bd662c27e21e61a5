package io.runbook.exec;

import io.runbook.report.Recap;
import io.runbook.report.StepOutcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every host-step's final outcome, kept as steps end (from fork threads too). The recap is
 * computed from them when the run ends; there are no counters to move up and down.
 */
final class Outcomes {
  private final Set<String> hosts = new LinkedHashSet<>();
  private final List<Recap.Step> steps = new ArrayList<>();

  /** The recap lists hosts in the order batches take them, not the order forks finish. */
  synchronized void take(List<String> batch) {
    hosts.addAll(batch);
  }

  synchronized void add(String host, StepOutcome outcome) {
    hosts.add(host);
    steps.add(new Recap.Step(host, outcome));
  }

  /**
   * A step that failed before it had a result (an include or a meta that could not decide): the
   * rescue of an enclosing block takes it over, as it does an action's failure.
   */
  void failed(String host, Inherited inh) {
    add(host, inh.rescueDepth() > 0 ? StepOutcome.RESCUED : StepOutcome.FAILED);
  }

  synchronized Recap recap() {
    return Recap.of(hosts, steps);
  }
}
