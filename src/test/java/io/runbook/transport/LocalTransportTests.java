package io.runbook.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTransportTests {
  private final LocalTransport local = new LocalTransport();
  @TempDir Path dir;

  @Test
  void runsArgvWithoutReSplittingOrQuoting() {
    CommandResult r = local.run(CommandSpec.of("printf", "%s|", "a b", "$HOME", "'q'"));
    assertThat(r.succeeded()).isTrue();
    assertThat(r.stdout()).isEqualTo("a b|$HOME|'q'|");
  }

  @Test
  void reportsExitCodeAndStderr() {
    CommandResult r = local.run(CommandSpec.shell("echo oops >&2; exit 3"));
    assertThat(r.status()).isEqualTo(new ExitStatus.Exited(3));
    assertThat(r.stderr()).isEqualTo("oops\n");
  }

  @Test
  void passesEnvironmentWorkingDirectoryAndStdin() {
    CommandResult r = local.run(new CommandSpec(List.of("/bin/sh", "-c", "echo $GREETING; pwd; cat"),
        Map.of("GREETING", "hi"), dir.toString(), "from stdin".getBytes(StandardCharsets.UTF_8), null));
    assertThat(r.stdout()).isEqualTo("hi\n" + dir + "\nfrom stdin");
  }

  @Test
  void killsTheWholeProcessTreeOnTimeout() {
    CommandResult r = local.run(CommandSpec.shell("sleep 30 & sleep 30; echo never")
        .withTimeout(Duration.ofMillis(300)));
    assertThat(r.status()).isInstanceOf(ExitStatus.TimedOut.class);
    assertThat(r.stdout()).doesNotContain("never");
    assertThat(r.took()).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aMissingProgramIsAFailedCommandNotAnException() {
    CommandResult r = local.run(CommandSpec.of("/no/such/program"));
    assertThat(r.rc()).isEqualTo(127);
    assertThat(r.stderr()).contains("/no/such/program");
  }

  @Test
  void writesAtomicallyWithModeAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("conf.toml");
    local.writeAtomically(target.toString(), "a = 1\n".getBytes(StandardCharsets.UTF_8), 0640);
    assertThat(Files.readString(target)).isEqualTo("a = 1\n");
    assertThat(local.stat(target.toString()).orElseThrow().mode()).isEqualTo(0640);
    local.writeAtomically(target.toString(), "a = 2\n".getBytes(StandardCharsets.UTF_8), null);
    assertThat(local.stat(target.toString()).orElseThrow().mode()).as("mode kept").isEqualTo(0640);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void fileOperationsReportTheHostsReason() {
    assertThat(local.stat(dir.resolve("absent").toString())).isEmpty();
    assertThatThrownBy(() -> local.read(dir.resolve("absent").toString()))
        .isInstanceOf(TransportException.class).hasMessageContaining("absent");
  }

  @Test
  void mkdirsDeleteAndRename() {
    String nested = dir.resolve("a/b/c").toString();
    local.mkdirs(nested, 0750);
    assertThat(local.stat(nested).orElseThrow().isDirectory()).isTrue();
    assertThat(local.stat(dir.resolve("a").toString()).orElseThrow().mode()).isEqualTo(0750);
    local.writeAtomically(nested + "/f", new byte[] {1}, null);
    local.rename(nested + "/f", nested + "/g");
    assertThat(local.stat(nested + "/g")).isPresent();
    local.delete(dir.resolve("a").toString());
    assertThat(local.stat(dir.resolve("a").toString())).isEmpty();
  }
}
