package io.runbook.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to connect, from Ansible's connection variables ({@code ansible_host},
 * {@code ansible_port}, {@code ansible_user}, {@code ansible_ssh_private_key_file}).
 *
 * @param name           the inventory name, for messages
 * @param identityFiles  private keys to offer; empty = the user's default keys in ~/.ssh
 * @param knownHosts     the known_hosts file that host keys are checked against
 * @param acceptNewKeys  record the key of a host seen for the first time (never a changed key)
 * @param password       for password logins, or null; never printed
 * @param keyPassphrase  for encrypted private keys, or null; never printed
 */
public record SshTarget(String name, String host, int port, String user, List<Path> identityFiles,
    Path knownHosts, boolean acceptNewKeys, Duration connectTimeout, String password,
    String keyPassphrase) {

  public SshTarget(String name, String host, int port, String user, List<Path> identityFiles,
      Path knownHosts, boolean acceptNewKeys, Duration connectTimeout) {
    this(name, host, port, user, identityFiles, knownHosts, acceptNewKeys, connectTimeout, null, null);
  }

  public SshTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    identityFiles = List.copyOf(identityFiles);
    Objects.requireNonNull(knownHosts, "knownHosts");
  }

  @Override
  public String toString() {
    return "SshTarget[" + name + " " + describe() + ", keys=" + identityFiles + "]";
  }

  /** {@code user@host:port}, for messages. */
  public String describe() {
    return "ssh://" + user + "@" + host + ":" + port;
  }
}
