package io.runbook.plan;

import io.runbook.expr.ExpressionException;
import io.runbook.inventory.Inventory;
import io.runbook.model.Play;
import io.runbook.model.Playbook;
import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Playbook × inventory × options → the {@link ExecutionPlan} that the run executes: every
 * play's hosts in their final order, its batches, failure policy, forks and steps (and, when the
 * plan is shown, the forecast of each step on each host). Nothing here touches a host.
 */
public final class Planner {
  private final Foresight foresight;

  public Planner(Foresight foresight) {
    this.foresight = foresight;
  }

  public ExecutionPlan plan(Playbook playbook, Inventory inventory, PlanOptions options) {
    PlanInputs inputs = PlanInputs.of(playbook, inventory, options);
    Steps steps = new Steps(new TagFilter(options.tags(), options.skipTags()));
    List<PlannedPlay> plays = new ArrayList<>();
    int number = 0;
    for (Play play : playbook.plays()) {
      plays.add(play(++number, play, inventory, options, inputs, steps));
    }
    if (options.limit() != null && plays.stream().allMatch(p -> p.hosts().isEmpty() && !p.hostsAtRunTime())) {
      throw new InvalidInputException(SourcePosition.none("--limit " + options.limit()),
          "--limit " + options.limit() + " leaves no hosts to target in any play");
    }
    return ExecutionPlan.of(inputs, playbook, inventory, plays, new Forecasts(foresight));
  }

  private PlannedPlay play(int number, Play play, Inventory inventory, PlanOptions options,
      PlanInputs inputs, Steps steps) {
    Map<Section, List<Step>> sections = sections(number, play, steps);
    String pattern;
    try {
      pattern = String.valueOf(foresight.playValue(play, play.hosts()));
    } catch (ExpressionException e) {
      if (number == 1) {
        throw e; // nothing ran before the first play: its pattern can only read what is known now
      }
      return new PlannedPlay(number, play, String.valueOf(play.hosts().toPlain()), List.of(), List.of(),
          new FailurePolicy(play.anyErrorsFatal(), null), forks(play, options), sections, true);
    }
    return planned(number, play, pattern, inventory, options, inputs.seed(), sections);
  }

  /**
   * A play whose hosts the plan left to the run, planned when it starts with what the run knows
   * by then (this planner's foresight is the run's).
   */
  public PlannedPlay atRunTime(PlannedPlay play, Inventory inventory, PlanOptions options, long seed) {
    String pattern = String.valueOf(foresight.playValue(play.play(), play.play().hosts()));
    return planned(play.number(), play.play(), pattern, inventory, options, seed, play.sections());
  }

  private PlannedPlay planned(int number, Play play, String pattern, Inventory inventory, PlanOptions options,
      long seed, Map<Section, List<Step>> sections) {
    List<String> hosts = new ArrayList<>(inventory.select(pattern));
    if (options.limit() != null) {
      hosts = new ArrayList<>(inventory.limit(hosts, options.limit()));
    }
    order(play, hosts, seed + number);
    List<List<String>> batches = Batches.split(hosts, Batches.sizes(play, foresight.atPlayLevel(play)));
    return new PlannedPlay(number, play, pattern, hosts, batches,
        new FailurePolicy(play.anyErrorsFatal(), maxFail(play)), forks(play, options), sections, false);
  }

  private static int forks(Play play, PlanOptions options) {
    return play.forks() != null ? play.forks() : options.forks();
  }

  private static Map<Section, List<Step>> sections(int number, Play play, Steps steps) {
    Map<Section, List<Step>> sections = new EnumMap<>(Section.class);
    sections.put(Section.BEFORE_BATCH, steps.section(number, Section.BEFORE_BATCH, play.beforeBatch(), play.tags()));
    sections.put(Section.PRE_TASKS, steps.section(number, Section.PRE_TASKS, play.preTasks(), play.tags()));
    sections.put(Section.TASKS, steps.section(number, Section.TASKS, play.tasks(), play.tags()));
    sections.put(Section.POST_TASKS, steps.section(number, Section.POST_TASKS, play.postTasks(), play.tags()));
    sections.put(Section.HANDLERS, steps.section(number, Section.HANDLERS, play.handlers(), List.<String>of()));
    sections.put(Section.AFTER_BATCH, steps.section(number, Section.AFTER_BATCH, play.afterBatch(), play.tags()));
    return sections;
  }

  private Double maxFail(Play play) {
    return play.maxFailPercentage() == null ? null
        : play.maxFailPercentage().get(foresight.atPlayLevel(play)).value();
  }

  /**
   * Ansible's {@code order}. {@code shuffle} is drawn from the plan's inputs, so that the
   * reviewed plan and the run it admits take the hosts in the same order.
   */
  private static void order(Play play, List<String> hosts, long seed) {
    switch (play.order()) {
      case INVENTORY -> { }
      case REVERSE_INVENTORY -> Collections.reverse(hosts);
      case SORTED -> hosts.sort(Comparator.naturalOrder());
      case REVERSE_SORTED -> hosts.sort(Comparator.reverseOrder());
      case SHUFFLE -> Collections.shuffle(hosts, new Random(seed));
    }
  }
}
