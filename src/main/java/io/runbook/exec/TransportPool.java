package io.runbook.exec;

import io.runbook.transport.LocalTransport;
import io.runbook.transport.Transport;
import io.runbook.transport.UnreachableException;
import io.runbook.transport.ssh.SshDefaults;
import io.runbook.transport.ssh.SshTargets;
import io.runbook.transport.ssh.SshTransport;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One transport per host for the whole run, chosen by {@code ansible_connection}; closed when the
 * run ends.
 */
final class TransportPool implements AutoCloseable {
  private static final LocalTransport LOCAL = new LocalTransport();
  private final Map<String, Transport> open = new ConcurrentHashMap<>();
  private final SshDefaults ssh;

  TransportPool(SshDefaults ssh) {
    this.ssh = ssh;
  }

  /** The transport for {@code host}, whose variables are {@code vars}. */
  Transport forHost(String host, Map<String, Object> vars) {
    return open.computeIfAbsent(host, h -> connect(h, vars));
  }

  Transport local() {
    return LOCAL;
  }

  /** The host's transport; an SSH connection is opened when first used. */
  private Transport connect(String host, Map<String, Object> vars) {
    Object connection = vars.get("ansible_connection");
    if (connection == null && isLoopbackName(host)) {
      connection = "local";
    }
    if ("local".equals(connection)) {
      return LOCAL;
    }
    if (connection == null || "ssh".equals(connection) || "paramiko".equals(connection)) {
      return new SshTransport(SshTargets.from(host, vars, ssh));
    }
    throw new UnreachableException("unknown connection '" + connection + "' for " + host
        + " (use local or ssh)", null);
  }

  private static boolean isLoopbackName(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
  }

  @Override
  public void close() {
    open.values().forEach(Transport::close);
    open.clear();
  }
}
