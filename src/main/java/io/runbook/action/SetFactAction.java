package io.runbook.action;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code set_fact}: sets host variables that last for the rest of the run. */
public final class SetFactAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .optional("cacheable", ArgSpec.Type.BOOL)
      .openKeys()
      .build();

  @Override
  public String name() {
    return "set_fact";
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
    Map<String, Object> facts = new LinkedHashMap<>(args);
    facts.remove("cacheable");
    return ActionResult.ok(Map.of("ansible_facts", facts)).withFacts(facts);
  }
}
