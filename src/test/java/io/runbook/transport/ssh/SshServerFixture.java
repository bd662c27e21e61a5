package io.runbook.transport.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SSH server (Apache MINA sshd) on 127.0.0.1 and a random port, for tests: public-key
 * login with a key made by ssh-keygen, commands run by /bin/sh as real processes, SFTP. It stops
 * when closed, and its sessions end with it.
 */
public final class SshServerFixture implements AutoCloseable {
  final Path dir;
  public final Path clientKey;
  public final Path knownHosts;
  final AtomicInteger sessionsOpened = new AtomicInteger();
  private final SshServer server;
  private final KeyPair hostKey;

  public SshServerFixture(Path dir) throws Exception {
    this.dir = Files.createDirectories(dir);
    this.clientKey = dir.resolve("id_ecdsa");
    run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", clientKey.toString());
    this.knownHosts = dir.resolve("known_hosts");
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(dir.resolve("host.key"));
    server.setKeyPairProvider(keys);
    server.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(dir.resolve("id_ecdsa.pub")));
    server.setPasswordAuthenticator((user, password, session) -> "s3cret".equals(password));
    server.setKeyboardInteractiveAuthenticator(null);
    server.setCommandFactory((channel, command) ->
        new ProcessShellFactory(command, List.of("/bin/sh", "-c", command)).createShell(channel));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.addSessionListener(new SessionListener() {
      @Override
      public void sessionCreated(Session session) {
        sessionsOpened.incrementAndGet();
      }
    });
    server.start();
    hostKey = keys.loadKeys(null).iterator().next();
  }

  public int port() {
    return server.getPort();
  }

  /** How many SSH sessions (logins) clients opened so far. */
  public int sessions() {
    return sessionsOpened.get();
  }

  /** known_hosts with this server's real key. */
  public void trustServer() throws IOException {
    Files.writeString(knownHosts, "# test hosts\n[127.0.0.1]:" + port() + " "
        + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
  }

  SshTarget target(boolean acceptNew) {
    return new SshTarget("testhost", "127.0.0.1", port(), System.getProperty("user.name"),
        List.of(clientKey), knownHosts, acceptNew, Duration.ofSeconds(5));
  }

  /** Also accepts this (public) key, e.g. one made with a passphrase. */
  public void authorize(Path publicKey) throws IOException {
    Files.writeString(dir.resolve("id_ecdsa.pub"), Files.readString(dir.resolve("id_ecdsa.pub"))
        + Files.readString(publicKey));
  }

  /** Ends every session from the server's side, as a dropped network would. */
  void dropSessions() throws IOException {
    for (var s : server.getActiveSessions()) {
      s.close(true);
    }
  }

  static void run(String... argv) throws Exception {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", argv) + " failed: "
          + new String(p.getInputStream().readAllBytes()));
    }
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
