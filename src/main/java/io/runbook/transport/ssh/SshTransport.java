package io.runbook.transport.ssh;

import io.runbook.transport.CommandResult;
import io.runbook.transport.CommandSpec;
import io.runbook.transport.ExitStatus;
import io.runbook.transport.FileStat;
import io.runbook.transport.ShellQuoting;
import io.runbook.transport.Transport;
import io.runbook.transport.TransportException;
import io.runbook.transport.UnreachableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;
import io.runbook.transport.Checksums;

/**
 * A remote host over SSH (SSHJ): one connection for the whole run, a new exec channel per
 * command, SFTP for file content. Commands are sent as argv quoted for the remote POSIX shell,
 * so nothing is re-split. Host keys are always verified ({@link KnownHosts}).
 */
public final class SshTransport implements Transport {
  private final SshConnection connection;

  public SshTransport(SshTarget target) {
    this.connection = new SshConnection(target);
  }

  @Override
  public CommandResult run(CommandSpec spec) {
    long start = System.nanoTime();
    Session session = connection.session();
    try (session) {
      Session.Command cmd = session.exec(commandLine(spec));
      CompletableFuture<byte[]> out = drain(cmd.getInputStream());
      CompletableFuture<byte[]> err = drain(cmd.getErrorStream());
      try (OutputStream stdin = cmd.getOutputStream()) {
        if (spec.stdin() != null) {
          stdin.write(spec.stdin());
        }
      }
      boolean finished = await(cmd, spec.timeout());
      ExitStatus status;
      if (!finished) {
        status = new ExitStatus.TimedOut(spec.timeout());
      } else if (cmd.getExitStatus() != null) {
        status = new ExitStatus.Exited(cmd.getExitStatus());
      } else if (cmd.getExitSignal() != null) {
        status = new ExitStatus.Signalled(cmd.getExitSignal().name());
      } else {
        throw new UnreachableException(connection.target().name() + ": the connection closed before "
            + "the command ended", null);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      return new CommandResult(status, text(out), text(err), took);
    } catch (IOException e) {
      throw connection.lost(e);
    }
  }

  private static boolean await(Session.Command cmd, Duration timeout) throws IOException {
    if (timeout == null) {
      cmd.join();
      return true;
    }
    try {
      cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (net.schmizz.sshj.connection.ConnectionException e) {
      if (!cmd.isOpen()) {
        return true;
      }
    }
    if (cmd.isOpen()) {
      try {
        cmd.signal(net.schmizz.sshj.connection.channel.direct.Signal.KILL);
      } catch (IOException ignored) {
        // not every server honours signals; closing the channel below ends our side of it
      }
      cmd.close();
      return false;
    }
    return true;
  }

  /** The argv as one remote shell line: {@code cd 'dir' && exec env 'K=v' 'prog' 'arg'}. */
  static String commandLine(CommandSpec spec) {
    StringBuilder sb = new StringBuilder();
    if (spec.workingDirectory() != null) {
      sb.append("cd ").append(ShellQuoting.quote(spec.workingDirectory())).append(" && ");
    }
    sb.append("exec ");
    if (!spec.env().isEmpty()) {
      sb.append("env ");
      for (Map.Entry<String, String> e : spec.env().entrySet()) {
        sb.append(ShellQuoting.quote(e.getKey() + "=" + e.getValue())).append(' ');
      }
    }
    for (int i = 0; i < spec.argv().size(); i++) {
      sb.append(i == 0 ? "" : " ").append(ShellQuoting.quote(spec.argv().get(i)));
    }
    return sb.toString();
  }

  private static CompletableFuture<byte[]> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return in.readAllBytes();
      } catch (IOException e) {
        return new byte[0];
      }
    }, SshConnection.IO);
  }

  private static String text(CompletableFuture<byte[]> f) {
    try {
      return new String(f.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8);
    } catch (Exception e) {
      return "";
    }
  }

  private CommandResult check(String what, CommandSpec spec) {
    CommandResult r = run(spec);
    if (!r.succeeded()) {
      throw new TransportException(what + " on " + connection.target().name() + " failed: "
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
      throw new TransportException("cannot stat " + path + " on " + connection.target().name() + ": "
          + r.stderr().strip());
    }
    return Optional.of(io.runbook.transport.FileStatLine.parse(r.stdout()));
  }

  @Override
  public byte[] read(String path) {
    try (RemoteFile file = connection.sftp().open(path, EnumSet.of(OpenMode.READ));
        InputStream in = file.new RemoteFileInputStream()) {
      return in.readAllBytes();
    } catch (net.schmizz.sshj.sftp.SFTPException e) {
      throw new TransportException("cannot read " + path + " on " + connection.target().name() + ": "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw connection.lost(e);
    }
  }

  @Override
  public void writeAtomically(String path, byte[] content, Integer mode) {
    int slash = path.lastIndexOf('/');
    String dir = slash > 0 ? path.substring(0, slash) : slash == 0 ? "/" : ".";
    String temp = dir + "/." + path.substring(slash + 1) + "." + UUID.randomUUID().toString().substring(0, 8)
        + ".runbook-tmp";
    SFTPClient sftp = connection.sftp();
    try {
      try (RemoteFile file = sftp.open(temp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.TRUNC));
          OutputStream out = file.new RemoteFileOutputStream(0)) {
        out.write(content);
      }
      Optional<FileStat> existing = stat(path);
      int finalMode = mode != null ? mode : existing.map(FileStat::mode).orElse(0644);
      sftp.chmod(temp, finalMode);
      String sum = check("checksum", CommandSpec.of("sha256sum", "--", temp)).stdout().split("\\s+")[0];
      if (!sum.equals(Checksums.sha256(content))) {
        throw new TransportException("checksum mismatch after copying to " + temp + " on "
            + connection.target().name());
      }
      check("rename", CommandSpec.of("mv", "-f", "--", temp, path));
      temp = null;
    } catch (net.schmizz.sshj.sftp.SFTPException e) {
      throw new TransportException("cannot write " + path + " on " + connection.target().name() + ": "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw connection.lost(e);
    } finally {
      if (temp != null) {
        run(CommandSpec.of("rm", "-f", "--", temp));
      }
    }
  }

  @Override
  public void mkdirs(String path, Integer mode) {
    check("mkdir", mode == null ? CommandSpec.of("mkdir", "-p", "--", path)
        : CommandSpec.of("mkdir", "-p", "-m", String.format("%o", mode), "--", path));
  }

  @Override
  public void delete(String path) {
    check("rm", CommandSpec.of("rm", "-rf", "--", path));
  }

  @Override
  public void chmod(String path, int mode) {
    check("chmod", CommandSpec.of("chmod", String.format("%o", mode), "--", path));
  }

  @Override
  public void chown(String path, String owner, String group) {
    String who = (owner == null ? "" : owner) + (group == null ? "" : ":" + group);
    check("chown", CommandSpec.of("chown", who, "--", path));
  }

  @Override
  public void rename(String from, String to) {
    check("mv", CommandSpec.of("mv", "-f", "--", from, to));
  }

  @Override
  public String describe() {
    return connection.target().describe();
  }

  SshConnection connection() {
    return connection;
  }

  @Override
  public void close() {
    connection.close();
  }
}
