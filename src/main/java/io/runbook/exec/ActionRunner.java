package io.runbook.exec;

import io.runbook.action.Action;
import io.runbook.expr.ExpressionException;
import io.runbook.expr.Expressions;
import io.runbook.model.ActionTask;
import io.runbook.model.LoopControl;
import io.runbook.model.Status;
import io.runbook.plan.Step;
import io.runbook.report.HostResult;
import io.runbook.report.StepOutcome;
import io.runbook.report.StepRecord;
import io.runbook.report.TaskEvent;
import io.runbook.transport.UnreachableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One action task on one host: its {@code when}, its loop, its attempts, then {@code register},
 * set_fact, {@code notify}, {@code ignore_errors}, the report, and the step's final outcome.
 */
final class ActionRunner {
  static final String NO_LOG_TEXT =
      "the output has been hidden due to the fact that 'no_log: true' was specified for this result";

  private final RunContext run;
  private final PlayScope play;
  private final Attempts attempts;

  ActionRunner(RunContext run, PlayScope play) {
    this.run = run;
    this.play = play;
    this.attempts = new Attempts(run);
  }

  /** Runs and reports; returns the outcome that counts for the host. */
  StepResult run(Step step, TaskEvent event, HostState host, Inherited inh)
      throws InterruptedException {
    ActionTask task = step.action();
    String key = host.nextStepKey(step.id());
    ResumeState.Done done = run.resume == null || host.rerunning > 0 ? null : run.resume.done(key, host.name);
    if (done != null) {
      return replay(task, event, host, key, done);
    }
    InvariantWatch watch = run.invariants;
    if (watch != null) {
      watch.beforeRealStep(); // only what runs for real is watched and admitted
    }
    VarScope scope = play.forHost(host.name, inh);
    StepResult result;
    boolean noLog = false;
    try {
      noLog = inh.noLog() != null && Expressions.truthy(run.expressions.render(inh.noLog(), scope));
      Attempts.Target target = target(task, host.name, inh, scope);
      result = task.options().loop() == null
          ? single(task, event, host, inh, scope, target, noLog)
          : loop(task, event, host, inh, scope, target, noLog);
    } catch (UnreachableException e) {
      host.unreachable = true;
      host.lastFailure = "'" + task.displayName() + "': unreachable: " + e.getMessage();
      run.outcomes.add(host.name, StepOutcome.UNREACHABLE);
      report(event, host.name, Status.UNREACHABLE, e.getMessage(), null, null, Map.of(), List.of(), false);
      run.journal.stepFinished(new StepRecord(key, host.name, task.displayName(), "unreachable", false,
          false, Map.of(), Map.of(), false, false));
      return Attempts.failure(e.getMessage());
    } catch (ExpressionException e) {
      result = Attempts.failure(e.position() + ": " + e.getMessage());
      report(event, host.name, Status.FAILED, result.message(), null, null, result.registered(),
          List.of(), false);
    } catch (NumberFormatException e) {
      result = Attempts.failure(task.options().position() + ": expected a number: " + e.getMessage());
      report(event, host.name, Status.FAILED, result.message(), null, null, result.registered(),
          List.of(), false);
    }
    if (noLog) {
      // What a no_log task registered stays secret in everything printed afterwards.
      run.secrets.addAll(result.registered());
      run.secrets.addAll(result.facts());
    }
    StepResult settled = settle(task, host, inh, scope, result, noLog);
    boolean ignored = settled.failed() && !host.failed;
    run.journal.stepFinished(new StepRecord(key, host.name, task.displayName(),
        settled.status().name().toLowerCase(java.util.Locale.ROOT), settled.changed(), ignored,
        settled.registered(), settled.facts(), !noLog && (!settled.failed() || ignored), false));
    return settled;
  }

