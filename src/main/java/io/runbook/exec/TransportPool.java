package io.runbook.exec;

import io.runbook.transport.LocalTransport;
import io.runbook.transport.Transport;
import io.runbook.transport.UnreachableException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One transport per host for the whole run, chosen by {@code ansible_connection}; closed when the
 * run ends.
 */
final class TransportPool implements AutoCloseable {
  private static final LocalTransport LOCAL = new LocalTransport();
  private final Map<String, Transport> open = new ConcurrentHashMap<>();

  /** The transport for {@code host}, whose variables are {@code vars}. */
  Transport forHost(String host, Map<String, Object> vars) {
    return open.computeIfAbsent(host, h -> connect(h, vars));
  }

  Transport local() {
    return LOCAL;
  }

  private static Transport connect(String host, Map<String, Object> vars) {
    Object connection = vars.get("ansible_connection");
    if (connection == null && isLoopbackName(host)) {
      connection = "local";
    }
    if ("local".equals(connection)) {
      return LOCAL;
    }
    throw new UnreachableException("connection '" + (connection == null ? "ssh" : connection)
        + "' to " + host + " is not available in this build; only ansible_connection=local is",
        null);
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
