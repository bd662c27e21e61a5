package io.runbook.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbook.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandActionTests {
  private final CommandAction action = new CommandAction();
  private final TestActionContext ctx = new TestActionContext();
  @TempDir Path dir;

  private ActionResult run(Map<String, Object> args) {
    return action.execute(ctx, args);
  }

  @Test
  void runsAFreeFormStringAsArgvWithoutAShell() {
    ActionResult r = run(Map.of("cmd", "printf '%s|' \"a b\" $HOME *"));
    assertThat(r.status()).isEqualTo(Status.CHANGED);
    assertThat(r.data()).containsEntry("stdout", "a b|$HOME|*|")
        .containsEntry("rc", 0L)
        .containsEntry("cmd", List.of("printf", "%s|", "a b", "$HOME", "*"));
  }

  @Test
  void runsAnArgvListAsGiven() {
    ActionResult r = run(Map.of("argv", List.of("printf", "%s", "it's \"x\"; rm -rf /")));
    assertThat(r.data()).containsEntry("stdout", "it's \"x\"; rm -rf /");
  }

  @Test
  void registersAnsibleShapedData() {
    ActionResult r = run(Map.of("argv", List.of("/bin/sh", "-c", "printf 'a\\nb\\n\\n'; echo e >&2")));
    assertThat(r.data()).containsEntry("stdout", "a\nb")
        .containsEntry("stdout_lines", List.of("a", "b"))
        .containsEntry("stderr", "e")
        .containsEntry("stderr_lines", List.of("e"));
    assertThat((String) r.data().get("start")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
    assertThat((String) r.data().get("end")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
    assertThat((String) r.data().get("delta")).matches("\\d+:\\d\\d:\\d\\d(\\.\\d{6})?");
  }

  @Test
  void keepsTrailingNewlinesWhenStripEmptyEndsIsFalse() {
    ActionResult r = run(Map.of("cmd", "printf 'x\\n\\n'", "strip_empty_ends", false));
    assertThat(r.data()).containsEntry("stdout", "x\n\n");
  }

  @Test
  void failsOnNonZeroReturnCodeWithTheFirstStderrLine() {
    ActionResult r = run(Map.of("argv", List.of("/bin/sh", "-c", "echo; echo boom >&2; echo more >&2; exit 3")));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).isEqualTo("non-zero return code: boom");
    assertThat(r.data()).containsEntry("rc", 3L).containsEntry("stderr_lines", List.of("boom", "more"));
  }

  @Test
  void aMissingProgramFails() {
    ActionResult r = run(Map.of("cmd", "/no/such/program"));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).startsWith("non-zero return code").contains("/no/such/program");
  }

  @Test
  void passesChdirEnvAndStdin() {
    Map<String, Object> args = new HashMap<>();
    args.put("argv", List.of("/bin/sh", "-c", "pwd; echo \"$GREETING\"; cat"));
    args.put("chdir", dir.toString());
    args.put("env", Map.of("GREETING", "hi there"));
    args.put("stdin", "from stdin");
    ActionResult r = run(args);
    assertThat(r.data()).containsEntry("stdout_lines", List.of(dir.toString(), "hi there", "from stdin"));
  }

  @Test
  void failsClearlyWhenChdirDoesNotExist() {
    ActionResult r = run(Map.of("cmd", "true", "chdir", dir.resolve("nope").toString()));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).contains("Unable to change directory").contains("does not exist");
  }

  @Test
  void skipsWhenCreatesExists() throws Exception {
    Path marker = Files.createFile(dir.resolve("done"));
    Path out = dir.resolve("ran");
    ActionResult r = run(Map.of("argv", List.of("touch", out.toString()), "creates", marker.toString()));
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.message()).isEqualTo("skipped, since " + marker + " exists");
    assertThat(out).doesNotExist();
  }

  @Test
  void skipsWhenRemovesDoesNotExistAndResolvesRelativeToChdir() {
    Path out = dir.resolve("ran");
    ActionResult r = run(Map.of("argv", List.of("touch", out.toString()),
        "removes", "missing", "chdir", dir.toString()));
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.message()).isEqualTo("skipped, since missing does not exist");
    assertThat(out).doesNotExist();
  }

  @Test
  void runsWhenCreatesIsMissing() {
    Path out = dir.resolve("made");
    ActionResult r = run(Map.of("argv", List.of("touch", out.toString()), "creates", out.toString()));
    assertThat(r.status()).isEqualTo(Status.CHANGED);
    assertThat(out).exists();
    assertThat(run(Map.of("argv", List.of("touch", out.toString()), "creates", out.toString())).status())
        .isEqualTo(Status.OK);
  }

  @Test
  void checkModeSkipsAsAnsibleAndIsUnknownOnlyWhenCreatesOrRemovesSayItWouldRun() throws Exception {
    ctx.checkMode = true;
    Path out = dir.resolve("made");
    ActionResult skipped = run(Map.of("argv", List.of("touch", out.toString())));
    assertThat(skipped.status()).isEqualTo(Status.SKIPPED);
    assertThat(skipped.message()).isEqualTo("Command would have run if not in check mode");
    assertThat(skipped.data()).containsEntry("rc", 0L).containsEntry("cmd", List.of("touch", out.toString()));
    ActionResult unknown = run(Map.of("argv", List.of("touch", out.toString()), "creates", out.toString()));
    assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
    assertThat(unknown.message()).contains("cannot be predicted in check mode");
    assertThat(out).doesNotExist();
    Files.createFile(out);
    assertThat(run(Map.of("argv", List.of("rm", out.toString()), "creates", out.toString())).status())
        .isEqualTo(Status.OK);
    assertThat(out).exists();
  }

  @Test
  void needsExactlyOneOfCmdAndArgv() {
    assertThatThrownBy(() -> run(Map.of("cmd", "true", "argv", List.of("true"))))
        .isInstanceOf(ActionException.class).hasMessageContaining("exactly one of cmd");
    assertThatThrownBy(() -> run(Map.of()))
        .isInstanceOf(ActionException.class).hasMessageContaining("exactly one of cmd");
    assertThatThrownBy(() -> run(Map.of("cmd", "   ")))
        .isInstanceOf(ActionException.class).hasMessageContaining("nothing to run");
  }

  @Test
  void formatsDeltaLikePython() {
    assertThat(ProcCommandRunner.ansibleDelta(java.time.Duration.ofMillis(1502))).isEqualTo("0:00:01.502000");
    assertThat(ProcCommandRunner.ansibleDelta(java.time.Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    assertThat(ProcCommandRunner.ansibleDelta(java.time.Duration.ofHours(26))).isEqualTo("1 day, 2:00:00");
  }
}
