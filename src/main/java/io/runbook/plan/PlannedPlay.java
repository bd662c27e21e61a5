package io.runbook.plan;

import io.runbook.model.Play;
import java.util.List;
import java.util.Map;

/**
 * One play as it will run: its hosts in their final order, its batches, its failure policy and
 * forks and the steps of each section (what it foresees for them: {@link Forecasts}).
 *
 * @param number   the play's place in the playbook, from 1
 * @param pattern  the host pattern, rendered
 * @param hostsAtRunTime the host pattern reads what an earlier play left (a fact, a registered
 *                 result): the pattern is as written, and hosts, batches and forecast are decided
 *                 when the play starts ({@link Planner#atRunTime})
 */
public record PlannedPlay(int number, Play play, String pattern, List<String> hosts,
    List<List<String>> batches, FailurePolicy failure, int forks, Map<Section, List<Step>> sections,
    boolean hostsAtRunTime) {

  public PlannedPlay {
    hosts = List.copyOf(hosts);
    batches = batches.stream().map(List::copyOf).toList();
    sections = Map.copyOf(sections);
  }

  public List<Step> steps(Section section) {
    return sections.getOrDefault(section, List.of());
  }

  public String name() {
    return play.displayName();
  }
}
