package io.runbook.exec;

import io.runbook.transport.CommandResult;
import io.runbook.transport.CommandSpec;
import io.runbook.transport.FileStat;
import io.runbook.transport.LocalTransport;
import io.runbook.transport.Transport;
import io.runbook.transport.UnreachableException;
import io.runbook.transport.ssh.SshDefaults;
import io.runbook.transport.ssh.SshTarget;
import io.runbook.transport.ssh.SshTargets;
import io.runbook.transport.ssh.SshTransport;
import java.util.Map;
import java.util.Optional;
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

  /**
   * What {@link #forHost} connects to, as one string: {@code ssh://user@address:port} as the
   * inventory and ~/.ssh/config resolve them, or {@code local://NAME} for a host that is this
   * machine (named by its inventory name: the lab's hosts all live here).
   */
  String identity(String host, Map<String, Object> vars) {
    String connection = connection(host, vars);
    if (!connection.equals("ssh")) {
      return connection + "://" + host;
    }
    try {
      SshTarget t = SshTargets.from(host, vars, ssh);
      return "ssh://" + t.user() + "@" + t.host() + ":" + t.port();
    } catch (UnreachableException e) {
      return "ssh://" + host; // a bad port: the host will be unreachable, named as written
    }
  }

  boolean isLocal(String host, Map<String, Object> vars) {
    return connection(host, vars).equals("local");
  }

  /**
   * From now on {@code host} is unreachable for this run, whatever the network does: its tasks
   * report {@code reason} as they would report a refused connection.
   */
  void markUnreachable(String host, String reason) {
    Transport old = open.put(host, new Unreachable(host, reason));
    if (old != null && old != LOCAL) {
      old.close();
    }
  }

  /**
   * The variables that choose a host's connection: the inventory's, with the play's
   * {@code connection} (rendered only when needed) where the inventory sets none, as in Ansible.
   */
  static Map<String, Object> connectionVars(Map<String, Object> inventoryVars,
      java.util.function.Supplier<String> playConnection) {
    if (inventoryVars.containsKey("ansible_connection") || playConnection == null) {
      return inventoryVars;
    }
    Map<String, Object> withPlay = new java.util.HashMap<>(inventoryVars);
    withPlay.put("ansible_connection", playConnection.get());
    return withPlay;
  }

  /** The host's transport; an SSH connection is opened when first used. */
  private Transport connect(String host, Map<String, Object> vars) {
    String connection = connection(host, vars);
    if (connection.equals("local")) {
      return LOCAL;
    }
    if (connection.equals("ssh")) {
      return new SshTransport(SshTargets.from(host, vars, ssh));
    }
    throw new UnreachableException("unknown connection '" + connection + "' for " + host
        + " (use local or ssh)", null);
  }

  /** {@code local}, {@code ssh} (also for paramiko), or the unknown word the inventory gave. */
  private static String connection(String host, Map<String, Object> vars) {
    Object connection = vars.get("ansible_connection");
    if (connection == null) {
      return isLoopbackName(host) ? "local" : "ssh";
    }
    return "paramiko".equals(connection) ? "ssh" : String.valueOf(connection);
  }

  private static boolean isLoopbackName(String host) {
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1");
  }

  @Override
  public void close() {
    open.values().forEach(Transport::close);
    open.clear();
  }

  /** A host the run could not lock: every use fails as an unreachable host's would. */
  private record Unreachable(String host, String reason) implements Transport {
    private UnreachableException refused() {
      return new UnreachableException(reason, null);
    }

    @Override
    public CommandResult run(CommandSpec spec) {
      throw refused();
    }

    @Override
    public Optional<FileStat> stat(String path) {
      throw refused();
    }

    @Override
    public byte[] read(String path) {
      throw refused();
    }

    @Override
    public void writeAtomically(String path, byte[] content, Integer mode) {
      throw refused();
    }

    @Override
    public void mkdirs(String path, Integer mode) {
      throw refused();
    }

    @Override
    public void delete(String path) {
      throw refused();
    }

    @Override
    public void chmod(String path, int mode) {
      throw refused();
    }

    @Override
    public void chown(String path, String owner, String group) {
      throw refused();
    }

    @Override
    public void rename(String from, String to) {
      throw refused();
    }

    @Override
    public String describe() {
      return "unreachable://" + host;
    }

    @Override
    public void close() {
      // nothing was opened
    }
  }
}
