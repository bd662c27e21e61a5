package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The lab's processes as their deploy folders record them: {@code status/<role>.pid}. */
final class LabProcesses {
  /** A process that runs: its deploy folder, role and pid. */
  record Running(Path dir, String role, long pid) {}

  private LabProcesses() {}

  static void start(Path dir, String role) throws IOException {
    script(dir, "start_" + role + ".sh", 30);
  }

  /** The stop script (SIGTERM and wait), then SIGKILL for what is still there. */
  static void stop(Running r) throws IOException {
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

  static List<Running> running(Path root) throws IOException {
    List<Running> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.sorted().toList()) {
        Path status = dir.resolve("status");
        if (!Files.isDirectory(status)) {
          continue;
        }
        try (Stream<Path> pids = Files.list(status)) {
          for (Path pidFile : pids.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
            String role = pidFile.getFileName().toString().replace(".pid", "");
            long pid = pid(pidFile);
            if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
              out.add(new Running(dir, role, pid));
            }
          }
        }
      }
    }
    return out;
  }

  static boolean alive(Path dir, String role) {
    long pid = pid(dir.resolve("status").resolve(role + ".pid"));
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
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
    Path script = dir.resolve("scripts").resolve(name);
    Process p = new ProcessBuilder("/bin/sh", script.toString()).directory(dir.toFile())
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
