package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The lab's processes as their deploy folders record them: {@code status/<role>.pid} (runbook's
 * scripts), {@code status/<role>/pid} (daemontools' supervise of a service folder), and the
 * units the lab's systemctl stand-in started ({@code systemd/run/<scope>/<unit>.pid}).
 */
final class LabProcesses {
  /** How a process is supervised, which says how to stop it. */
  enum Kind { SCRIPT, SUPERVISE, UNIT }

  /**
   * A process that runs: its deploy folder (for a unit: the stand-in's pid folder), role, pid
   * (for supervise: supervise's), and for a unit its name.
   */
  record Running(Path dir, String role, long pid, Kind kind, String name) {
    Running(Path dir, String role, long pid) {
      this(dir, role, pid, Kind.SCRIPT, role);
    }
  }

  private LabProcesses() {}

  static void start(Path dir, String role) throws IOException {
    script(dir, "start_" + role + ".sh", 30);
  }

  /** The stop script (SIGTERM and wait), then SIGKILL for what is still there. */
  static void stop(Running r) throws IOException {
    if (r.kind() != Kind.SCRIPT) {
      stopSupervised(r);
      return;
    }
    try {
      script(r.dir(), "stop_" + r.role() + ".sh", 70);
    } catch (IOException | LabException e) {
      // falls through to the kill below
    }
    Optional<ProcessHandle> p = ProcessHandle.of(r.pid());
    if (p.isPresent() && p.get().isAlive()) {
      p.get().destroyForcibly();
    }
    Files.deleteIfExists(r.dir().resolve("status").resolve(r.role() + ".pid"));
  }

  /**
   * A supervise: {@code svc -dx} (down, then supervise exits); a unit: the stand-in's
   * {@code systemctl stop}; then SIGKILL for the process and what it started, if still there.
   */
  private static void stopSupervised(Running r) throws IOException {
    Optional<ProcessHandle> p = ProcessHandle.of(r.pid());
    List<ProcessHandle> children = p.map(h -> h.descendants().toList()).orElse(List.of());
    try {
      if (r.kind() == Kind.SUPERVISE) {
        Path svc = r.dir().resolve("bin").resolve("svc");
        command(r.dir(), 70, Files.isExecutable(svc) ? svc.toString() : "svc", "-dx", "status/" + r.role());
        if (p.isPresent()) {
          p.get().onExit().get(70, TimeUnit.SECONDS);
        }
      } else {
        Path root = r.dir().getParent().getParent().getParent();
        new LabUnits(root).run(r.dir().getFileName().toString(), "stop", r.name(), 100);
      }
    } catch (IOException | LabException | java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException e) {
      // falls through to the kill below
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    p.ifPresent(ProcessHandle::destroyForcibly);
    children.forEach(ProcessHandle::destroyForcibly);
  }

  static List<Running> running(Path root) throws IOException {
    List<Running> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    units(root, out);
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.sorted().toList()) {
        Path status = dir.resolve("status");
        if (!Files.isDirectory(status)) {
          continue;
        }
        try (Stream<Path> pids = Files.list(status)) {
          for (Path f : pids.sorted().toList()) {
            String name = f.getFileName().toString();
            if (name.endsWith(".pid") && live(pid(f))) {
              out.add(new Running(dir, name.replace(".pid", ""), pid(f)));
            } else if (Files.isDirectory(f.resolve("supervise")) && live(pid(f.resolve("pid")))) {
              out.add(new Running(dir, name, pid(f.resolve("pid")), Kind.SUPERVISE, name));
            }
          }
        }
      }
    }
    return out;
  }

  /** The units the stand-in systemctl started and that still run. */
  private static void units(Path root, List<Running> out) throws IOException {
    for (String scope : List.of("system", "user")) {
      Path run = root.resolve("systemd").resolve("run").resolve(scope);
      if (!Files.isDirectory(run)) {
        continue;
      }
      try (Stream<Path> pids = Files.list(run)) {
        for (Path f : pids.filter(x -> x.toString().endsWith(".service.pid")).sorted().toList()) {
          String unit = f.getFileName().toString().replace(".pid", "");
          if (live(pid(f))) {
            out.add(new Running(run, unit.substring(0, unit.indexOf('-') < 0 ? unit.length() : unit.indexOf('-')),
                pid(f), Kind.UNIT, unit));
          }
        }
      }
    }
  }

  private static boolean live(long pid) {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Whether the role runs from runbook's pid file, or under a supervise of {@code status/<role>/}. */
  static boolean alive(Path dir, String role) {
    return live(pid(dir.resolve("status").resolve(role + ".pid")))
        || live(pid(dir.resolve("status").resolve(role).resolve("pid")));
  }

  static String stderrTail(Path dir, String role) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("log").resolve(role + "_stderr.log"));
      return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1);
    } catch (IOException e) {
      return "no output";
    }
  }

  private static long pid(Path pidFile) {
    try {
      return Long.parseLong(Files.readString(pidFile).strip());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  private static void script(Path dir, String name, int timeoutSeconds) throws IOException {
    command(dir, timeoutSeconds, "/bin/sh", dir.resolve("scripts").resolve(name).toString());
  }

  /** Runs a command in {@code dir}; fails when it does not end in time or exits non-zero. */
  static void command(Path dir, int timeoutSeconds, String... argv) throws IOException {
    String script = argv[0].equals("/bin/sh") ? argv[1] : String.join(" ", argv);
    Process p = new ProcessBuilder(argv).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new LabException(script + " did not finish within " + timeoutSeconds + "s");
      }
      if (p.exitValue() != 0) {
        throw new LabException(script + " failed with exit status " + p.exitValue());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted while running " + script);
    }
  }
}
