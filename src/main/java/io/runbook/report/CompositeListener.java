package io.runbook.report;

import java.util.List;

/** Sends every event to several listeners, in order. */
public final class CompositeListener implements RunListener {
  private final List<RunListener> listeners;

  public CompositeListener(List<RunListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void runStarted(String playbook, boolean checkMode) {
    listeners.forEach(l -> l.runStarted(playbook, checkMode));
  }

  @Override
  public void playStarted(String name, List<String> hosts) {
    listeners.forEach(l -> l.playStarted(name, hosts));
  }

  @Override
  public void batchStarted(int number, int of, List<String> hosts) {
    listeners.forEach(l -> l.batchStarted(number, of, hosts));
  }

  @Override
  public void taskStarted(TaskEvent task) {
    listeners.forEach(l -> l.taskStarted(task));
  }

  @Override
  public void hostResult(HostResult result) {
    listeners.forEach(l -> l.hostResult(result));
  }

  @Override
  public void retrying(TaskEvent task, String host, int retriesLeft, String reason) {
    listeners.forEach(l -> l.retrying(task, host, retriesLeft, reason));
  }

  @Override
  public void waiting(TaskEvent task, String host, String what, long waitedMillis) {
    listeners.forEach(l -> l.waiting(task, host, what, waitedMillis));
  }

  @Override
  public void warning(String message) {
    listeners.forEach(l -> l.warning(message));
  }

  @Override
  public void aborted(String reason) {
    listeners.forEach(l -> l.aborted(reason));
  }

  @Override
  public void playFinished(String name) {
    listeners.forEach(l -> l.playFinished(name));
  }

  @Override
  public void runFinished(Recap recap, int exitCode) {
    listeners.forEach(l -> l.runFinished(recap, exitCode));
  }
}
