package io.runbook.exec;

import io.runbook.action.Action;
import io.runbook.action.ActionException;
import io.runbook.action.ActionResult;
import io.runbook.expr.ExpressionException;
import io.runbook.model.ActionTask;
import io.runbook.model.RetryPolicy;
import io.runbook.model.Status;
import io.runbook.model.Value;
import io.runbook.report.TaskEvent;
import io.runbook.transport.Transport;
import io.runbook.transport.TransportException;
import io.runbook.transport.UnreachableException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one action task for one host (one loop item): renders its arguments, executes it within
 * the task's timeout, applies {@code changed_when}/{@code failed_when}, and retries per
 * {@code retries}/{@code until}/{@code delay}/{@code backoff}. Attempts = retries + 1.
 */
final class Attempts {
  private static final ExecutorService TIMED = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "runbook-timed-action");
    t.setDaemon(true);
    return t;
  });

  private final RunContext run;

  Attempts(RunContext run) {
    this.run = run;
  }

  /** Throws {@link UnreachableException} when the host cannot be reached. */
  StepResult run(ActionTask task, TaskEvent event, String host, VarScope scope, Inherited inh,
      Target target) throws InterruptedException {
    RetryPolicy retry = task.options().retry();
    if (retry == null) {
      return once(task, event, host, scope, inh, target);
    }
    Value.Renderer render = renderer(scope);
    long retries = retry.retries().get(render);
    double delay = seconds(retry.delay().get(render));
    double backoff = retry.backoff().get(render);
    double maxDelay = retry.maxDelay() == null ? Double.MAX_VALUE : seconds(retry.maxDelay().get(render));
    long attempts = Math.max(1, retries + 1);
    StepResult last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      last = once(task, event, host, scope, inh, target);
      last.registered().put("attempts", attempt);
      boolean done = retry.until().isEmpty() ? !last.failed()
          : !last.failed() && Guards.allHold(run.expressions, retry.until(),
              withRegistered(task, scope, last.registered()));
      if (done) {
        return last;
      }
      if (attempt < attempts) {
        String why = last.failed() ? last.message() : "until " + Guards.describe(retry.until());
        run.listener.retrying(event, host, (int) (attempts - attempt), why);
        sleep(event, host, Math.min(maxDelay, delay * Math.pow(backoff, attempt - 1)),
            (attempts - attempt) + " retries left");
      }
    }
    if (last.failed()) {
      return last;
    }
    Map<String, Object> reg = last.registered();
    reg.put("failed", true);
    String msg = "gave up after " + attempts + " attempts: " + Guards.describe(retry.until())
        + " never held";
    reg.put("msg", msg);
    return new StepResult(Status.FAILED, msg, reg, Map.of(), last.diffs());
  }

  private void sleep(TaskEvent event, String host, double seconds, String why)
      throws InterruptedException {
    if (seconds <= 0) {
      return;
    }
    run.listener.waiting(event, host, "the next attempt in " + format(seconds) + "s (" + why + ")", 0);
    run.options.clock().sleep(Duration.ofMillis((long) (seconds * 1000)));
    run.listener.waiting(event, host, null, 0);
  }

  private StepResult once(ActionTask task, TaskEvent event, String host, VarScope scope,
      Inherited inh, Target target) throws InterruptedException {
    Action action = run.actions.get(task.action());
    ActionResult result;
    try {
      Map<String, Object> args = ArgRenderer.render(run.expressions, task, scope);
      boolean check = inh.checkMode() != null ? inh.checkMode() : run.options.checkMode();
      long timeoutNanos = timeoutNanos(inh, scope);
      long deadline = timeoutNanos == 0 ? 0 : System.nanoTime() + timeoutNanos;
      Transport transport = Become.wrap(run, inh, scope,
          ScopedTransport.wrap(target.transport(), environment(inh, scope), deadline));
      ExecActionContext ctx = new ExecActionContext(run, task, event, host, transport, check, scope);
      result = timeoutNanos == 0 ? action.execute(ctx, args) : timed(action, ctx, args, timeoutNanos);
    } catch (UnreachableException e) {
      throw e;
    } catch (ExpressionException e) {
      return failure(e.position() + ": " + e.getMessage());
    } catch (ActionException | TransportException e) {
      return failure(e.getMessage());
    } catch (RuntimeException e) {
      return failure("internal error in action '" + task.action() + "': " + e);
    }
    return judge(task, action, scope, result);
  }

  private ActionResult timed(Action action, ExecActionContext ctx, Map<String, Object> args,
      long timeoutNanos) throws InterruptedException {
    Future<ActionResult> f = TIMED.submit(() -> action.execute(ctx, args));
    try {
      // A little grace, so that a process bounded by the same deadline ends first and says so.
      return f.get(timeoutNanos + TimeUnit.SECONDS.toNanos(2), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return ActionResult.failed("timed out: the task did not finish within its timeout of "
          + format(timeoutNanos / 1e9) + "s", Map.of());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Applies changed_when, then failed_when, as Ansible does: both see the result under the
   * register name, changed_when is applied to a failure too (an ignored one may have changed
   * something), and failed_when decides last. A command that ran changed, whatever its exit.
   */
  private StepResult judge(ActionTask task, Action action, VarScope scope, ActionResult result) {
    Map<String, Object> reg = new LinkedHashMap<>(result.data());
    Status status = result.status();
    boolean failed = status == Status.FAILED;
    boolean changed = status == Status.CHANGED || failed && action.changesWhenRun();
    reg.put("changed", changed);
    reg.put("failed", failed);
    if (result.message() != null) {
      reg.put("msg", result.message());
    }
    if (status == Status.SKIPPED || status == Status.UNKNOWN) {
      reg.put("skipped", true);
      return new StepResult(status, result.message(), reg, result.facts(), result.diffs());
    }
    String message = result.message();
    try {
      if (task.options().changedWhen() != null) {
        changed = Guards.allHold(run.expressions, task.options().changedWhen(), withRegistered(task, scope, reg));
        reg.put("changed", changed);
      }
      if (task.options().failedWhen() != null) {
        boolean failedNow = Guards.allHold(run.expressions, task.options().failedWhen(),
            withRegistered(task, scope, reg));
        if (failedNow && !failed) {
          message = "failed_when held: " + Guards.describe(task.options().failedWhen());
          reg.put("msg", message);
        }
        failed = failedNow;
        reg.put("failed", failed);
      }
    } catch (ExpressionException e) {
      return failure(e.position() + ": " + e.getMessage());
    }
    status = failed ? Status.FAILED : changed ? Status.CHANGED : Status.OK;
    return new StepResult(status, failed ? message : null, reg, result.facts(), result.diffs());
  }

  private static VarScope withRegistered(ActionTask task, VarScope scope, Map<String, Object> reg) {
    String name = task.options().register();
    return name == null ? scope : scope.with("register", Map.of(name, reg));
  }

  static StepResult failure(String message) {
    Map<String, Object> reg = new LinkedHashMap<>();
    reg.put("changed", false);
    reg.put("failed", true);
    reg.put("msg", message);
    return new StepResult(Status.FAILED, message, reg, Map.of(), List.of());
  }

  private long timeoutNanos(Inherited inh, VarScope scope) {
    return inh.timeout() == null ? 0 : inh.timeout().get(renderer(scope)).toNanos();
  }

  /** Renders a keyword's template with the host's variables (checked then by its rule). */
  private Value.Renderer renderer(VarScope scope) {
    return (text, at) -> run.expressions.renderString(text, at, scope);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private Map<String, String> environment(Inherited inh, VarScope scope) {
    if (inh.environment() == null) {
      return Map.of();
    }
    Object env = run.expressions.render(inh.environment(), scope);
    if (!(env instanceof Map<?, ?> m)) {
      throw new ExpressionException(inh.environment().position(),
          "'environment' must be a mapping of names to values");
    }
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    return out;
  }

  static String format(double seconds) {
    return seconds == Math.rint(seconds) ? String.valueOf((long) seconds)
        : String.format(java.util.Locale.ROOT, "%.1f", seconds);
  }

  /** Where the action runs: the host itself, or its delegate. */
  record Target(String name, Transport transport, String delegatedTo) {}
}
