package io.runbook.action;

import io.runbook.expr.ExpressionException;
import io.runbook.yaml.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code debug}: shows a message or a variable's value; never changes anything. */
public final class DebugAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .optional("msg", ArgSpec.Type.ANY)
      .optional("var", ArgSpec.Type.STRING)
      .optional("verbosity", ArgSpec.Type.INT)
      .freeForm("msg")
      .build();

  @Override
  public String name() {
    return "debug";
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
    Map<String, Object> data = new LinkedHashMap<>();
    if (args.containsKey("msg") && args.containsKey("var")) {
      throw new ActionException("debug takes 'msg' or 'var', not both");
    }
    if (args.containsKey("var")) {
      String expression = String.valueOf(args.get("var"));
      YNode raw = ctx.rawArg("var");
      try {
        data.put(expression, snapshot(ctx.expressions().evaluate(expression,
            raw == null ? ctx.position() : raw.position(), ctx.vars())));
      } catch (ExpressionException e) {
        data.put(expression, "VARIABLE IS NOT DEFINED! (" + e.getMessage() + ")");
      }
    } else {
      data.put("msg", args.getOrDefault("msg", "Hello world!"));
    }
    return ActionResult.ok(data);
  }

  /**
   * What debug shows and registers is data taken now (a host's variables are a live view that
   * renders on reading): maps and lists copied, omit as its text, as Ansible prints its token.
   */
  private static Object snapshot(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), snapshot(x)));
      return out;
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(snapshot(x)));
      return out;
    }
    return v instanceof io.runbook.expr.Omit ? v.toString() : v;
  }
}
