package io.runbook.exec;

import io.runbook.expr.ExpressionException;
import io.runbook.model.Meta;
import io.runbook.model.MetaTask;
import io.runbook.model.Status;
import io.runbook.plan.Step;
import io.runbook.report.HostResult;
import io.runbook.report.StepRecord;
import io.runbook.report.TaskEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code meta} tasks as ansible-core 2.14 does. {@code flush_handlers}, {@code end_host}
 * and {@code noop} decide on each host (its {@code when}); {@code end_play} and
 * {@code end_batch} decide once per batch, on its first active host, as {@code run_once} does.
 * Nothing is counted in the recap (Ansible counts nothing for meta tasks), but every decision is
 * a step in the journal, so that a resumed run replays it instead of deciding again.
 */
final class MetaRunner {
  private final RunContext run;
  private final PlayScope play;
  private final PlayEnd playEnd;

  MetaRunner(RunContext run, PlayScope play, PlayEnd playEnd) {
    this.run = run;
    this.play = play;
    this.playEnd = playEnd;
  }

  void run(Step step, List<HostState> active, Inherited inh, TaskWalker walker)
      throws InterruptedException {
    MetaTask task = step.meta();
    TaskEvent event = new TaskEvent(task.displayName(), "meta", task.options().position(),
        step.section().announced());
    run.listener.taskStarted(event);
    List<HostState> deciding = task.meta().perHost() ? active : List.of(active.get(0));
    List<HostState> acting = new ArrayList<>();
    for (HostState h : deciding) {
      if (task.meta() == Meta.FLUSH_HANDLERS && walker.flushingHandlers()) {
        fail(task, event, h, inh, "meta: flush_handlers cannot run inside a handler");
      } else if (decide(step, event, h, inh)) {
        acting.add(h);
      }
    }
    if (acting.isEmpty()) {
      return;
    }
    switch (task.meta()) {
      case FLUSH_HANDLERS -> walker.flushHandlers(acting);
      case END_HOST -> acting.forEach(h -> h.ended = true);
      case END_BATCH -> endBatch();
      case END_PLAY -> {
        endBatch();
        playEnd.end();
      }
      case NOOP -> { }
    }
  }

  /** Every host of the batch leaves the play, wherever it is (inside a block or an include). */
  private void endBatch() {
    for (String name : play.batch()) {
      HostState h = run.host(name);
      if (!h.down()) {
        h.ended = true;
      }
    }
  }

  /** Whether the meta acts for this host: replayed from the resumed run, or its guard now. */
  private boolean decide(Step step, TaskEvent event, HostState host, Inherited inh) {
    MetaTask task = step.meta();
    String key = host.nextStepKey(step.id());
    ResumeState.Done done = run.resume == null || host.rerunning > 0 ? null : run.resume.done(key, host.name);
    boolean acts;
    if (done != null) {
      acts = done.status().equals("ok");
    } else {
      try {
        acts = Guards.allHold(run.expressions, inh.when(), play.forHost(host.name, inh));
      } catch (ExpressionException e) {
        fail(task, event, host, inh, e.position() + ": " + e.getMessage());
        run.journal.stepFinished(new StepRecord(key, host.name, task.displayName(), "failed", false,
            false, Map.of(), Map.of(), false, false));
        return false;
      }
    }
    Map<String, Object> result = result(task.meta(), host.name, acts, inh);
    // The console says when a host leaves the play; a flush shows as its handlers' runs.
    String message = acts && task.meta().ends() ? String.valueOf(result.get("msg")) : null;
    if (done != null) {
      String replayed = "done in run " + done.runId() + ", not run again";
      message = message == null ? (acts ? null : replayed) : message + " (" + replayed + ")";
    }
    run.listener.hostResult(new HostResult(event, host.name, acts ? Status.OK : Status.SKIPPED, message,
        null, null, result, List.of(), false));
    run.journal.stepFinished(new StepRecord(key, host.name, task.displayName(), acts ? "ok" : "skipped",
        false, false, result, Map.of(), true, done != null));
    return acts;
  }

  /** What Ansible's meta returns: its message, or why it was skipped. */
  private static Map<String, Object> result(Meta meta, String host, boolean acts, Inherited inh) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("changed", false);
    if (acts) {
      r.put("msg", switch (meta) {
        case FLUSH_HANDLERS -> "triggered running handlers for " + host;
        case END_PLAY -> "ending play";
        case END_BATCH -> "ending batch";
        case END_HOST -> "ending play for " + host;
        case NOOP -> "noop";
      });
      return r;
    }
    r.put("skipped", true);
    r.put("skip_reason", meta.written() + " conditional evaluated to False, " + switch (meta) {
      case FLUSH_HANDLERS -> "not running handlers for " + host;
      case END_PLAY -> "continuing play";
      case END_BATCH -> "continuing current batch";
      case END_HOST, NOOP -> "continuing execution for " + host;
    });
    r.put("false_condition", Guards.describe(inh.when()));
    return r;
  }

  /** A meta that could not decide fails its host, as a task whose guard cannot be evaluated. */
  private void fail(MetaTask task, TaskEvent event, HostState host, Inherited inh, String message) {
    run.listener.hostResult(new HostResult(event, host.name, Status.FAILED, message, null, null,
        Map.of("failed", true, "msg", message), List.of(), false));
    run.outcomes.failed(host.name, inh);
    host.failed = true;
    host.lastFailure = "'" + task.displayName() + "': " + message;
  }
}
