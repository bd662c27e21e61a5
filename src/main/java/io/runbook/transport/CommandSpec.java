package io.runbook.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A process to run: argv (never re-split or re-quoted), extra environment, working directory,
 * bytes for stdin, and a time bound after which the process is killed.
 *
 * @param workingDirectory null for the transport's default
 * @param stdin            null for none
 * @param timeout          null for no bound
 */
public record CommandSpec(List<String> argv, Map<String, String> env, String workingDirectory,
    byte[] stdin, Duration timeout) {

  public CommandSpec {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv is empty");
    }
    env = Map.copyOf(Objects.requireNonNullElse(env, Map.of()));
  }

  public static CommandSpec of(String... argv) {
    return new CommandSpec(List.of(argv), Map.of(), null, null, null);
  }

  /** A script for {@code /bin/sh -c}; the caller has quoted whatever it interpolated. */
  public static CommandSpec shell(String script) {
    return of("/bin/sh", "-c", script);
  }

  public CommandSpec withTimeout(Duration t) {
    return new CommandSpec(argv, env, workingDirectory, stdin, t);
  }

  public CommandSpec withEnv(Map<String, String> e) {
    return new CommandSpec(argv, e, workingDirectory, stdin, timeout);
  }

  public CommandSpec withWorkingDirectory(String dir) {
    return new CommandSpec(argv, env, dir, stdin, timeout);
  }

  public CommandSpec withStdin(String text) {
    return new CommandSpec(argv, env, workingDirectory,
        text == null ? null : text.getBytes(StandardCharsets.UTF_8), timeout);
  }
}
