package io.runbook.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;

/** The controller itself: processes through Apache Commons Exec, files through java.nio. */
public final class LocalTransport implements Transport {

  @Override
  public CommandResult run(CommandSpec spec) {
    CommandLine line = new CommandLine(spec.argv().get(0));
    for (String arg : spec.argv().subList(1, spec.argv().size())) {
      line.addArgument(arg, false); // argv as given: never re-split or re-quoted
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PumpStreamHandler streams = new PumpStreamHandler(out, err,
        spec.stdin() == null ? null : new ByteArrayInputStream(spec.stdin()));
    TreeKillingWatchdog watchdog = spec.timeout() == null ? null
        : new TreeKillingWatchdog(spec.timeout());
    DefaultExecutor.Builder<?> builder = DefaultExecutor.builder();
    if (spec.workingDirectory() != null) {
      builder.setWorkingDirectory(Path.of(spec.workingDirectory()));
    }
    DefaultExecutor executor = builder.get();
    executor.setExitValues(null); // every exit code is an answer to read, not an exception
    executor.setStreamHandler(streams);
    if (watchdog != null) {
      executor.setWatchdog(watchdog);
    }
    long start = System.nanoTime();
    int code;
    try {
      code = executor.execute(line, environment(spec.env()));
    } catch (IOException e) {
      // The program could not start at all (no such file, not executable).
      return new CommandResult(new ExitStatus.Exited(127), "",
          "cannot run " + spec.argv().get(0) + ": " + rootMessage(e), since(start));
    }
    Duration took = since(start);
    ExitStatus status = watchdog != null && watchdog.timedOut()
        ? new ExitStatus.TimedOut(spec.timeout())
        : new ExitStatus.Exited(code);
    return new CommandResult(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8), took);
  }

  private static Map<String, String> environment(Map<String, String> extra) {
    if (extra.isEmpty()) {
      return null; // inherit the controller's environment as it is
    }
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(extra);
    return env;
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  @Override
  public Optional<FileStat> stat(String path) {
    Path p = Path.of(path);
    if (!Files.exists(p)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalFiles.stat(p));
    } catch (IOException e) {
      throw new TransportException("cannot stat " + path + ": " + rootMessage(e), e);
    }
  }

  @Override
  public byte[] read(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new TransportException("cannot read " + path + ": " + rootMessage(e), e);
    }
  }

  @Override
  public void writeAtomically(String path, byte[] content, Integer mode) {
    Path target = Path.of(path).toAbsolutePath();
    Path temp = null;
    try {
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".runbook-tmp");
      Files.write(temp, content);
      if (mode != null) {
        LocalFiles.chmod(temp, mode);
      } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        LocalFiles.chmod(temp, LocalFiles.stat(target).mode());
      } else {
        LocalFiles.chmod(temp, 0644);
      }
      if (!Checksums.sha256(Files.readAllBytes(temp)).equals(Checksums.sha256(content))) {
        throw new TransportException("checksum mismatch after writing " + temp);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      temp = null;
    } catch (IOException e) {
      throw new TransportException("cannot write " + path + ": " + rootMessage(e), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file is named so that an operator recognises and removes it
        }
      }
    }
  }

  @Override
  public void mkdirs(String path, Integer mode) {
    try {
      LocalFiles.mkdirs(Path.of(path), mode);
    } catch (IOException e) {
      throw new TransportException("cannot create directory " + path + ": " + rootMessage(e), e);
    }
  }

  @Override
  public void delete(String path) {
    try {
      LocalFiles.deleteTree(Path.of(path));
    } catch (IOException e) {
      throw new TransportException("cannot delete " + path + ": " + rootMessage(e), e);
    }
  }

  @Override
  public void chmod(String path, int mode) {
    try {
      LocalFiles.chmod(Path.of(path), mode);
    } catch (IOException e) {
      throw new TransportException("cannot chmod " + path + ": " + rootMessage(e), e);
    }
  }

  @Override
  public void chown(String path, String owner, String group) {
    try {
      LocalFiles.chown(Path.of(path), owner, group);
    } catch (IOException e) {
      throw new TransportException("cannot chown " + path + ": " + rootMessage(e), e);
    }
  }

  @Override
  public void rename(String from, String to) {
    try {
      Files.move(Path.of(from), Path.of(to), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new TransportException("cannot rename " + from + " to " + to + ": " + rootMessage(e), e);
    }
  }

  @Override
  public boolean isLocal() {
    return true;
  }

  @Override
  public String describe() {
    return "local";
  }

  @Override
  public void close() {
    // nothing is held open
  }

  /**
   * Kills the whole process tree on timeout: {@code sh -c} leaves children behind that would
   * keep the output pipes open and the run waiting.
   */
  private static final class TreeKillingWatchdog extends ExecuteWatchdog {
    private volatile Process process;
    private volatile boolean timedOut;

    TreeKillingWatchdog(Duration timeout) {
      super(timeout.toMillis());
    }

    @Override
    public synchronized void start(Process p) {
      this.process = p;
      super.start(p);
    }

    @Override
    public synchronized void timeoutOccured(org.apache.commons.exec.Watchdog w) {
      timedOut = true;
      Process p = process;
      if (p != null) {
        // The process first, so a script cannot go on to its next line when a child dies; the
        // children are listed before, as they stop being descendants once their parent is gone.
        java.util.List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
      }
      super.timeoutOccured(w);
    }

    /** Whether the time ran out (the process may already be gone when the base class looks). */
    boolean timedOut() {
      return timedOut;
    }
  }
}
