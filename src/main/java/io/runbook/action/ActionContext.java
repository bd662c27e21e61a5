package io.runbook.action;

import io.runbook.expr.Expressions;
import io.runbook.source.SourcePosition;
import io.runbook.transport.Transport;
import io.runbook.yaml.YNode;
import java.nio.file.Path;
import java.util.Map;

/** What an action may use while it runs for one host. */
public interface ActionContext {

  /** The inventory name of the host the task runs for. */
  String host();

  /** The way to the host the action acts on (the delegate's, under {@code delegate_to}). */
  Transport transport();

  boolean checkMode();

  boolean diffMode();

  /** The host's variables as templates see them (read-only). */
  Map<String, Object> vars();

  /** The engine's one expression engine, for actions that evaluate guards or render files. */
  Expressions expressions();

  /**
   * An argument as written, with its position, for actions that evaluate it themselves
   * ({@code assert.that}); null when absent.
   */
  YNode rawArg(String name);

  /** Where the task is written, for messages. */
  SourcePosition position();

  /** The playbook's folder: relative {@code src} paths on the controller start here. */
  Path baseDir();

  RunClock clock();

  /**
   * Tells the operator what the action is waiting for ({@code "port 8250 to close"}); the
   * console shows it on a live line with the time waited so far. Null clears it.
   */
  void waitingFor(String what);
}
