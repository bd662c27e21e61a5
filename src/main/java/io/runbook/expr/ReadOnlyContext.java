package io.runbook.expr;

import java.util.Map;
import org.apache.commons.jexl3.JexlContext;

/** Variables as expressions see them: read through, never written. */
final class ReadOnlyContext implements JexlContext {
  private final Map<String, Object> vars;

  ReadOnlyContext(Map<String, Object> vars) {
    this.vars = vars;
  }

  @Override
  public Object get(String name) {
    return vars.get(name);
  }

  @Override
  public void set(String name, Object value) {
    throw new UnsupportedOperationException("expressions cannot assign variables");
  }

  @Override
  public boolean has(String name) {
    return vars.containsKey(name);
  }
}
