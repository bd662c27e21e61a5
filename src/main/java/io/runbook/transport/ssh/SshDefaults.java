package io.runbook.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run-wide SSH settings from the command line: which known_hosts file, whether new host keys
 * may be recorded, how long a connection may take.
 */
public record SshDefaults(Path knownHosts, boolean acceptNewKeys, Duration connectTimeout) {

  /** The user's ~/.ssh/known_hosts, strict checking, 10 s to connect. */
  public static SshDefaults standard() {
    return new SshDefaults(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"), false,
        Duration.ofSeconds(10));
  }
}
