package io.runbook.exec;

import io.runbook.expr.ExpressionException;
import io.runbook.model.ActionTask;
import io.runbook.model.BlockTask;
import io.runbook.model.IncludeTask;
import io.runbook.model.MetaTask;
import io.runbook.model.Status;
import io.runbook.model.TaskNode;
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
  private final Map<Path, List<TaskNode>> includes = new LinkedHashMap<>();

  TaskWalker(RunContext run, PlayScope play, ExecutorService forks, FailureRules rules,
      Handlers handlers, PlayEnd playEnd) {
    this.run = run;
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

  void walk(List<TaskNode> nodes, List<HostState> hosts, Inherited inh) throws InterruptedException {
    walk(nodes, hosts, inh, "TASK");
  }

  void walk(List<TaskNode> nodes, List<HostState> hosts, Inherited inh, String kind)
      throws InterruptedException {
    for (TaskNode node : nodes) {
      if (hosts.stream().noneMatch(HostState::active)) {
        return;
      }
      if (node instanceof ActionTask task) {
        action(task, hosts, inh.plus(task.options()), kind);
      } else if (node instanceof BlockTask block) {
        block(block, hosts, inh.plus(block.options()));
      } else if (node instanceof MetaTask meta) {
        meta(meta, hosts, inh.plus(meta.options()), kind);
      } else {
        include((IncludeTask) node, hosts, inh.plus(node.options()));
      }
    }
  }

  /** Runs one action task on the active hosts; handlers pass {@code handler = true}. */
  void action(ActionTask task, List<HostState> hosts, Inherited inh, boolean handler)
      throws InterruptedException {
    action(task, hosts, inh, handler ? "RUNNING HANDLER" : "TASK");
  }

  /**
   * Runs one action task; {@code kind} is how it is announced (TASK, RUNNING HANDLER, BEFORE
   * BATCH, AFTER BATCH). Tags select only ordinary tasks: handlers and gates always run.
   */
  void action(ActionTask task, List<HostState> hosts, Inherited inh, String kind)
      throws InterruptedException {
    if (kind.equals("TASK") && !run.tags.selects(inh.tags())) {
      return;
    }
    InvariantWatch watch = run.invariants;
    if (watch != null) {
      watch.checkpoint(); // a broken invariant: no new step starts
    }
    List<HostState> active = hosts.stream().filter(HostState::active).toList();
    if (active.isEmpty()) {
      return;
    }
    TaskEvent event = new TaskEvent(task.displayName(), task.action(), task.options().position(), kind);
    run.listener.taskStarted(event);
    if (task.options().runOnce() || isPause(task)) {
      HostState first = active.get(0);
      StepResult r = actions.run(task, event, first, inh);
      for (HostState other : active.subList(1, active.size())) {
        if (task.options().register() != null) {
          other.facts.put(task.options().register(), r.registered());
        }
        other.facts.putAll(r.facts());
      }
    } else {
      List<Callable<StepResult>> jobs = new ArrayList<>();
      for (HostState h : active) {
        jobs.add(() -> actions.run(task, event, h, inh));
      }
      invokeAll(jobs);
    }
    Interruption.checkpoint();
    rules.afterTask(active, inh);
  }

  /** A meta task: selected by tags as any task, then decided and applied by {@link MetaRunner}. */
  private void meta(MetaTask task, List<HostState> hosts, Inherited inh, String kind)
      throws InterruptedException {
    if (kind.equals("TASK") && !run.tags.selects(inh.tags())) {
      return;
    }
    List<HostState> active = hosts.stream().filter(HostState::active).toList();
    if (active.isEmpty()) {
      return;
    }
    metas.run(task, active, inh, kind, this);
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

  private void block(BlockTask block, List<HostState> hosts, Inherited inh)
      throws InterruptedException {
    Set<HostState> entered = new LinkedHashSet<>();
    hosts.stream().filter(HostState::active).forEach(entered::add);
    if (entered.isEmpty()) {
      return;
    }
    List<HostState> rerun = block.rerunOnResume() && run.resume != null
        ? entered.stream().filter(h -> run.resume.failedWithin(h.name, TaskPositions.of(block))).toList()
        : List.of();
    rerun.forEach(h -> h.rerunning++);
    try {
      walkBlock(block, entered, inh);
    } finally {
      rerun.forEach(h -> h.rerunning--);
    }
  }

  private void walkBlock(BlockTask block, Set<HostState> entered, Inherited inh)
      throws InterruptedException {
    walk(block.block(), List.copyOf(entered),
        block.rescue().isEmpty() ? inh : inh.insideRescuableBlock());
    List<HostState> failedInBlock = entered.stream().filter(h -> h.failed).toList();
    if (!block.rescue().isEmpty() && !failedInBlock.isEmpty()) {
      for (HostState h : failedInBlock) {
        h.failed = false;
        synchronized (run.recap) {
          run.recap.of(h.name).rescued++;
          run.recap.of(h.name).failed--;
        }
        h.facts.put("ansible_failed_result", Map.of("failed", true));
      }
      walk(block.rescue(), failedInBlock, inh);
    }
    if (!block.always().isEmpty()) {
      List<HostState> stillFailed = entered.stream().filter(h -> h.failed && !h.unreachable).toList();
      stillFailed.forEach(h -> h.failed = false);
      List<HostState> forAlways = entered.stream().filter(h -> !h.unreachable && !h.ended).toList();
      try {
        walk(block.always(), forAlways, inh);
      } finally {
        stillFailed.forEach(h -> h.failed = true);
      }
    }
    rules.afterTask(List.copyOf(entered), inh);
  }

  /**
   * include_tasks: the file is read when the task runs, per host (hosts that include the same
   * file walk it together). With a loop, each round of items is walked in turn.
   */
  private void include(IncludeTask include, List<HostState> hosts, Inherited inh)
      throws InterruptedException {
    Map<HostState, List<Map<String, Object>>> rounds = new LinkedHashMap<>();
    for (HostState h : hosts) {
      if (!h.active()) {
        continue;
      }
      try {
        rounds.put(h, itemsFor(include, h, inh));
      } catch (ExpressionException e) {
        failHost(include, h, e.position() + ": " + e.getMessage());
      }
    }
    int most = rounds.values().stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < most; i++) {
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
            continue;
          }
          String file = String.valueOf(run.expressions.render(include.file(), scope));
          byFile.computeIfAbsent(include.baseDir().resolve(file).normalize(), p -> new ArrayList<>()).add(h);
        } catch (ExpressionException ex) {
          failHost(include, h, ex.position() + ": " + ex.getMessage());
        }
      }
      // The include's own `when` was decided once, above; guards of enclosing blocks still apply
      // to every included task, as they do to every task of a block.
      List<io.runbook.model.Guard> enclosing = inh.when().subList(0,
          inh.when().size() - include.options().when().size());
      Inherited inner = inh.withoutGuards(enclosing).withHostVars(vars);
      for (Map.Entry<Path, List<HostState>> group : byFile.entrySet()) {
        List<TaskNode> tasks;
        try {
          tasks = includes.computeIfAbsent(group.getKey(), run.loader::loadTasks);
        } catch (InvalidInputException e) {
          group.getValue().forEach(h -> failHost(include, h, e.getMessage()));
          continue;
        }
        walk(tasks, group.getValue(), inner);
      }
    }
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

  private void failHost(IncludeTask include, HostState h, String message) {
    TaskEvent event = TaskEvent.task("include_tasks", "include_tasks", include.options().position());
    run.listener.taskStarted(event);
    run.listener.hostResult(new io.runbook.report.HostResult(event, h.name,
        Status.FAILED, message, null, null, Map.of(), List.of(), false));
    run.recap.of(h.name).failed++;
    h.failed = true;
  }
}
