package io.runbook.action;

import io.runbook.expr.Expressions;
import io.runbook.source.SourcePosition;
import io.runbook.transport.LocalTransport;
import io.runbook.transport.Transport;
import io.runbook.yaml.YNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An action context for action tests: the local transport, a fake clock, recorded waits. */
public final class TestActionContext implements ActionContext {
  private static final Expressions EXPRESSIONS = new Expressions();

  public Transport transport = new LocalTransport();
  public boolean checkMode;
  public boolean diffMode;
  public Map<String, Object> vars = new HashMap<>();
  public Map<String, YNode> rawArgs = new HashMap<>();
  public Path baseDir = Path.of(".");
  public final FakeClock clock = new FakeClock();
  public final List<String> waits = new ArrayList<>();

  @Override
  public String host() {
    return "testhost";
  }

  @Override
  public Transport transport() {
    return transport;
  }

  @Override
  public boolean checkMode() {
    return checkMode;
  }

  @Override
  public boolean diffMode() {
    return diffMode;
  }

  @Override
  public Map<String, Object> vars() {
    return vars;
  }

  @Override
  public Expressions expressions() {
    return EXPRESSIONS;
  }

  @Override
  public YNode rawArg(String name) {
    return rawArgs.get(name);
  }

  @Override
  public SourcePosition position() {
    return new SourcePosition("test.yml", 1, 1);
  }

  @Override
  public Path baseDir() {
    return baseDir;
  }

  @Override
  public RunClock clock() {
    return clock;
  }

  @Override
  public void waitingFor(String what) {
    if (what != null) {
      waits.add(what);
    }
  }

  /** Time that moves only when slept; sleeping costs nothing real. */
  public static final class FakeClock implements RunClock {
    private long now;
    public final List<Duration> sleeps = new ArrayList<>();

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(Duration d) {
      sleeps.add(d);
      now += d.toNanos();
    }
  }
}
