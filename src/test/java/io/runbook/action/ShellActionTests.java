package io.runbook.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellActionTests {
  private final ShellAction action = new ShellAction();
  private final TestActionContext ctx = new TestActionContext();
  @TempDir Path dir;

  @Test
  void runsTheScriptThroughBinShWithPipesAndRedirections() throws Exception {
    Path out = dir.resolve("out");
    ActionResult r = action.execute(ctx, Map.of("cmd", "printf 'b\\na\\n' | sort > '" + out + "' && echo done"));
    assertThat(r.status()).isEqualTo(Status.CHANGED);
    assertThat(r.data()).containsEntry("stdout", "done").containsEntry("cmd",
        "printf 'b\\na\\n' | sort > '" + out + "' && echo done");
    assertThat(Files.readString(out)).isEqualTo("a\nb\n");
  }

  @Test
  void usesTheGivenExecutable() {
    ActionResult r = action.execute(ctx, Map.of("cmd", "echo $0", "executable", "/bin/bash"));
    assertThat(r.data()).containsEntry("stdout", "/bin/bash");
  }

  @Test
  void failsOnNonZeroExit() {
    ActionResult r = action.execute(ctx, Map.of("cmd", "echo bad input >&2; exit 2"));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).isEqualTo("non-zero return code: bad input");
    assertThat(r.data()).containsEntry("rc", 2L).containsEntry("stderr_lines", List.of("bad input"));
  }

  @Test
  void declaresInterpolateButIgnoresItWhenRunning() {
    assertThat(action.spec().args().get("interpolate").choices()).containsExactly("quoted", "raw");
    ActionResult r = action.execute(ctx, Map.of("cmd", "echo ok", "interpolate", "raw"));
    assertThat(r.data()).containsEntry("stdout", "ok");
  }

  @Test
  void checkModeSkipsWithoutCreatesAndDecidesWithIt() throws Exception {
    ctx.checkMode = true;
    Path out = dir.resolve("x");
    assertThat(action.execute(ctx, Map.of("cmd", "touch '" + out + "'")).status()).isEqualTo(Status.SKIPPED);
    assertThat(action.execute(ctx, Map.of("cmd", "touch '" + out + "'", "creates", out.toString())).status())
        .isEqualTo(Status.UNKNOWN);
    assertThat(out).doesNotExist();
    Files.createFile(out);
    ActionResult r = action.execute(ctx, Map.of("cmd", "rm '" + out + "'", "creates", out.toString()));
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(out).exists();
  }
}
