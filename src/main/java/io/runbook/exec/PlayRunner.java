package io.runbook.exec;

import io.runbook.expr.ExpressionException;
import io.runbook.load.VarsFiles;
import io.runbook.model.Play;
import io.runbook.plan.PlannedPlay;
import io.runbook.plan.Planner;
import io.runbook.plan.Section;
import io.runbook.plan.Step;
import io.runbook.source.InvalidInputException;
import io.runbook.yaml.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One play of the plan: its hosts batch by batch, as planned, running pre_tasks, tasks and
 * post_tasks on each batch, flushing handlers after each section as Ansible does.
 */
final class PlayRunner {
  private final RunContext run;
  private final PlannedPlay planned;
  private final Play play;

  /** {@code seed}: the plan's, for a play whose hosts are planned when it starts. */
  PlayRunner(RunContext run, PlannedPlay planned, long seed) {
    this.run = run;
    this.planned = !planned.hostsAtRunTime() ? planned
        : new Planner(RunPlanner.foresight(run)).atRunTime(planned, run.inventory, run.options.planOptions(), seed);
    this.play = planned.play();
  }

  void run() throws InterruptedException {
    // The plan's hosts, in its order; a host that failed in an earlier play has left the run,
    // as in Ansible, and so leaves its batch here.
    List<String> hosts = new ArrayList<>(planned.hosts());
    hosts.removeIf(h -> run.host(h).down());
    hosts.forEach(h -> run.host(h).enterPlay());
    run.listener.playStarted(play.displayName(), hosts);
    if (hosts.isEmpty()) {
      run.listener.warning("no hosts matched '" + planned.pattern() + "'"
          + (run.options.limit() != null ? " with --limit " + run.options.limit() : "")
          + ": skipping play " + play.displayName());
      run.listener.playFinished(play.displayName());
      return;
    }
    PlayScope scope = new PlayScope(run, play, hosts);
    scope.loadVarsFiles(this::readVarsFile);
    for (String name : play.secretVars()) {
      for (String h : hosts) {
        run.secrets.addAll(scope.forHost(h, Inherited.forPlay(play)).get(name));
      }
    }
    List<List<String>> batches = planned.batches().stream()
        .map(b -> b.stream().filter(hosts::contains).toList()).filter(b -> !b.isEmpty()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(planned.forks(), hosts.size())),
        daemonThreads());
    PlayEnd end = new PlayEnd();
    InvariantWatch watch = play.invariants().isEmpty() ? null : new InvariantWatch(run, scope, play);
    run.invariants = watch;
    if (watch != null) {
      watch.start();
    }
    try {
      for (int i = 0; i < batches.size() && !end.ended(); i++) {
        List<String> batch = batches.get(i);
        run.outcomes.take(batch);
        if (batches.size() > 1) {
          run.listener.batchStarted(i + 1, batches.size(), batch);
        }
        batch(scope, i + 1, batch, pool, end);
      }
    } finally {
      pool.shutdownNow();
      if (watch != null) {
        watch.close();
        run.invariants = null;
      }
    }
    run.listener.playFinished(play.displayName());
  }

  /**
   * One batch: its gates, its sections, each followed by its handlers. After a meta task ended
   * the batch (end_batch, end_play) its hosts do nothing more, but the after_batch gate still
   * checks what the batch did before anything else is touched.
   */
  private void batch(PlayScope scope, int number, List<String> names, ExecutorService pool,
      PlayEnd end) throws InterruptedException {
    scope.batch(names);
    List<HostState> states = names.stream().map(run::host).toList();
    FailureRules rules = new FailureRules(states, planned.failure().anyErrorsFatal(),
        planned.failure().maxFailPercentage());
    Inherited inh = Inherited.forPlay(play);
    TaskWalker walker = new TaskWalker(run, scope, pool, rules,
        new Handlers(planned.steps(Section.HANDLERS), inh), end, number);
    if (run.invariants != null) {
      run.invariants.batchStarts(names);
    }
    gate(Section.BEFORE_BATCH, walker, inh, names);
    for (Section section : List.of(Section.PRE_TASKS, Section.TASKS, Section.POST_TASKS)) {
      walker.walk(planned.steps(section), states, inh);
      walker.flushHandlers(states);
    }
    rules.afterBatch();
    gate(Section.AFTER_BATCH, walker, inh, names);
  }

  /**
   * A gate: tasks run once on the controller (as {@code localhost}) with {@code
   * ansible_play_batch} set. If one fails, the run stops before another host is touched.
   */
  private void gate(Section which, TaskWalker walker, Inherited inh, List<String> batch)
      throws InterruptedException {
    List<Step> tasks = planned.steps(which);
    if (tasks.isEmpty()) {
      return;
    }
    HostState controller = run.host("localhost");
    boolean ended = controller.ended; // localhost may be a host of the play, ended by a meta task
    controller.ended = false;
    try {
      walker.walk(tasks, List.of(controller), inh);
    } finally {
      controller.ended = ended;
    }
    if (controller.down()) {
      throw new AbortRun(which.name().toLowerCase(java.util.Locale.ROOT) + " gate failed for batch " + batch + ": " + controller.lastFailure);
    }
  }

  private Map<String, YNode> readVarsFile(String path, io.runbook.source.SourcePosition at) {
    try {
      return VarsFiles.read(run.playbook.baseDir().resolve(Path.of(path)));
    } catch (InvalidInputException e) {
      throw new ExpressionException(at, "cannot read vars file " + path + ": "
          + e.diagnostics().get(0).message());
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "runbook-fork-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
