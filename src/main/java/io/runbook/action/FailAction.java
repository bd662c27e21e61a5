package io.runbook.action;

import java.util.Map;

/** {@code fail}: stops the host with a message. */
public final class FailAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .optional("msg", ArgSpec.Type.ANY)
      .freeForm("msg")
      .build();

  @Override
  public String name() {
    return "fail";
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
    Object msg = args.get("msg");
    return ActionResult.failed(msg == null ? "Failed as requested from task" : String.valueOf(msg),
        Map.of());
  }
}
