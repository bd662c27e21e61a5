package io.runbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * What {@code runbook run} and {@code runbook plan} must do with input refused when it loads:
 * exit 4 with one line, {@code file:line:col: message}, before any host is touched.
 */
public final class LoadRefusal {
  private LoadRefusal() {}

  /** A play that touches {@code marker} on its hosts: written first, it must not run either. */
  public static String touching(Path marker) {
    return """
        - hosts: all
          tasks:
            - name: touch the host
              command: touch %s
        """.formatted(marker);
  }

  /** An inventory of one local host. */
  public static String oneLocalHost() {
    return "all: {vars: {ansible_connection: local}, hosts: {h1: }}\n";
  }

  /** {@code line:col} of the first {@code needle} at or after {@code from} in {@code text}. */
  public static String position(String text, String needle, int from) {
    int offset = text.indexOf(needle, from);
    assertThat(offset).as("'%s' in %s", needle, text).isNotNegative();
    long line = text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    return line + ":" + (offset - text.lastIndexOf('\n', offset - 1));
  }

  public static void assertRefused(Path playbook, Path inventory, Path marker, String line) {
    Path state = marker.resolveSibling("state");
    InProcess run = InProcess.run("run", playbook.toString(), "-i", inventory.toString(),
        "--state-dir", state.toString());
    assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
    assertThat(run.err().lines()).containsExactly(line, "1 error; nothing was run.");
    assertThat(marker).as("no host was touched").doesNotExist();
    InProcess plan = InProcess.run("plan", playbook.toString(), "-i", inventory.toString());
    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(4);
    assertThat(plan.err().lines()).containsExactly(line, "1 error; nothing was run.");
  }
}
