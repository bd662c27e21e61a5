package io.runbook.transport.ssh;

import io.runbook.transport.UnreachableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;

/**
 * The one SSH connection to a host for the whole run: opened on first use, kept alive, and
 * opened again once when it drops before the host counts as unreachable.
 */
final class SshConnection {
  /** Reads command output; daemon threads, shared by every connection. */
  static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "runbook-ssh-io");
    t.setDaemon(true);
    return t;
  });
  private static final DefaultConfig CONFIG = config();

  private final SshTarget target;
  private SSHClient client;
  private SFTPClient sftp;
  private KnownHosts knownHosts;

  SshConnection(SshTarget target) {
    this.target = target;
  }

  private static DefaultConfig config() {
    DefaultConfig c = new DefaultConfig();
    c.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    return c;
  }

  SshTarget target() {
    return target;
  }

  /** A new exec channel, reconnecting once if the connection dropped. */
  synchronized Session session() {
    try {
      return connected().startSession();
    } catch (IOException first) {
      closeQuietly();
      try {
        return connected().startSession();
      } catch (IOException second) {
        throw unreachable(second);
      }
    }
  }

  synchronized SFTPClient sftp() {
    try {
      if (sftp == null || !client.isConnected()) {
        sftp = connected().newSFTPClient();
      }
      return sftp;
    } catch (IOException e) {
      throw unreachable(e);
    }
  }

  /** An I/O failure in the middle of an operation: the host is unreachable now. */
  UnreachableException lost(IOException e) {
    return new UnreachableException(target.name() + " (" + target.describe() + "): the connection was lost: "
        + message(e), e);
  }

  private SSHClient connected() {
    if (client != null && client.isConnected() && client.isAuthenticated()) {
      return client;
    }
    closeQuietly();
    SSHClient c = new SSHClient(CONFIG);
    try {
      knownHosts = KnownHosts.load(target.knownHosts(), target.acceptNewKeys());
      c.addHostKeyVerifier(knownHosts);
      c.setConnectTimeout((int) target.connectTimeout().toMillis());
      c.connect(target.host(), target.port());
      // Small request/reply packets: without this, Nagle and delayed ACKs add ~40 ms a command.
      c.getSocket().setTcpNoDelay(true);
      c.getConnection().getKeepAlive().setKeepAliveInterval(15);
      authenticate(c);
      client = c;
      return c;
    } catch (IOException e) {
      try {
        c.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
      throw unreachable(e);
    }
  }

  /** The agent's keys, then key files, then the password when there is one, as OpenSSH tries them. */
  private void authenticate(SSHClient c) throws IOException {
    UserAuthException failed = null;
    SshAgent agent = target.identityFiles().isEmpty() ? SshAgent.fromEnvironment() : null;
    if (agent != null) {
      try {
        for (SshAgent.Identity id : agent.identities()) {
          try {
            c.auth(target.user(), new AgentAuth(agent, id));
            return;
          } catch (UserAuthException e) {
            failed = e;
          }
        }
      } catch (IOException e) {
        // an agent that does not answer is no reason to stop: key files and passwords remain
      }
    }
    List<KeyProvider> keys = keys(c);
    if (!keys.isEmpty()) {
      try {
        c.authPublickey(target.user(), keys);
        return;
      } catch (UserAuthException e) {
        failed = e;
      }
    }
    if (target.password() != null) {
      c.authPassword(target.user(), target.password().toCharArray());
      return;
    }
    throw failed != null ? failed : new UserAuthException("no key and no password to offer");
  }

  private List<KeyProvider> keys(SSHClient c) throws IOException {
    List<Path> files = new ArrayList<>(target.identityFiles());
    if (files.isEmpty()) {
      Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
      for (String name : new String[] {"id_ed25519", "id_ecdsa", "id_rsa"}) {
        if (Files.isReadable(ssh.resolve(name))) {
          files.add(ssh.resolve(name));
        }
      }
    }
    List<KeyProvider> keys = new ArrayList<>();
    for (Path f : files) {
      if (!Files.isReadable(f)) {
        throw new UnreachableException(target.name() + ": private key " + f + " cannot be read", null);
      }
      keys.add(target.keyPassphrase() == null ? c.loadKeys(f.toString())
          : c.loadKeys(f.toString(), target.keyPassphrase().toCharArray()));
    }
    return keys;
  }

  private UnreachableException unreachable(IOException e) {
    String why;
    if (knownHosts != null && knownHosts.refusal() != null && e instanceof TransportException) {
      why = knownHosts.refusal();
    } else if (e instanceof ConnectException) {
      why = "connection refused";
    } else if (e instanceof SocketTimeoutException) {
      why = "timed out after " + target.connectTimeout().toSeconds() + "s";
    } else if (e instanceof UnknownHostException) {
      why = "unknown host name " + target.host();
    } else if (e instanceof NoRouteToHostException) {
      why = "no route to host";
    } else if (e instanceof UserAuthException) {
      why = "authentication failed for user " + target.user() + " (keys offered: "
          + (target.identityFiles().isEmpty() ? "the defaults in ~/.ssh" : target.identityFiles())
          + (target.password() != null ? "; a password was tried too" : "") + ")";
    } else {
      why = message(e);
    }
    return new UnreachableException(target.name() + " (" + target.describe() + "): " + why, e);
  }

  private static String message(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private void closeQuietly() {
    try {
      if (sftp != null) {
        sftp.close();
      }
      if (client != null) {
        client.close();
      }
    } catch (IOException ignored) {
      // the connection is being replaced or the run is ending
    }
    sftp = null;
    client = null;
  }

  /** Whether the open connection sends small packets at once (see connected()). */
  synchronized boolean tcpNoDelay() throws java.net.SocketException {
    return client != null && client.getSocket().getTcpNoDelay();
  }

  synchronized void close() {
    closeQuietly();
  }
}