  /**
   * A step the resumed run already finished: its registered result and facts come back, a
   * change notifies its handlers again, and the console says where it was done; nothing runs.
   */
  private StepResult replay(ActionTask task, TaskEvent event, HostState host, String key,
      ResumeState.Done done) {
    Status status = Status.valueOf(done.status().toUpperCase(java.util.Locale.ROOT));
    StepResult r = new StepResult(status, null, new LinkedHashMap<>(done.registered()), done.facts(), List.of());
    if (task.options().register() != null) {
      host.remember(task.options().register(), r.registered());
    }
    host.rememberAll(r.facts());
    if (done.changed()) {
      host.notified.addAll(task.options().notifies());
    }
    run.outcomes.add(host.name, StepOutcome.of(status, r.reportsChange(), done.ignored(), false));
    report(event, host.name, status, "done in run " + done.runId() + ", not run again", null, null,
        r.registered(), List.of(), done.ignored());
    run.journal.stepFinished(new StepRecord(key, host.name, task.displayName(), done.status(),
        done.changed(), done.ignored(), done.registered(), done.facts(), true, true));
    return r;
  }

  private StepResult single(ActionTask task, TaskEvent event, HostState host, Inherited inh,
      VarScope scope, Attempts.Target target, boolean noLog) throws InterruptedException {
    if (!Guards.allHold(run.expressions, inh.when(), scope)) {
      StepResult skipped = skipped(inh);
      report(event, host.name, Status.SKIPPED, null, null, target.delegatedTo(),
          skipped.registered(), List.of(), false);
      return skipped;
    }
    StepResult r = attempts.run(task, event, host.name, scope, inh, target);
    reportStep(event, host.name, r, null, target, noLog, ignored(inh, scope, r));
    return r;
  }

