package io.runbook.action;

import io.runbook.source.SourcePosition;
import io.runbook.yaml.YList;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code assert}: every expression in {@code that} must hold. The guards are evaluated here,
 * from the task as written, so that an error points at the guard's own position.
 */
public final class AssertAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .required("that", ArgSpec.Type.ANY)
      .optional("fail_msg", ArgSpec.Type.ANY)
      .optional("msg", ArgSpec.Type.ANY)
      .optional("success_msg", ArgSpec.Type.ANY)
      .optional("quiet", ArgSpec.Type.BOOL)
      .build();

  @Override
  public String name() {
    return "assert";
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
    YNode that = ctx.rawArg("that");
    List<YNode> guards = that instanceof YList l ? l.items() : List.of(that);
    Map<String, Object> data = new LinkedHashMap<>();
    for (YNode guard : guards) {
      boolean holds;
      if (guard instanceof YScalar s && s.isString()) {
        SourcePosition at = s.contentPosition();
        holds = ctx.expressions().test(s.text(), at, ctx.vars());
      } else {
        holds = io.runbook.expr.Expressions.truthy(guard.toPlain());
      }
      if (!holds) {
        data.put("assertion", String.valueOf(guard.toPlain()));
        data.put("evaluated_to", false);
        Object msg = args.containsKey("fail_msg") ? args.get("fail_msg") : args.get("msg");
        return ActionResult.failed(msg != null ? String.valueOf(msg) : "Assertion failed: "
            + guard.toPlain(), data);
      }
    }
    Object success = args.get("success_msg");
    return ActionResult.ok(data).withMessage(success != null ? String.valueOf(success)
        : "All assertions passed");
  }
}
