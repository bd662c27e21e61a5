package io.runbook.exec;

import io.runbook.action.ActionRegistry;
import io.runbook.expr.ExpressionException;
import io.runbook.expr.Expressions;
import io.runbook.inventory.Inventory;
import io.runbook.load.PlaybookLoader;
import io.runbook.model.Play;
import io.runbook.model.Playbook;
import io.runbook.model.TaskOptions;
import io.runbook.plan.ExecutionPlan;
import io.runbook.plan.Foresight;
import io.runbook.plan.Planner;
import io.runbook.plan.Verdict;
import io.runbook.report.RunListener;
import io.runbook.yaml.YNode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the {@link ExecutionPlan} of a playbook on an inventory with the run's own variable
 * scopes: play keywords are rendered and guards judged exactly as the run will, with nothing
 * registered yet, so a guard that reads a run-time value is {@link Verdict#AT_RUN_TIME}.
 */
public final class RunPlanner {
  private final ActionRegistry actions;
  private final Expressions expressions;
  private final PlaybookLoader loader;

  public RunPlanner(ActionRegistry actions, Expressions expressions, PlaybookLoader loader) {
    this.actions = actions;
    this.expressions = expressions;
    this.loader = loader;
  }

  public ExecutionPlan plan(Playbook playbook, Inventory inventory, RunOptions options) {
    return plan(new RunContext(playbook, inventory, options, new RunListener() { },
        expressions, actions, loader, null));
  }

  /** The plan of {@code run}'s playbook, inventory and options, made with its scopes before anything ran. */
  static ExecutionPlan plan(RunContext run) {
    Playbook playbook = run.playbook;
    Inventory inventory = run.inventory;
    RunOptions options = run.options;
    try {
      return new Planner(new Scopes(run)).plan(playbook, inventory, options.planOptions());
    } catch (ExpressionException e) {
      // a play keyword (hosts, serial, max_fail_percentage) that cannot be rendered: bad input,
      // found before any host is touched
      throw new io.runbook.source.InvalidInputException(e.position(), e.getMessage());
    }
  }

  /** The run's own scopes: before anything ran when planning, live when a play is planned at its start. */
  static Foresight foresight(RunContext run) {
    return new Scopes(run);
  }

  /** The run's scopes. */
  private static final class Scopes implements Foresight {
    private final RunContext run;
    private final Map<Play, PlayScope> plays = new IdentityHashMap<>();

    Scopes(RunContext run) {
      this.run = run;
    }

    @Override
    public Object playValue(Play play, YNode value) {
      return run.expressions.render(value, playLevel(play));
    }

    @Override
    public io.runbook.model.Value.Renderer atPlayLevel(Play play) {
      VarScope playLevel = playLevel(play);
      return (text, at) -> run.expressions.renderString(text, at, playLevel);
    }

    private VarScope playLevel(Play play) {
      return new PlayScope(run, play, List.of()).forHost("localhost", Inherited.forPlay(List.of()));
    }

    @Override
    public Verdict guards(Play play, List<String> playHosts, List<String> batch, String host,
        List<TaskOptions> chain) {
      PlayScope scope = plays.computeIfAbsent(play, p -> scope(p, playHosts));
      scope.batch(batch);
      Inherited inh = Inherited.forPlay(play);
      for (TaskOptions o : chain) {
        inh = inh.plus(o);
      }
      try {
        return Guards.allHold(run.expressions, inh.when(), scope.forHost(host, inh)) ? Verdict.RUNS : Verdict.SKIPPED;
      } catch (ExpressionException e) {
        return Verdict.AT_RUN_TIME;
      }
    }

    private PlayScope scope(Play play, List<String> playHosts) {
      PlayScope scope = new PlayScope(run, play, playHosts);
      try {
        scope.loadVarsFiles((path, at) -> Map.of());
      } catch (RuntimeException e) {
        // a vars file that only the run can find: guards that read it are decided at run time
      }
      return scope;
    }
  }
}
