package io.runbook.exec;

import io.runbook.expr.ExpressionException;
import io.runbook.model.ActionTask;
import io.runbook.model.BlockTask;
import io.runbook.model.IncludeTask;
import io.runbook.plan.Step;
import io.runbook.report.TaskEvent;
import io.runbook.source.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The linear strategy: each task runs on every active host of the batch (up to {@code forks} at
 * once) before the next task starts. Blocks, rescues, always-sections and includes are walked
 * in the same lockstep.
 */
final class TaskWalker {
  private final RunContext run;
  private final PlayScope play;
  private final ActionRunner actions;
  private final ExecutorService forks;
  private final FailureRules rules;
  private final Handlers handlers;
  private final MetaRunner metas;
  private final int batch;
  /** What each include read, per include step and file: parsed once per batch. */
  private final Map<String, List<Step>> includes = new LinkedHashMap<>();

  TaskWalker(RunContext run, PlayScope play, ExecutorService forks, FailureRules rules,
      Handlers handlers, PlayEnd playEnd, int batch) {
    this.run = run;
    this.batch = batch;
    this.play = play;
    this.actions = new ActionRunner(run, play);
    this.forks = forks;
    this.rules = rules;
    this.handlers = handlers;
    this.metas = new MetaRunner(run, play, playEnd);
  }

  /** Runs the handlers that these hosts notified and that did not run since. */
  void flushHandlers(List<HostState> hosts) throws InterruptedException {
    handlers.flush(this, hosts);
  }

  boolean flushingHandlers() {
    return handlers.flushing();
  }

  /** Walks steps of the plan (or steps an include read) on the hosts still active. */
  void walk(List<Step> steps, List<HostState> hosts, Inherited inh) throws InterruptedException {
    for (Step step : steps) {
      if (hosts.stream().noneMatch(HostState::active)) {
        return;
      }
      Inherited here = inh.plus(step.node().options());
      switch (step.kind()) {
        case ACTION -> action(step, hosts, here);
        case BLOCK -> block(step, hosts, here);
        case META -> meta(step, hosts, here);
        case INCLUDE -> include(step, hosts, here);
      }
    }
  }

  /**
   * Runs one action step on the active hosts, announced as its section says (TASK, RUNNING
   * HANDLER, BEFORE BATCH, AFTER BATCH). The plan already left out what the tags do not select.
   */
  private void action(Step step, List<HostState> hosts, Inherited inh) throws InterruptedException {
    ActionTask task = step.action();
    List<HostState> active = hosts.stream().filter(HostState::active).toList();
    if (active.isEmpty()) {
      return;
    }
    TaskEvent event = new TaskEvent(task.displayName(), task.action(), task.options().position(),
        step.section().announced());
    run.listener.taskStarted(event);
    if (task.options().runOnce() || isPause(task)) {
      HostState first = active.get(0);
      started(step, first);
      StepResult r = actions.run(step, event, first, inh);
      for (HostState other : active.subList(1, active.size())) {
        if (task.options().register() != null) {
          other.remember(task.options().register(), r.registered());
        }
        other.rememberAll(r.facts());
      }
    } else {
      List<Callable<StepResult>> jobs = new ArrayList<>();
      for (HostState h : active) {
        started(step, h);
        jobs.add(() -> actions.run(step, event, h, inh));
      }
      invokeAll(jobs);
    }
    Interruption.checkpoint();
    rules.afterTask(active, inh);
  }

  /** The run starts a step of the plan on a host: the (batch, host, step id) the plan foresaw. */
  private void started(Step step, HostState host) {
    run.journal.stepStarted(batch, host.name, step.id());
  }

  /** A meta step: decided and applied by {@link MetaRunner}. */
  private void meta(Step step, List<HostState> hosts, Inherited inh) throws InterruptedException {
    List<HostState> active = hosts.stream().filter(HostState::active).toList();
    if (active.isEmpty()) {
      return;
    }
    (step.meta().meta().perHost() ? active : active.subList(0, 1)).forEach(h -> started(step, h));
    metas.run(step, active, inh, this);
    rules.afterTask(active, inh);
  }

  /** {@code pause} runs once per batch, as in Ansible, not once per host. */
  private static boolean isPause(ActionTask task) {
    return task.action().equals("pause");
  }

