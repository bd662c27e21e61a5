package io.runbook.exec;

import io.runbook.expr.ExpressionException;
import io.runbook.journal.LockOwner;
import io.runbook.journal.RunLock;
import io.runbook.journal.TargetLock;
import io.runbook.model.Play;
import io.runbook.source.Diagnostic;
import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import io.runbook.transport.TransportException;
import io.runbook.transport.UnreachableException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The run lock on the hosts a run touches, both halves, taken before any task runs: the
 * controller's lock files ({@link RunLock}), then a lock folder on each host ({@link TargetLock})
 * over the connection the run then uses. A refusal on either side refuses the whole run. A host
 * that cannot be reached to be locked is left out of the run as unreachable (its first task
 * would have found it so anyway), so one dead host neither blocks the run nor is touched
 * unlocked should it come back mid-run.
 */
final class HostLocks implements AutoCloseable {
  /** A host, the variables that choose its connection, and its lock directory (null: the login user's). */
  private record Target(String host, Map<String, Object> vars, String lockDir) {}

  private final RunLock controller;
  private final Map<TargetLock, Target> onHosts;
  private final TransportPool pool;
  private final int forks;
  private final PrintWriter err;

  private HostLocks(RunLock controller, Map<TargetLock, Target> onHosts, TransportPool pool, int forks,
      PrintWriter err) {
    this.controller = controller;
    this.onHosts = onHosts;
    this.pool = pool;
    this.forks = forks;
    this.err = err;
  }

  /**
   * Locks the hosts of {@code playHosts} (each play's, in play order) for {@code owner}, or
   * refuses with one line per holder (InvalidInputException: nothing ran).
   *
   * @param run       the run's inputs, for the variables each host sees in its first play
   * @param lockDir   this machine's lock directory; also the lock directory of local hosts
   * @param resuming  the id of the run being resumed, whose stale locks are taken over; or null
   */
  static HostLocks take(RunContext run, List<List<String>> playHosts, TransportPool pool,
      Path lockDir, LockOwner owner, boolean breakLock, String resuming, PrintWriter err,
      SourcePosition at) {
    List<Target> targets = targets(run, playHosts, pool, lockDir);
    List<RunLock.Key> keys = targets.stream()
        .map(t -> new RunLock.Key(t.host(), pool.identity(t.host(), t.vars()))).toList();
    RunLock controller = RunLock.acquire(lockDir, keys, owner, breakLock, resuming, at);
    int forks = run.options.forks();
    List<Object> answers;
    try {
      answers = inParallel(targets, forks, t -> {
        try {
          return TargetLock.take(pool.forHost(t.host(), t.vars()), t.host(), t.lockDir(), owner,
              breakLock, resuming);
        } catch (UnreachableException e) {
          return e;
        } catch (TransportException e) {
          return new TargetLock.Refused(e.getMessage());
        }
      });
    } catch (RuntimeException e) {
      controller.close();
      throw e;
    }
    Map<TargetLock, Target> taken = new LinkedHashMap<>();
    List<Diagnostic> refused = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      Object answer = answers.get(i);
      if (answer instanceof TargetLock.Taken ok) {
        taken.put(ok.lock(), t);
      } else if (answer instanceof TargetLock.Refused no) {
        refused.add(Diagnostic.error(at, no.message()));
      } else {
        String why = ((RuntimeException) answer).getMessage()
            .replaceFirst("^" + java.util.regex.Pattern.quote(t.host()) + ": ", ""); // named once is enough
        pool.markUnreachable(t.host(), t.host() + " was unreachable when the run locked its hosts,"
            + " so nothing runs on it in this run: " + why);
        err.println("warning: " + t.host() + ": unreachable, so not locked and left out of this run: " + why);
      }
    }
    HostLocks locks = new HostLocks(controller, taken, pool, forks, err);
    if (!refused.isEmpty()) {
      locks.close();
      throw new InvalidInputException(refused);
    }
    return locks;
  }

  /** Each host once, with what it sees in the first play that touches it (as its first task would). */
  private static List<Target> targets(RunContext run, List<List<String>> playHosts, TransportPool pool,
      Path lockDir) {
    Map<String, Target> out = new LinkedHashMap<>();
    for (int i = 0; i < playHosts.size(); i++) {
      Play play = run.playbook.plays().get(i);
      PlayScope scope = new PlayScope(run, play, playHosts.get(i));
      for (String host : playHosts.get(i)) {
        if (out.containsKey(host)) {
          continue;
        }
        VarScope vars = scope.forHost(host, Inherited.forPlay(play));
        try {
          Map<String, Object> connection = TransportPool.connectionVars(run.connectionVars(host),
              play.connection() == null ? null : () -> String.valueOf(run.expressions.render(play.connection(), vars)));
          Object dir = vars.get("runbook_lock_dir");
          String lockDirOnHost = dir != null ? String.valueOf(dir)
              : pool.isLocal(host, connection) ? lockDir.toString() : null;
          out.put(host, new Target(host, connection, lockDirOnHost));
        } catch (ExpressionException e) {
          // The hosts are locked before any task runs: what reaches them must be known by then.
          throw new InvalidInputException(e.position(), host + ": cannot decide how to reach the host"
              + " to lock it: " + e.getMessage());
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /** {@code work} on every target, {@code forks} at a time (each host its own transport); answers in order. */
  private static <T> List<Object> inParallel(List<T> items, int forks, Function<T, Object> work) {
    if (items.isEmpty()) {
      return List.of();
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(forks, items.size()));
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> work.apply(item)));
      }
      List<Object> out = new ArrayList<>();
      for (Future<Object> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while locking the hosts", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Removes the lock folders from the hosts, then the controller's locks: after any end of a run. */
  @Override
  public void close() {
    List<TargetLock> locks = new ArrayList<>(onHosts.keySet());
    List<Object> answers = inParallel(locks, forks, lock -> {
      try {
        lock.release(pool.forHost(lock.host(), onHosts.get(lock).vars()));
        return null;
      } catch (TransportException e) {
        return e;
      }
    });
    for (int i = 0; i < locks.size(); i++) {
      if (answers.get(i) instanceof TransportException e) {
        err.println("warning: " + locks.get(i).host() + ": could not remove the run's lock " + locks.get(i).path()
            + " from the host (" + e.getMessage() + "): the next run will find it stale; remove it once"
            + " you have checked the host");
      }
    }
    err.flush();
    controller.close();
  }
}
