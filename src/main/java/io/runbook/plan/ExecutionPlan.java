package io.runbook.plan;

import io.runbook.inventory.Inventory;
import io.runbook.model.Playbook;
import java.util.List;

/**
 * The program a run executes: made once by the {@link Planner}, shown by {@code runbook plan},
 * hashed, and then executed as it is by {@code runbook run}. Its {@link #hash()} covers
 * everything that decides what the run does (the inputs and the plays as planned), so a run held
 * to a reviewed hash ({@code --plan-hash}) is the run that was reviewed.
 */
public record ExecutionPlan(String hash, PlanInputs inputs, Playbook playbook, Inventory inventory,
    List<PlannedPlay> plays) {

  public ExecutionPlan {
    plays = List.copyOf(plays);
  }

  static ExecutionPlan of(PlanInputs inputs, Playbook playbook, Inventory inventory, List<PlannedPlay> plays) {
    String hash = PlanInputs.digest(PlanInputs.canonical(List.of(inputs, PlanView.plays(plays, playbook.baseDir())))).substring(0, 16);
    return new ExecutionPlan(hash, inputs, playbook, inventory, plays);
  }

  public PlanOptions options() {
    return inputs.options();
  }

  /** What {@code runbook plan} prints and {@code --format json} writes. */
  public PlanView view() {
    return new PlanView(hash, inputs.options(), PlanView.plays(plays, playbook.baseDir()));
  }

  /** Every host some play of the plan targets, in the order first met. */
  public List<String> hosts() {
    return plays.stream().flatMap(p -> p.hosts().stream()).distinct().toList();
  }
}