  private void invokeAll(List<Callable<StepResult>> jobs) throws InterruptedException {
    if (jobs.size() == 1) {
      try {
        jobs.get(0).call();
      } catch (InterruptedException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    List<Future<StepResult>> futures = forks.invokeAll(jobs);
    for (Future<StepResult> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  private void block(Step step, List<HostState> hosts, Inherited inh)
      throws InterruptedException {
    BlockTask block = step.blockNode();
    Set<HostState> entered = new LinkedHashSet<>();
    hosts.stream().filter(HostState::active).forEach(entered::add);
    if (entered.isEmpty()) {
      return;
    }
    List<HostState> rerun = block.rerunOnResume() && run.resume != null
        ? entered.stream().filter(h -> run.resume.failedWithin(h.name, step)).toList()
        : List.of();
    rerun.forEach(h -> h.rerunning++);
    try {
      walkBlock(step, entered, inh);
    } finally {
      rerun.forEach(h -> h.rerunning--);
    }
  }

  private void walkBlock(Step step, Set<HostState> entered, Inherited inh)
      throws InterruptedException {
    try {
      walk(step.block(), List.copyOf(entered),
          step.rescue().isEmpty() ? inh : inh.insideRescuableBlock());
      List<HostState> failedInBlock = entered.stream().filter(h -> h.failed).toList();
      if (!step.rescue().isEmpty() && !failedInBlock.isEmpty()) {
        for (HostState h : failedInBlock) {
          h.failed = false; // its failure counted rescued when it happened (Outcomes)
          h.remember("ansible_failed_result", Map.of("failed", true));
        }
        walk(step.rescue(), failedInBlock, inh);
      }
    } catch (AbortRun stop) {
      if (stop.runsAlways()) {
        always(step, entered, inh);
      }
      throw stop;
    }
    always(step, entered, inh);
    rules.afterTask(List.copyOf(entered), inh);
  }

  /** Every host that entered the block and is still reachable runs {@code always}, failed or not. */
  private void always(Step step, Set<HostState> entered, Inherited inh) throws InterruptedException {
    if (!step.always().isEmpty()) {
      List<HostState> stillFailed = entered.stream().filter(h -> h.failed && !h.unreachable).toList();
      stillFailed.forEach(h -> h.failed = false);
      List<HostState> forAlways = entered.stream().filter(h -> !h.unreachable && !h.ended).toList();
      try {
        walk(step.always(), forAlways, inh);
      } finally {
        stillFailed.forEach(h -> h.failed = true);
      }
    }
  }

  /**
   * include_tasks: the file is read when the task runs, per host (hosts that include the same
   * file walk it together). With a loop, each round of items is walked in turn.
   */
  private void include(Step step, List<HostState> hosts, Inherited inh)
      throws InterruptedException {
    IncludeTask include = step.include();
    IncludeResults results = new IncludeResults(run, include, step.section().announced());
    Map<HostState, List<Map<String, Object>>> rounds = new LinkedHashMap<>();
    for (HostState h : hosts) {
      if (!h.active()) {
        continue;
      }
      started(step, h);
      try {
        rounds.put(h, itemsFor(include, h, inh));
      } catch (ExpressionException e) {
        results.failed(h, inh, e.position() + ": " + e.getMessage());
      }
    }
    int most = rounds.values().stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < most; i++) {
      results.round();
      Map<Path, List<HostState>> byFile = new LinkedHashMap<>();
      Map<String, Map<String, Object>> vars = new LinkedHashMap<>();
      for (Map.Entry<HostState, List<Map<String, Object>>> e : rounds.entrySet()) {
        HostState h = e.getKey();
        if (i >= e.getValue().size() || !h.active()) {
          continue;
        }
        Map<String, Object> itemVars = e.getValue().get(i);
        vars.put(h.name, itemVars);
        try {
          VarScope scope = play.forHost(h.name, inh.withHostVars(Map.of(h.name, itemVars)));
          if (!Guards.allHold(run.expressions, inh.when(), scope)) {
            results.skipped(h, itemVars, i == e.getValue().size() - 1);
            continue;
          }
          String file = String.valueOf(run.expressions.render(include.file(), scope));
          byFile.computeIfAbsent(include.baseDir().resolve(file).normalize(), p -> new ArrayList<>()).add(h);
        } catch (ExpressionException ex) {
          results.failed(h, inh, ex.position() + ": " + ex.getMessage());
        }
      }
      // The include's own `when` was decided once, above; guards of enclosing blocks still apply
      // to every included task, as they do to every task of a block.
      List<io.runbook.model.Guard> enclosing = inh.when().subList(0,
          inh.when().size() - include.options().when().size());
      Inherited inner = inh.withoutGuards(enclosing).withHostVars(vars);
      // Every file is read, and its hosts reported included, before the first is walked.
      Map<Path, List<Step>> loaded = new LinkedHashMap<>();
      for (Map.Entry<Path, List<HostState>> group : byFile.entrySet()) {
        try {
          List<Step> tasks = includes.computeIfAbsent(step.id() + "|" + group.getKey(), k -> run.steps.expand(step,
              run.playbook.fromBaseDir(group.getKey()), run.loader.loadTasks(group.getKey()), inh.tags()));
          loaded.put(group.getKey(), tasks);
          group.getValue().forEach(h -> results.included(h, vars.get(h.name), group.getKey()));
        } catch (InvalidInputException e) {
          group.getValue().forEach(h -> results.failed(h, inh, e.getMessage()));
        }
      }
      for (Map.Entry<Path, List<Step>> file : loaded.entrySet()) {
        walk(file.getValue(), byFile.get(file.getKey()), inner);
      }
    }
    results.finish(List.copyOf(rounds.keySet()));
    rules.afterTask(hosts, inh);
  }

  /** The loop items of an include for one host, as variable sets; one empty set without a loop. */
  private List<Map<String, Object>> itemsFor(IncludeTask include, HostState h, Inherited inh) {
    if (include.options().loop() == null) {
      return List.of(Map.of());
    }
    Object items = run.expressions.render(include.options().loop(), play.forHost(h.name, inh));
    if (!(items instanceof List<?> list)) {
      throw new ExpressionException(include.options().loop().position(), "'loop' must give a list");
    }
    List<Map<String, Object>> out = new ArrayList<>();
    String loopVar = include.options().loopControl().loopVar();
    String indexVar = include.options().loopControl().indexVar();
    for (int i = 0; i < list.size(); i++) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put(loopVar, list.get(i));
      if (indexVar != null) {
        v.put(indexVar, i);
      }
      out.add(v);
    }
    return out;
  }
}
