package io.runbook.transport.ssh;

import io.runbook.transport.UnreachableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads Ansible's connection variables into an {@link SshTarget}. */
public final class SshTargets {
  private SshTargets() {}

  /**
   * {@code ansible_host} (default: the inventory name), {@code ansible_port} (22),
   * {@code ansible_user} (the controller's user), {@code ansible_ssh_private_key_file},
   * {@code ansible_password}/{@code ansible_ssh_pass} (a password given by prompt or
   * RUNBOOK_SSH_PASSWORD wins), with ~/.ssh/config's HostName, User, Port and IdentityFile
   * where the inventory says nothing,
   * {@code ansible_ssh_known_hosts_file}, and {@code host_key_checking: accept-new} (also
   * {@code false}, which here never means "accept anything": a changed key is always refused).
   */
  public static SshTarget from(String name, Map<String, Object> vars, SshDefaults defaults) {
    String alias = string(vars.get("ansible_host"), name);
    SshConfig config = defaults.config();
    String host = string(config.get(alias, "hostname"), alias);
    int port;
    try {
      port = Integer.parseInt(string(vars.get("ansible_port"), string(config.get(alias, "port"), "22")));
    } catch (NumberFormatException e) {
      throw new UnreachableException(name + ": ansible_port '" + vars.get("ansible_port")
          + "' is not a port number", null);
    }
    String user = string(vars.get("ansible_user"),
        string(config.get(alias, "user"), System.getProperty("user.name")));
    List<Path> keys = new ArrayList<>();
    Object key = vars.get("ansible_ssh_private_key_file");
    if (key != null) {
      keys.add(home(String.valueOf(key)));
    } else if (config.get(alias, "identityfile") != null) {
      keys.add(home(config.get(alias, "identityfile")));
    }
    Object password = vars.containsKey("ansible_password") ? vars.get("ansible_password")
        : vars.get("ansible_ssh_pass");
    Object knownHosts = vars.get("ansible_ssh_known_hosts_file");
    Object checking = vars.get("host_key_checking");
    boolean acceptNew = defaults.acceptNewKeys() || checking != null
        && ("accept-new".equals(String.valueOf(checking).toLowerCase(Locale.ROOT))
        || Boolean.FALSE.equals(checking) || "false".equalsIgnoreCase(String.valueOf(checking)));
    return new SshTarget(name, host, port, user, keys,
        knownHosts == null ? defaults.knownHosts() : home(String.valueOf(knownHosts)), acceptNew,
        defaults.connectTimeout(), defaults.password() != null ? defaults.password()
            : password == null ? null : String.valueOf(password), defaults.keyPassphrase());
  }

  private static String string(Object v, String fallback) {
    return v == null || String.valueOf(v).isBlank() ? fallback : String.valueOf(v);
  }

  private static Path home(String path) {
    return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
  }
}
