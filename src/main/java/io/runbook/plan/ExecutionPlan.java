package io.runbook.plan;

import io.runbook.inventory.Inventory;
import io.runbook.model.Playbook;
import java.util.List;

/**
 * The program a run executes: made once by the {@link Planner}, shown by {@code runbook plan},
 * hashed, and then executed as it is by {@code runbook run}. Its {@link #hash()} covers
 * everything that decides what the run does — the inputs, the engine's version, and the plays as
 * planned (hosts in order, batches, failure policy, forks, every step) — so a run held to a
 * reviewed hash ({@code --plan-hash}) is the run that was reviewed. What the plan foresees of each
 * step ({@link #forecasts()}) follows from those and is worked out only when shown.
 */
public record ExecutionPlan(String hash, PlanInputs inputs, Playbook playbook, Inventory inventory,
    List<PlannedPlay> plays, Forecasts forecasts) {

  public ExecutionPlan {
    plays = List.copyOf(plays);
  }

  static ExecutionPlan of(PlanInputs inputs, Playbook playbook, Inventory inventory, List<PlannedPlay> plays,
      Forecasts forecasts) {
    StringBuilder text = new StringBuilder(inputs.canonical()).append('\n')
        .append(String.valueOf(Planner.class.getPackage().getImplementationVersion())).append('\n');
    for (PlannedPlay p : plays) {
      structure(p, playbook, text);
    }
    return new ExecutionPlan(PlanInputs.digest(text.toString()).substring(0, 16), inputs, playbook, inventory,
        plays, forecasts);
  }

  /** A play as the hash sees it: one line for the play, one per step (built by hand: it is on every run's path). */
  private static void structure(PlannedPlay p, Playbook base, StringBuilder out) {
    out.append("play ").append(p.number()).append('|').append(p.name()).append('|').append(p.pattern())
        .append('|').append(p.hostsAtRunTime()).append('|').append(p.hosts()).append('|').append(p.batches())
        .append('|').append(p.failure()).append('|').append(p.forks()).append('\n');
    for (Section s : Section.values()) {
      steps(p.steps(s), base, out);
    }
  }

  private static void steps(List<Step> steps, Playbook base, StringBuilder out) {
    for (Step s : steps) {
      out.append(s.id()).append('|').append(s.kind()).append('|').append(s.name()).append('|')
          .append(PlanView.at(base, s.node().options().position())).append('\n');
      steps(s.block(), base, out);
      steps(s.rescue(), base, out);
      steps(s.always(), base, out);
    }
  }

  public PlanOptions options() {
    return inputs.options();
  }

  /** What {@code runbook plan} prints and {@code --format json} writes. */
  public PlanView view() {
    return new PlanView(hash, inputs.options(), PlanView.plays(plays, playbook, forecasts));
  }

  /** Every host some play of the plan targets, in the order first met. */
  public List<String> hosts() {
    return plays.stream().flatMap(p -> p.hosts().stream()).distinct().toList();
  }
}
