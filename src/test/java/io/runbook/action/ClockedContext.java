package io.runbook.action;

import io.runbook.expr.Expressions;
import io.runbook.source.SourcePosition;
import io.runbook.transport.Transport;
import io.runbook.yaml.YNode;
import java.nio.file.Path;
import java.util.Map;

/** A test context that is {@link TestActionContext} with another clock. */
final class ClockedContext implements ActionContext {
  private final TestActionContext base;
  private final RunClock clock;

  ClockedContext(TestActionContext base, RunClock clock) {
    this.base = base;
    this.clock = clock;
  }

  @Override
  public String host() {
    return base.host();
  }

  @Override
  public Transport transport() {
    return base.transport();
  }

  @Override
  public boolean checkMode() {
    return base.checkMode();
  }

  @Override
  public boolean diffMode() {
    return base.diffMode();
  }

  @Override
  public Map<String, Object> vars() {
    return base.vars();
  }

  @Override
  public Expressions expressions() {
    return base.expressions();
  }

  @Override
  public YNode rawArg(String name) {
    return base.rawArg(name);
  }

  @Override
  public SourcePosition position() {
    return base.position();
  }

  @Override
  public Path baseDir() {
    return base.baseDir();
  }

  @Override
  public RunClock clock() {
    return clock;
  }

  @Override
  public void waitingFor(String what) {
    base.waitingFor(what);
  }
}
