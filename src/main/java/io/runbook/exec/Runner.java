package io.runbook.exec;

import io.runbook.action.ActionRegistry;
import io.runbook.expr.ExpressionException;
import io.runbook.expr.Expressions;
import io.runbook.load.PlaybookLoader;
import io.runbook.plan.ExecutionPlan;
import io.runbook.plan.PlannedPlay;
import io.runbook.model.Playbook;
import io.runbook.report.Recap;
import io.runbook.report.RunListener;

/**
 * Runs a checked playbook against an inventory. Exit codes follow ansible-playbook: 0 every
 * host ok, 2 a host failed (or the run was aborted by a failure rule), 3 a host unreachable
 * (and none failed), 99 interrupted.
 */
public final class Runner {
  public static final int OK = 0;
  public static final int HOST_FAILED = 2;
  public static final int HOST_UNREACHABLE = 3;
  public static final int INTERRUPTED = 99;

  private final ActionRegistry actions;
  private final Expressions expressions;
  private final PlaybookLoader loader;

  public Runner(ActionRegistry actions, Expressions expressions, PlaybookLoader loader) {
    this.actions = actions;
    this.expressions = expressions;
    this.loader = loader;
  }

  /** The recap and the exit code. */
  public record Outcome(Recap recap, int exitCode) {}

  public Outcome run(ExecutionPlan plan, RunOptions options, RunListener listener) {
    return run(plan, options, listener, null);
  }

  /**
   * Executes {@code plan}, made with these {@code options}; replays the steps {@code resume} says
   * an earlier run finished.
   */
  public Outcome run(ExecutionPlan plan, RunOptions options, RunListener listener, ResumeState resume) {
    try (TransportPool transports = new TransportPool(options.ssh())) {
      return run(plan, options, listener, resume, transports, new io.runbook.report.Secrets(),
          io.runbook.journal.StepJournal.NONE);
    }
  }

  /**
   * A run over connections its caller opened and closes (the session takes its locks on the
   * hosts over the very connections the tasks then use), with the secrets that mask its outputs,
   * writing its steps to {@code journal}.
   */
  Outcome run(ExecutionPlan plan, RunOptions options, RunListener listener, ResumeState resume,
      TransportPool transports, io.runbook.report.Secrets secrets, io.runbook.journal.StepJournal journal) {
    if (!plan.options().equals(options.planOptions())) {
      throw new IllegalArgumentException("the plan was made with other options than the run's");
    }
    Playbook playbook = plan.playbook();
    RunContext run = new RunContext(playbook, plan.inventory(), options, listener, expressions, actions, loader,
        resume, transports, secrets, journal);
    listener.runStarted(playbook.file().toString(), options.checkMode());
    boolean aborted = false;
    int code;
    try {
      for (PlannedPlay play : plan.plays()) {
        new PlayRunner(run, play, plan.inputs().seed()).run();
      }
    } catch (AbortRun e) {
      aborted = true;
      listener.aborted(e.getMessage());
    } catch (ExpressionException e) {
      aborted = true;
      listener.aborted(e.position() + ": " + e.getMessage());
    } catch (io.runbook.source.InvalidInputException e) {
      // Found only once plays ran (a host pattern built from variables): not "nothing was run".
      aborted = true;
      listener.aborted(e.getMessage());
    } catch (InterruptedException | Interruption.Stop e) {
      listener.aborted("interrupted (Ctrl-C): the step in flight was stopped; nothing further ran");
      Recap recap = run.outcomes.recap();
      listener.runFinished(recap, INTERRUPTED);
      return new Outcome(recap, INTERRUPTED);
    }
    Recap recap = run.outcomes.recap();
    if (recap.anyFailed()) {
      code = HOST_FAILED;
    } else if (recap.anyUnreachable()) {
      code = HOST_UNREACHABLE;
    } else {
      code = aborted ? HOST_FAILED : OK;
    }
    listener.runFinished(recap, code);
    return new Outcome(recap, code);
  }
}
