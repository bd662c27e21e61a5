package io.runbook.exec;

import io.runbook.expr.Expressions;
import io.runbook.inventory.Inventory;
import io.runbook.source.SourcePosition;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates one expression or template as a host would see it outside any play: inventory
 * variables, extra vars and the magic variables that exist without a play. For
 * {@code runbook eval}, to debug a guard or template before a run.
 */
public final class Evaluation {
  private final Expressions expressions;
  private final Inventory inventory;
  private final Map<String, Object> extraVars;

  public Evaluation(Expressions expressions, Inventory inventory, Map<String, Object> extraVars) {
    this.expressions = expressions;
    this.inventory = inventory;
    this.extraVars = Map.copyOf(extraVars);
  }

  /** A text with {@code {{ }}} is rendered as a template; otherwise it is a bare expression. */
  public Object evaluate(String text, String host) {
    SourcePosition at = SourcePosition.none("<eval>");
    Map<String, Object> vars = scope(host);
    return Expressions.isTemplate(text) ? expressions.renderString(text, at, vars)
        : expressions.evaluate(text, at, vars);
  }

  Map<String, Object> scope(String host) {
    Map<String, Object> magic = new HashMap<>();
    magic.put("inventory_hostname", host);
    magic.put("groups", inventory.groups());
    magic.put("hostvars", io.runbook.expr.LazyMap.of(new HostVarsView()));
    magic.put("check_mode", false);
    magic.put("omit", io.runbook.expr.Omit.VALUE);
    magic.put("ansible_check_mode", false);
    return new VarScope(expressions, List.of(
        VarScope.Layer.text("extra", extraVars),
        VarScope.Layer.data("magic", magic),
        VarScope.Layer.text("inventory", inventory.hostVars(host))));
  }

  private final class HostVarsView implements io.runbook.expr.LazyMap.Source {
    @Override
    public boolean has(String h) {
      return inventory.hosts().contains(h);
    }

    @Override
    public Object get(String h) {
      return has(h) ? io.runbook.expr.LazyMap.of((VarScope) scope(h)) : null;
    }

    @Override
    public Set<String> names() {
      return new LinkedHashSet<>(inventory.hosts());
    }
  }
}
