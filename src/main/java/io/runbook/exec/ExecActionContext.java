package io.runbook.exec;

import io.runbook.action.ActionContext;
import io.runbook.action.RunClock;
import io.runbook.expr.Expressions;
import io.runbook.model.ActionTask;
import io.runbook.report.TaskEvent;
import io.runbook.source.SourcePosition;
import io.runbook.transport.Transport;
import io.runbook.yaml.YNode;
import java.nio.file.Path;
import java.util.Map;

/** The engine's side of {@link ActionContext} for one task on one host. */
final class ExecActionContext implements ActionContext {
  private final RunContext run;
  private final ActionTask task;
  private final TaskEvent event;
  private final String host;
  private final Transport transport;
  private final boolean checkMode;
  private final Map<String, Object> vars;
  private final long startedNanos;

  ExecActionContext(RunContext run, ActionTask task, TaskEvent event, String host,
      Transport transport, boolean checkMode, Map<String, Object> vars) {
    this.run = run;
    this.task = task;
    this.event = event;
    this.host = host;
    this.transport = transport;
    this.checkMode = checkMode;
    this.vars = vars;
    this.startedNanos = run.options.clock().nanoTime();
  }

  @Override
  public String host() {
    return host;
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
    return run.options.diff();
  }

  @Override
  public Map<String, Object> vars() {
    return vars;
  }

  @Override
  public Expressions expressions() {
    return run.expressions;
  }

  @Override
  public YNode rawArg(String name) {
    return task.args().get(name);
  }

  @Override
  public SourcePosition position() {
    return task.options().position();
  }

  /** The folder of the file the task is written in (a task file's own folder, when included). */
  @Override
  public Path baseDir() {
    Path parent = Path.of(task.options().position().file()).toAbsolutePath().getParent();
    return parent != null ? parent : run.playbook.baseDir();
  }

  @Override
  public RunClock clock() {
    return run.options.clock();
  }

  @Override
  public void waitingFor(String what) {
    long waited = (run.options.clock().nanoTime() - startedNanos) / 1_000_000;
    run.listener.waiting(event, host, what, waited);
  }
}
