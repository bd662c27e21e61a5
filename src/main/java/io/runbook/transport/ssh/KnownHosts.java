package io.runbook.transport.ssh;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SecurityUtils;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Host keys checked against a known_hosts file, as OpenSSH does: an unknown host is refused
 * (or, with accept-new, its key is recorded); a changed key is always refused. Either refusal
 * leaves a message that says what happened and what to do.
 */
final class KnownHosts extends OpenSSHKnownHosts {
  private final boolean acceptNew;
  private volatile String refusal;

  private KnownHosts(File file, boolean acceptNew) throws IOException {
    super(file);
    this.acceptNew = acceptNew;
  }

  static KnownHosts load(Path file, boolean acceptNew) throws IOException {
    if (!Files.exists(file) && acceptNew) {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.createFile(file);
    }
    return new KnownHosts(file.toFile(), acceptNew);
  }

  /** Why the last host key was refused, or null. */
  String refusal() {
    return refusal;
  }

  @Override
  protected boolean hostKeyUnverifiableAction(String hostname, PublicKey key) {
    if (knownUnderAnotherType(hostname)) {
      // OpenSSH would ask; a run must not silently trust a host that now shows another key.
      return hostKeyChangedAction(hostname, key);
    }
    if (acceptNew) {
      try {
        HostEntry entry = new HostEntry(null, hostname, KeyType.fromKey(key), key);
        entries().add(entry);
        write(entry);
        return true;
      } catch (IOException e) {
        refusal = "cannot record the new host key of " + hostname + " in " + khFile + ": " + e.getMessage();
        return false;
      }
    }
    String port = hostname.startsWith("[") ? hostname.substring(hostname.lastIndexOf(':') + 1) : "22";
    String host = hostname.startsWith("[") ? hostname.substring(1, hostname.indexOf(']')) : hostname;
    refusal = "host key of " + hostname + " is not known (" + KeyType.fromKey(key) + " "
        + SecurityUtils.getFingerprint(key) + ", not in " + khFile + "); check it, then add it with"
        + " `ssh-keyscan -p " + port + " " + host + " >> " + khFile + "`, or run with"
        + " host_key_checking=accept-new to record it";
    return false;
  }

  @Override
  protected boolean hostKeyChangedAction(String hostname, PublicKey key) {
    refusal = "HOST KEY CHANGED for " + hostname + ": it now offers " + KeyType.fromKey(key) + " "
        + SecurityUtils.getFingerprint(key) + ", but " + where(hostname)
        + " holds another key. This may be an attack; if the host was reinstalled, remove that line";
    return false;
  }

  private boolean knownUnderAnotherType(String hostname) {
    for (KnownHostEntry e : entries()) {
      try {
        if (e.appliesTo(hostname)) {
          return true;
        }
      } catch (IOException ignored) {
        // an entry that cannot be matched does not apply
      }
    }
    return false;
  }

  private String where(String hostname) {
    try {
      List<String> lines = Files.readAllLines(khFile.toPath());
      for (KnownHostEntry e : entries()) {
        if (e.appliesTo(hostname)) {
          int at = lines.indexOf(e.getLine());
          if (at >= 0) {
            return khFile + ":" + (at + 1);
          }
        }
      }
    } catch (IOException ignored) {
      // the message still names the file
    }
    return khFile.toString();
  }
}