  private StepResult loop(ActionTask task, TaskEvent event, HostState host, Inherited inh,
      VarScope scope, Attempts.Target target, boolean noLog) throws InterruptedException {
    List<?> items = items(task, scope);
    LoopControl control = task.options().loopControl();
    List<Object> results = new ArrayList<>();
    Map<String, Object> facts = new LinkedHashMap<>();
    boolean anyChanged = false;
    boolean anyFailed = false;
    boolean allSkipped = true;
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> loopVars = new HashMap<>();
      loopVars.put(control.loopVar(), items.get(i));
      if (control.indexVar() != null) {
        loopVars.put(control.indexVar(), i);
      }
      loopVars.put("ansible_loop_var", control.loopVar());
      VarScope itemScope = scope.with("loop", loopVars);
      String label = label(control, itemScope, items.get(i), noLog);
      StepResult r;
      if (!Guards.allHold(run.expressions, inh.when(), itemScope)) {
        r = skipped(inh);
        report(event, host.name, Status.SKIPPED, null, label, target.delegatedTo(), r.registered(),
            List.of(), false);
      } else {
        r = attempts.run(task, event, host.name, itemScope, inh, target);
        reportStep(event, host.name, r, label, target, noLog, ignored(inh, itemScope, r));
        allSkipped = false;
      }
      r.registered().put(control.loopVar(), items.get(i));
      r.registered().put("ansible_loop_var", control.loopVar());
      results.add(r.registered());
      facts.putAll(r.facts());
      anyChanged |= r.changed();
      anyFailed |= r.failed();
      if (control.pause() != null && i < items.size() - 1) {
        double pause = Double.parseDouble(String.valueOf(run.expressions.render(control.pause(), scope)));
        run.options.clock().sleep(Duration.ofMillis((long) (pause * 1000)));
      }
    }
    Map<String, Object> reg = new LinkedHashMap<>();
    reg.put("results", results);
    reg.put("changed", anyChanged);
    reg.put("failed", anyFailed);
    reg.put("msg", anyFailed ? "One or more items failed" : "All items completed");
    if (allSkipped) {
      reg.put("skipped", true);
    }
    Status status = anyFailed ? Status.FAILED : anyChanged ? Status.CHANGED
        : allSkipped ? Status.SKIPPED : Status.OK;
    return new StepResult(status, anyFailed ? "One or more items failed" : null, reg, facts, List.of());
  }

  private List<?> items(ActionTask task, VarScope scope) {
    Object rendered = run.expressions.render(task.options().loop(), scope);
    if (rendered instanceof List<?> list) {
      return list;
    }
    throw new ExpressionException(task.options().loop().position(),
        "'loop' must give a list, but gave " + (rendered == null ? "null" : rendered.getClass()
            .getSimpleName().toLowerCase(java.util.Locale.ROOT) + " '" + rendered + "'"));
  }

  private String label(LoopControl control, VarScope itemScope, Object item, boolean noLog) {
    if (control.label() != null) {
      return String.valueOf(run.expressions.render(control.label(), itemScope));
    }
    return noLog ? "(item hidden: no_log)" : String.valueOf(item);
  }

  /** Registers, sets facts, notifies, and marks the host failed when it is. */
  private StepResult settle(ActionTask task, HostState host, Inherited inh, VarScope scope,
      StepResult r, boolean noLog) {
    if (task.options().register() != null) {
      host.remember(task.options().register(), r.registered());
    }
    host.rememberAll(r.facts());
    if (r.changed()) {
      host.notified.addAll(task.options().notifies());
    }
    boolean ignored = ignored(inh, scope, r);
    if (r.failed() && !ignored) {
      host.failed = true;
      host.lastFailure = "'" + task.displayName() + "': " + r.message();
    }
    // One outcome per task and host, loops included; a failure inside a block with a rescue is
    // the rescue's to count, as Ansible's recap does.
    run.outcomes.add(host.name, StepOutcome.of(r.status(), r.reportsChange(), ignored, inh.rescueDepth() > 0));
    return r;
  }

  boolean ignored(Inherited inh, VarScope scope, StepResult r) {
    return r.failed() && inh.ignoreErrors() != null
        && Expressions.truthy(run.expressions.render(inh.ignoreErrors(), scope));
  }

  private static StepResult skipped(Inherited inh) {
    Map<String, Object> reg = new LinkedHashMap<>();
    reg.put("changed", false);
    reg.put("skipped", true);
    reg.put("skip_reason", "Conditional result was False");
    if (!inh.when().isEmpty()) {
      reg.put("false_condition", Guards.describe(inh.when()));
    }
    return new StepResult(Status.SKIPPED, null, reg, Map.of(), List.of());
  }

  private Attempts.Target target(ActionTask task, String host, Inherited inh, VarScope scope) {
    if (action(task).controllerOnly()) {
      return new Attempts.Target(host, run.transports.local(), null);
    }
    if (inh.delegateTo() == null) {
      return new Attempts.Target(host, run.transports.forHost(host, connectionVars(host, scope)), null);
    }
    String delegate = String.valueOf(run.expressions.render(inh.delegateTo(), scope));
    Map<String, Object> vars = run.inventory.hosts().contains(delegate)
        || run.inventory.isImplicitLocalhost(delegate) ? run.inventoryVars(delegate) : Map.of();
    return new Attempts.Target(delegate, run.transports.forHost(delegate, vars), delegate);
  }

  /**
   * The host's connection variables; the play's {@code connection} applies when the inventory
   * does not set {@code ansible_connection} (inventory variables win, as in Ansible).
   */
  private Map<String, Object> connectionVars(String host, VarScope scope) {
    return TransportPool.connectionVars(run.connectionVars(host), play.connection() == null ? null
        : () -> String.valueOf(run.expressions.render(play.connection(), scope)));
  }

  private void reportStep(TaskEvent event, String host, StepResult r, String item,
      Attempts.Target target, boolean noLog, boolean ignored) {
    Map<String, Object> shown = noLog ? Map.of("censored", NO_LOG_TEXT) : r.registered();
    String message = noLog && r.message() != null ? NO_LOG_TEXT : r.message();
    List<HostResult.Diff> diffs = noLog ? List.of() : r.diffs().stream()
        .map(d -> new HostResult.Diff(d.path(), d.before(), d.after())).toList();
    report(event, host, r.status(), message, item, target.delegatedTo(), shown, diffs, ignored);
  }

  private void report(TaskEvent event, String host, Status status, String message, String item,
      String delegatedTo, Map<String, Object> result, List<HostResult.Diff> diffs, boolean ignored) {
    run.listener.hostResult(new HostResult(event, host, status, message, item, delegatedTo,
        result, diffs, ignored));
  }

  /** The action to run, for callers that need its properties. */
  Action action(ActionTask task) {
    return run.actions.get(task.action());
  }
}
