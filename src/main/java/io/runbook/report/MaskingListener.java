package io.runbook.report;

import java.util.List;
import java.util.Map;

/**
 * Masks secrets in every event before any output sees it: console, JSON lines, the journal.
 * It stands in front of all of them, so no reporter can forget.
 */
public final class MaskingListener implements RunListener {
  private final RunListener inner;
  private final Secrets secrets;

  public MaskingListener(RunListener inner, Secrets secrets) {
    this.inner = inner;
    this.secrets = secrets;
  }

  private TaskEvent mask(TaskEvent t) {
    return new TaskEvent(secrets.mask(t.name()), t.action(), t.position(), t.kind());
  }

  @Override
  public void runStarted(String playbook, boolean checkMode) {
    inner.runStarted(playbook, checkMode);
  }

  @Override
  public void playStarted(String name, List<String> hosts) {
    inner.playStarted(secrets.mask(name), hosts);
  }

  @Override
  public void batchStarted(int number, int of, List<String> hosts) {
    inner.batchStarted(number, of, hosts);
  }

  @Override
  public void taskStarted(TaskEvent task) {
    inner.taskStarted(mask(task));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void hostResult(HostResult r) {
    List<HostResult.Diff> diffs = r.diffs().stream()
        .map(d -> new HostResult.Diff(d.path(), secrets.mask(d.before()), secrets.mask(d.after()))).toList();
    inner.hostResult(new HostResult(mask(r.task()), r.host(), r.status(), secrets.mask(r.message()),
        secrets.mask(r.item()), r.delegatedTo(), (Map<String, Object>) secrets.mask(r.result()), diffs,
        r.ignored()));
  }

  @Override
  public void retrying(TaskEvent task, String host, int retriesLeft, String reason) {
    inner.retrying(mask(task), host, retriesLeft, secrets.mask(reason));
  }

  @Override
  public void waiting(TaskEvent task, String host, String what, long waitedMillis) {
    inner.waiting(mask(task), host, secrets.mask(what), waitedMillis);
  }

  @Override
  public void warning(String message) {
    inner.warning(secrets.mask(message));
  }

  @Override
  public void aborted(String reason) {
    inner.aborted(secrets.mask(reason));
  }

  @Override
  public void playFinished(String name) {
    inner.playFinished(secrets.mask(name));
  }

  @Override
  public void runFinished(Recap recap, int exitCode) {
    inner.runFinished(recap, exitCode);
  }
}
