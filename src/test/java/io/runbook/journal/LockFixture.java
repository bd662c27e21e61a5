package io.runbook.journal;

import io.runbook.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * Runs for the lock tests, all inside one @TempDir: in this JVM, in another thread (a run that
 * holds its locks until the test lets it go) or in another JVM; and what the locks left on disk.
 */
final class LockFixture {
  final Path dir;
  /** The default lock directory of these runs: this "machine's". */
  final Path locks;

  LockFixture(Path dir) {
    this.dir = dir;
    this.locks = dir.resolve("locks");
  }

  record Result(int code, String out, String err) {}

  Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** A playbook that waits on every host until the file {@code go} exists. */
  Path waiting(String name) throws IOException {
    return write(name, "- hosts: all\n  tasks:\n    - name: hold\n      wait_for: {path: \""
        + dir.resolve("go") + "\", timeout: 60, sleep: 0.2}\n");
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(TestLocks.withLockDir(args, locks));
    return new Result(code, out.toString(), err.toString());
  }

  /** A run in another thread of this JVM, holding its locks until {@link Holder#release()}. */
  Holder hold(Path lockOnHost, String... args) throws Exception {
    CompletableFuture<Result> done = CompletableFuture.supplyAsync(() -> run(args));
    return new Holder(done, awaitOwner(lockOnHost, done));
  }

  /** A run started in another JVM, from {@code folder}. */
  Process start(Path folder, String... args) throws IOException {
    return start(folder, List.of(), args);
  }

  /**
   * As {@link #start(Path, String...)}, with Ctrl-C (SIGINT) working: a process started in the
   * background inherits an ignored SIGINT, which GNU env resets.
   */
  Process startInterruptible(Path folder, String... args) throws IOException {
    return start(folder, List.of("env", "--default-signal=INT"), args);
  }

  private Process start(Path folder, List<String> prefix, String... args) throws IOException {
    List<String> argv = new ArrayList<>(prefix);
    argv.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.runbook.cli.Main"));
    argv.addAll(Arrays.asList(TestLocks.withLockDir(args, locks)));
    return new ProcessBuilder(argv).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("started-" + System.nanoTime() + ".log").toFile()).start();
  }

  /** The owner record of a host's lock folder, once the run that takes it has written it. */
  LockOwner awaitOwner(Path lockFolder, CompletableFuture<?> giveUpWhen) throws Exception {
    for (int i = 0; i < 400; i++) {
      if (Files.exists(lockFolder.resolve("owner"))) {
        return LockOwner.parse(Files.readString(lockFolder.resolve("owner"))).orElseThrow();
      }
      if (giveUpWhen.isDone()) {
        throw new AssertionError("the holder ended before it held its locks: " + giveUpWhen.get());
      }
      Thread.sleep(25);
    }
    throw new AssertionError("no lock at " + lockFolder);
  }

  /** The lock folder of {@code host} in the lock directory {@code base}. */
  static Path folder(Path base, String host) {
    return base.resolve("hosts").resolve(host);
  }

  /** The controller lock files in {@link #locks} that have an owner record now. */
  List<Path> heldControllerFiles() throws IOException {
    if (!Files.isDirectory(locks)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(locks)) {
      return files.filter(f -> f.toString().endsWith(".lock")).filter(f -> f.toFile().length() > 0).toList();
    }
  }

  /** A record as this controller would write it, for a process that has ended. */
  static LockOwner deadOwner(String runId) throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor(10, TimeUnit.SECONDS);
    LockOwner me = LockOwner.current(runId, null, null);
    return new LockOwner(me.user(), me.controller(), me.pidSpace(), gone.pid(), null, runId,
        me.started(), null, null);
  }

  /** A record written by a run on another controller machine. */
  static LockOwner elsewhere(String runId) {
    LockOwner me = LockOwner.current(runId, null, null);
    return new LockOwner("bob", "ctl2.example", "other-boot", 4242, null, runId, me.started(), null, null);
  }

  /** Leaves {@code owner}'s lock folder for {@code host} in {@code base}, as a run would have. */
  static void leave(Path base, String host, LockOwner owner) throws IOException {
    Path f = Files.createDirectories(folder(base, host));
    Files.writeString(f.resolve("owner"), owner.toJson() + "\n");
  }

  final class Holder implements AutoCloseable {
    final CompletableFuture<Result> done;
    final LockOwner owner;

    Holder(CompletableFuture<Result> done, LockOwner owner) {
      this.done = done;
      this.owner = owner;
    }

    Result release() throws IOException, java.util.concurrent.ExecutionException,
        java.util.concurrent.TimeoutException {
      Files.writeString(dir.resolve("go"), "");
      try {
        return done.get(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() throws IOException, java.util.concurrent.ExecutionException,
        java.util.concurrent.TimeoutException {
      release();
      Files.deleteIfExists(dir.resolve("go"));
    }
  }
}
