package io.runbook.action;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code pause}: waits a fixed time ({@code seconds} or {@code minutes}) on the controller, once
 * per task, e.g. a soak time between batches. Prompts ({@code prompt}, or no time at all) need a
 * terminal that a runbook run does not offer: such a task fails and says to give seconds.
 *
 * <p>Always OK. In check mode it does not wait (nothing changes either way) and says so.
 * Registered data: {@code delta} (whole seconds waited, as Ansible's), {@code stdout}.
 */
public final class PauseAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .optional("seconds", ArgSpec.Type.NUMBER)
      .optional("minutes", ArgSpec.Type.NUMBER)
      .optional("prompt", ArgSpec.Type.STRING)
      .build();

  public PauseAction() {}

  @Override
  public String name() {
    return "pause";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  @Override
  public boolean controllerOnly() {
    return true;
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> args) {
    ActionArgs a = new ActionArgs(name(), args);
    if (a.has("seconds") && a.has("minutes")) {
      throw new ActionException("'pause' takes seconds or minutes, not both");
    }
    if (a.has("prompt") || !a.has("seconds") && !a.has("minutes")) {
      return ActionResult.failed("pause prompts need a terminal, which a runbook run does not have;"
          + " give seconds or minutes instead", Map.of());
    }
    double seconds = a.has("minutes") ? a.number("minutes", 0) * 60 : a.number("seconds", 0);
    Duration wait = Duration.ofNanos(Math.round(seconds * 1e9));
    String shown = describe(seconds);
    Map<String, Object> data = new LinkedHashMap<>();
    if (ctx.checkMode()) {
      data.put("delta", 0L);
      data.put("stdout", "Would pause for " + shown + " (not in check mode)");
      return ActionResult.ok(data).withMessage("would pause " + shown + "; check mode does not wait");
    }
    long start = ctx.clock().nanoTime();
    ctx.waitingFor("pause " + shown);
    try {
      ctx.clock().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ActionResult.failed("pause interrupted", Map.of());
    } finally {
      ctx.waitingFor(null);
    }
    data.put("delta", (ctx.clock().nanoTime() - start) / 1_000_000_000L);
    data.put("stdout", "Paused for " + shown);
    return ActionResult.ok(data);
  }

  private static String describe(double seconds) {
    if (seconds == Math.rint(seconds)) {
      return (long) seconds + "s";
    }
    return seconds + "s";
  }
}
