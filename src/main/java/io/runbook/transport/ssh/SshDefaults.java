package io.runbook.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run-wide SSH settings: which known_hosts file, whether new host keys may be recorded, how
 * long a connection may take, the client config, and secrets from the environment or a prompt
 * (RUNBOOK_SSH_PASSWORD, RUNBOOK_SSH_KEY_PASSPHRASE), which are never printed.
 */
public record SshDefaults(Path knownHosts, boolean acceptNewKeys, Duration connectTimeout,
    SshConfig config, String password, String keyPassphrase) {

  public SshDefaults(Path knownHosts, boolean acceptNewKeys, Duration connectTimeout) {
    this(knownHosts, acceptNewKeys, connectTimeout, SshConfig.none(), null, null);
  }

  /** The user's ~/.ssh/known_hosts and ~/.ssh/config, strict checking, 10 s to connect. */
  public static SshDefaults standard() {
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
    return new SshDefaults(ssh.resolve("known_hosts"), false, Duration.ofSeconds(10),
        SshConfig.read(ssh.resolve("config")), System.getenv("RUNBOOK_SSH_PASSWORD"),
        System.getenv("RUNBOOK_SSH_KEY_PASSPHRASE"));
  }

  public SshDefaults withPassword(String p) {
    return new SshDefaults(knownHosts, acceptNewKeys, connectTimeout, config, p, keyPassphrase);
  }

  @Override
  public String toString() {
    return "SshDefaults[knownHosts=" + knownHosts + ", acceptNewKeys=" + acceptNewKeys
        + ", connectTimeout=" + connectTimeout + ", password=" + (password == null ? "none" : "****") + "]";
  }
}
