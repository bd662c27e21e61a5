package io.runbook.exec;

import io.runbook.transport.CommandResult;
import io.runbook.transport.CommandSpec;
import io.runbook.transport.FileStat;
import io.runbook.transport.Transport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A host's transport as one task sees it: the task's {@code environment} added to every
 * process, and no process allowed to outlive the task's {@code timeout}.
 */
final class ScopedTransport implements Transport {
  private final Transport inner;
  private final Map<String, String> environment;
  private final long deadlineNanos; // 0 = none

  ScopedTransport(Transport inner, Map<String, String> environment, long deadlineNanos) {
    this.inner = inner;
    this.environment = Map.copyOf(environment);
    this.deadlineNanos = deadlineNanos;
  }

  static Transport wrap(Transport t, Map<String, String> env, long deadlineNanos) {
    return env.isEmpty() && deadlineNanos == 0 ? t : new ScopedTransport(t, env, deadlineNanos);
  }

  @Override
  public CommandResult run(CommandSpec spec) {
    CommandSpec scoped = spec;
    if (!environment.isEmpty()) {
      Map<String, String> env = new HashMap<>(environment);
      env.putAll(spec.env()); // the action's own env wins over the task's environment
      scoped = scoped.withEnv(env);
    }
    if (deadlineNanos != 0) {
      Duration left = Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
      if (scoped.timeout() == null || scoped.timeout().compareTo(left) > 0) {
        scoped = scoped.withTimeout(left);
      }
    }
    return inner.run(scoped);
  }

  @Override
  public Optional<FileStat> stat(String path) {
    return inner.stat(path);
  }

  @Override
  public byte[] read(String path) {
    return inner.read(path);
  }

  @Override
  public void writeAtomically(String path, byte[] content, Integer mode) {
    inner.writeAtomically(path, content, mode);
  }

  @Override
  public void mkdirs(String path, Integer mode) {
    inner.mkdirs(path, mode);
  }

  @Override
  public void delete(String path) {
    inner.delete(path);
  }

  @Override
  public void chmod(String path, int mode) {
    inner.chmod(path, mode);
  }

  @Override
  public void chown(String path, String owner, String group) {
    inner.chown(path, owner, group);
  }

  @Override
  public void rename(String from, String to) {
    inner.rename(from, to);
  }

  @Override
  public boolean isLocal() {
    return inner.isLocal();
  }

  @Override
  public String describe() {
    return inner.describe();
  }

  @Override
  public void close() {
    // the pool owns the underlying transport
  }
}
