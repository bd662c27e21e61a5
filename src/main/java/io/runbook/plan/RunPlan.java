package io.runbook.plan;

import java.util.List;
import java.util.Map;

/**
 * What a run would do, decided before it starts: for every play, its batches in order, and for
 * every step the verdict of its guard on each host — {@code runs}, {@code skipped}, or
 * {@code at run time} when the guard depends on something only the run will know (a registered
 * result, a fact). The {@link #hash()} identifies the plan: {@code run --plan-hash} refuses to
 * run anything else.
 */
public record RunPlan(String hash, List<Play> plays) {

  /** One play: its hosts in batches, and its steps. */
  public record Play(String name, String hosts, List<List<String>> batches, List<Step> steps,
      List<String> invariants) {}

  /**
   * One step.
   *
   * @param kind     task, handler, before_batch, after_batch or include
   * @param verdicts host → runs / skipped / at run time
   */
  public record Step(String kind, String name, String action, String at, Map<String, String> verdicts) {}
}
