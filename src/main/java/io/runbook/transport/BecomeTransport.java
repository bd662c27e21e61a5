package io.runbook.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Privilege escalation with sudo: every process runs as {@code sudo -u USER -- argv}, and file
 * operations go through sudo too. A password is fed on stdin ({@code sudo -S}), never on a
 * command line; without one, sudo must not ask ({@code -n}), so a missing rule fails at once
 * instead of hanging.
 */
public final class BecomeTransport implements Transport {
  private final Transport inner;
  private final String user;
  private final String exe;
  private final String password;

  /**
   * @param user     who to become (root when null)
   * @param exe      the sudo program (sudo when null)
   * @param password the sudo password, or null when sudo needs none
   */
  public BecomeTransport(Transport inner, String user, String exe, String password) {
    this.inner = inner;
    this.user = user == null ? "root" : user;
    this.exe = exe == null ? "sudo" : exe;
    this.password = password;
  }

  @Override
  public CommandResult run(CommandSpec spec) {
    List<String> argv = new ArrayList<>(List.of(exe, "-H", "-u", user));
    argv.addAll(password == null ? List.of("-n") : List.of("-S", "-p", ""));
    argv.add("--");
    argv.addAll(spec.argv());
    byte[] stdin = spec.stdin();
    if (password != null) {
      byte[] pw = (password + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] rest = stdin == null ? new byte[0] : stdin;
      stdin = new byte[pw.length + rest.length];
      System.arraycopy(pw, 0, stdin, 0, pw.length);
      System.arraycopy(rest, 0, stdin, pw.length, rest.length);
    }
    CommandResult r = inner.run(new CommandSpec(argv, spec.env(), spec.workingDirectory(), stdin,
        spec.timeout()));
    if (r.rc() == 1 && (r.stderr().contains("a password is required")
        || r.stderr().contains("incorrect password") || r.stderr().contains("is not in the sudoers"))) {
      throw new TransportException("become (sudo -u " + user + ") refused on " + inner.describe() + ": "
          + r.stderr().strip() + (password == null ? " (give the password with -K or"
          + " RUNBOOK_BECOME_PASSWORD)" : ""));
    }
    return r;
  }

  private CommandResult check(String what, String... argv) {
    CommandResult r = run(CommandSpec.of(argv));
    if (!r.succeeded()) {
      throw new TransportException(what + " as " + user + " on " + inner.describe() + " failed: "
          + (r.stderr().isBlank() ? r.status().describe() : r.stderr().strip()));
    }
    return r;
  }

  @Override
  public Optional<FileStat> stat(String path) {
    CommandResult r = run(CommandSpec.of("stat", "-L", "-c", "%F|%s|%a|%U|%G", "--", path));
    if (!r.succeeded()) {
      if (r.stderr().contains("No such file")) {
        return Optional.empty();
      }
      throw new TransportException("cannot stat " + path + " as " + user + ": " + r.stderr().strip());
    }
    return Optional.of(FileStatLine.parse(r.stdout()));
  }

  @Override
  public byte[] read(String path) {
    return Base64.getMimeDecoder().decode(check("read " + path, "base64", "--", path).stdout());
  }

  /**
   * Writes as the login user into a private temporary file, then, as the target user, copies
   * it beside the destination, checks its SHA-256 there, and renames it into place.
   */
  @Override
  public void writeAtomically(String path, byte[] content, Integer mode) {
    String staging = "/tmp/.runbook-" + UUID.randomUUID();
    inner.writeAtomically(staging, content, 0600);
    int slash = path.lastIndexOf('/');
    String temp = (slash >= 0 ? path.substring(0, slash + 1) : "") + "." + path.substring(slash + 1)
        + "." + UUID.randomUUID().toString().substring(0, 8) + ".runbook-tmp";
    try {
      Optional<FileStat> existing = stat(path);
      check("copy", "cp", "--", staging, temp);
      int finalMode = mode != null ? mode : existing.map(FileStat::mode).orElse(0644);
      check("chmod", "chmod", String.format("%o", finalMode), "--", temp);
      String sum = check("checksum", "sha256sum", "--", temp).stdout().split("\\s+")[0];
      if (!sum.equals(Checksums.sha256(content))) {
        throw new TransportException("checksum mismatch after copying to " + temp);
      }
      check("rename", "mv", "-f", "--", temp, path);
      temp = null;
    } finally {
      inner.delete(staging);
      if (temp != null) {
        run(CommandSpec.of("rm", "-f", "--", temp));
      }
    }
  }

  @Override
  public void mkdirs(String path, Integer mode) {
    if (mode == null) {
      check("mkdir", "mkdir", "-p", "--", path);
    } else {
      check("mkdir", "mkdir", "-p", "-m", String.format("%o", mode), "--", path);
    }
  }

  @Override
  public void delete(String path) {
    check("rm", "rm", "-rf", "--", path);
  }

  @Override
  public void chmod(String path, int mode) {
    check("chmod", "chmod", String.format("%o", mode), "--", path);
  }

  @Override
  public void chown(String path, String owner, String group) {
    check("chown", "chown", (owner == null ? "" : owner) + (group == null ? "" : ":" + group), "--", path);
  }

  @Override
  public void rename(String from, String to) {
    check("mv", "mv", "-f", "--", from, to);
  }

  @Override
  public boolean isLocal() {
    return inner.isLocal();
  }

  @Override
  public String describe() {
    return inner.describe() + " (as " + user + ")";
  }

  @Override
  public void close() {
    // the pool owns the underlying transport
  }
}
