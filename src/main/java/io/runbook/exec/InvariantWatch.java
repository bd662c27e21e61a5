package io.runbook.exec;

import io.runbook.action.Action;
import io.runbook.action.ActionContext;
import io.runbook.action.ActionResult;
import io.runbook.action.RunClock;
import io.runbook.expr.ExpressionException;
import io.runbook.expr.Expressions;
import io.runbook.model.Invariant;
import io.runbook.model.Play;
import io.runbook.model.Status;
import io.runbook.source.SourcePosition;
import io.runbook.transport.LocalTransport;
import io.runbook.transport.Transport;
import io.runbook.yaml.YNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps a play's invariants: checks them all before each batch is touched (admission), and
 * watches them from a background thread while the play runs. A violation stops new steps at
 * the next safe point: steps in flight finish (or hit their timeout), then the run ends naming
 * the invariant and the probe's last answer.
 */
final class InvariantWatch implements AutoCloseable {
  private static final double DEFAULT_INTERVAL_SECONDS = 5;
  private final RunContext run;
  private final PlayScope scope;
  private final Play play;
  private volatile String violation;
  private volatile boolean closed;
  private Thread watcher;
  /** The batch whose admission waits for its first step that runs for real; null once admitted. */
  private List<String> pending;
  /** Why the batch was refused: every fork that asks again is refused too. */
  private String refused;

  InvariantWatch(RunContext run, PlayScope scope, Play play) {
    this.run = run;
    this.scope = scope;
    this.play = play;
  }

  /**
   * A batch begins: it is admitted ({@link #admit}) before its first step that runs for real, so
   * a resumed run replays what its batch had finished without asking the invariants first.
   */
  synchronized void batchStarts(List<String> batch) {
    pending = List.copyOf(batch);
  }

  /**
   * Before a step runs for real (not replayed): a broken invariant stops it, and the batch is
   * admitted, once. Replayed steps touch nothing, so neither asks.
   */
  synchronized void beforeRealStep() {
    checkpoint();
    if (refused != null) {
      throw new AbortRun(refused);
    }
    if (pending != null) {
      List<String> batch = pending;
      pending = null;
      try {
        admit(batch);
      } catch (AbortRun e) {
        refused = e.getMessage();
        throw e;
      }
    }
  }

  /** Checks every invariant now; a violation stops the run before the batch is touched. */
  void admit(List<String> batch) {
    for (Invariant inv : play.invariants()) {
      String broken = check(inv);
      if (broken != null) {
        throw new AbortRun("invariant '" + inv.name() + "' does not hold, so batch " + batch
            + " was not started: " + broken);
      }
    }
  }

