package io.runbook.exec;

import io.runbook.expr.ExpressionException;
import io.runbook.load.VarsFiles;
import io.runbook.model.Play;
import io.runbook.model.TaskNode;
import io.runbook.model.Value;
import io.runbook.source.InvalidInputException;
import io.runbook.yaml.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One play: choose its hosts, split them into batches per {@code serial}, and run pre_tasks,
 * tasks and post_tasks on each batch, flushing handlers after each section as Ansible does.
 */
final class PlayRunner {
  private final RunContext run;
  private final Play play;

  PlayRunner(RunContext run, Play play) {
    this.run = run;
    this.play = play;
  }

  void run() throws InterruptedException {
    VarScope playLevel = new PlayScope(run, play, List.of()).forHost("localhost", Inherited.forPlay(List.of()));
    String pattern = String.valueOf(run.expressions.render(play.hosts(), playLevel));
    List<String> hosts = new ArrayList<>(run.inventory.select(pattern));
    if (run.options.limit() != null) {
      hosts = new ArrayList<>(run.inventory.limit(hosts, run.options.limit()));
    }
    hosts.removeIf(h -> run.host(h).down()); // failed hosts leave the run, as in Ansible
    hosts.forEach(h -> run.host(h).enterPlay());
    order(hosts);
    run.listener.playStarted(play.displayName(), hosts);
    if (hosts.isEmpty()) {
      run.listener.warning("no hosts matched '" + pattern + "'"
          + (run.options.limit() != null ? " with --limit " + run.options.limit() : "")
          + ": skipping play " + play.displayName());
      run.listener.playFinished(play.displayName());
      return;
    }
    PlayScope scope = new PlayScope(run, play, hosts);
    scope.loadVarsFiles(this::readVarsFile);
    for (String name : play.secretVars()) {
      for (String h : hosts) {
        run.options.secrets().addAll(scope.forHost(h, Inherited.forPlay(play)).get(name));
      }
    }
    Value.Renderer render = (text, at) -> run.expressions.renderString(text, at, playLevel);
    Double maxFail = play.maxFailPercentage() == null ? null : play.maxFailPercentage().get(render).value();
    List<List<String>> batches = Batches.split(hosts, Batches.sizes(play, render));
    int forks = play.forks() != null ? play.forks() : run.options.forks();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(forks, hosts.size())),
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
        synchronized (run.recap) {
          // The recap lists hosts in the order they are taken, not in the order forks finish.
          batch.forEach(run.recap::of);
        }
        if (batches.size() > 1) {
          run.listener.batchStarted(i + 1, batches.size(), batch);
        }
        batch(scope, batch, maxFail, pool, end);
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
  private void batch(PlayScope scope, List<String> names, Double maxFail, ExecutorService pool,
      PlayEnd end) throws InterruptedException {
    scope.batch(names);
    List<HostState> states = names.stream().map(run::host).toList();
    FailureRules rules = new FailureRules(states, play.anyErrorsFatal(), maxFail);
    Inherited inh = Inherited.forPlay(play);
    TaskWalker walker = new TaskWalker(run, scope, pool, rules, new Handlers(play.handlers(), inh), end);
    if (run.invariants != null) {
      run.invariants.admit(names);
    }
    gate("before_batch", play.beforeBatch(), walker, inh, names);
    for (List<TaskNode> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
      walker.walk(section, states, inh);
      walker.flushHandlers(states);
    }
    rules.afterBatch();
    gate("after_batch", play.afterBatch(), walker, inh, names);
  }

  /**
   * A gate: tasks run once on the controller (as {@code localhost}) with {@code
   * ansible_play_batch} set. If one fails, the run stops before another host is touched.
   */
  private void gate(String which, List<TaskNode> tasks, TaskWalker walker, Inherited inh,
      List<String> batch) throws InterruptedException {
    if (tasks.isEmpty()) {
      return;
    }
    HostState controller = run.host("localhost");
    boolean ended = controller.ended; // localhost may be a host of the play, ended by a meta task
    controller.ended = false;
    try {
      walker.walk(tasks, List.of(controller), inh, which.toUpperCase(java.util.Locale.ROOT).replace('_', ' '));
    } finally {
      controller.ended = ended;
    }
    if (controller.down()) {
      throw new AbortRun(which + " gate failed for batch " + batch + ": " + controller.lastFailure);
    }
  }

  private void order(List<String> hosts) {
    switch (play.order()) {
      case INVENTORY -> { }
      case REVERSE_INVENTORY -> Collections.reverse(hosts);
      case SORTED -> hosts.sort(Comparator.naturalOrder());
      case REVERSE_SORTED -> hosts.sort(Comparator.reverseOrder());
      case SHUFFLE -> Collections.shuffle(hosts);
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