  /** Watches in the background until closed; the shortest interval sets the pace. */
  void start() {
    double interval = play.invariants().stream().mapToDouble(this::interval).min().orElse(DEFAULT_INTERVAL_SECONDS);
    watcher = new Thread(() -> {
      while (!closed && violation == null) {
        try {
          Thread.sleep((long) (interval * 1000));
        } catch (InterruptedException e) {
          return;
        }
        for (Invariant inv : play.invariants()) {
          String broken = closed ? null : check(inv);
          if (broken != null) {
            violation = "invariant '" + inv.name() + "' stopped holding while the play ran: " + broken;
            break;
          }
        }
      }
    }, "runbook-invariants");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** A safe point: throws when an invariant broke, so no new step starts. */
  void checkpoint() {
    String v = violation;
    if (v != null) {
      throw new AbortRun(v);
    }
  }

  private double interval(Invariant inv) {
    if (inv.interval() == null) {
      return DEFAULT_INTERVAL_SECONDS;
    }
    Object v = run.expressions.render(inv.interval(), controllerScope());
    return Math.max(0.05, v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v)));
  }

  private VarScope controllerScope() {
    return scope.forHost("localhost", Inherited.forPlay(play));
  }

  /** Null when the invariant holds; otherwise what failed and what the probe answered. */
  private String check(Invariant inv) {
    VarScope vars = controllerScope();
    Map<String, Object> probe = new LinkedHashMap<>();
    try {
      probe = probe(inv, vars);
      VarScope withProbe = vars.with("probe", Map.of("probe", probe));
      for (io.runbook.model.Guard guard : inv.that()) {
        if (!Guards.holds(run.expressions, guard, withProbe)) {
          return guard.text() + " did not hold; the probe answered " + summary(probe);
        }
      }
      return null;
    } catch (ExpressionException e) {
      return e.position() + ": " + e.getMessage() + "; the probe answered " + summary(probe);
    } catch (RuntimeException e) {
      return "the probe failed: " + e.getMessage();
    }
  }

  /**
   * The probe's result; with a {@code loop}, the first item's that answers (did not fail), with
   * {@code item} set, or the last item's when none answered.
   */
  private Map<String, Object> probe(Invariant inv, VarScope vars) {
    if (inv.loop() == null) {
      return once(inv, vars);
    }
    Object items = run.expressions.render(inv.loop(), vars);
    if (!(items instanceof List<?> list)) {
      throw new ExpressionException(inv.loop().position(), "an invariant's 'loop' must give a list, not " + items);
    }
    Map<String, Object> last = new LinkedHashMap<>(Map.of("failed", true, "msg", "the loop gave no items"));
    for (Object item : list) {
      VarScope withItem = vars.with("loop", java.util.Collections.singletonMap("item", item));
      last = once(inv, withItem);
      last.put("item", item);
      if (!Boolean.TRUE.equals(last.get("failed"))) {
        return last;
      }
    }
    return last;
  }

  private Map<String, Object> once(Invariant inv, VarScope vars) {
    @SuppressWarnings("unchecked")
    Map<String, Object> args = (Map<String, Object>) run.expressions.render(inv.args(), vars);
    Action action = run.actions.get(inv.action());
    ActionResult r = action.execute(new ProbeContext(vars, inv.position()), args);
    Map<String, Object> probe = new LinkedHashMap<>(r.data());
    probe.put("failed", r.status() == Status.FAILED);
    if (r.message() != null) {
      probe.put("msg", r.message());
    }
    return probe;
  }

  private static String summary(Map<String, Object> probe) {
    Map<String, Object> shown = new LinkedHashMap<>();
    for (String k : List.of("status", "rc", "msg", "json", "stdout", "content")) {
      if (probe.containsKey(k) && !(k.equals("content") && probe.containsKey("json"))) {
        Object v = probe.get(k);
        String text = String.valueOf(v);
        shown.put(k, text.length() > 300 ? text.substring(0, 300) + "..." : v);
      }
    }
    return Expressions.stringify(shown);
  }

  @Override
  public void close() {
    closed = true;
    if (watcher != null) {
      watcher.interrupt();
    }
  }

  /** Probes run on the controller, for real (they only read), with the controller's variables. */
  private final class ProbeContext implements ActionContext {
    private final Map<String, Object> vars;
    private final SourcePosition at;
    private final Transport local = new LocalTransport();

    ProbeContext(Map<String, Object> vars, SourcePosition at) {
      this.vars = vars;
      this.at = at;
    }

    @Override
    public String host() {
      return "localhost";
    }

    @Override
    public Transport transport() {
      return local;
    }

    @Override
    public boolean checkMode() {
      return false;
    }

    @Override
    public boolean diffMode() {
      return false;
    }

    @Override
    public Map<String, Object> vars() {
      return vars;
    }

    @Override
    public Expressions expressions() {
      return run.expressions;
    }

    @Override
    public YNode rawArg(String name) {
      return null;
    }

    @Override
    public SourcePosition position() {
      return at;
    }

    @Override
    public Path baseDir() {
      return run.playbook.baseDir();
    }

    @Override
    public RunClock clock() {
      return RunClock.SYSTEM;
    }

    @Override
    public void waitingFor(String what) {
      // a probe does not wait; its action's own timeout bounds it
    }
  }
}
