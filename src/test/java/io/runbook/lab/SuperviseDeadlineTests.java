package io.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Past the lab's deadline a binary does not start, and the supervise of its folder exits. */
class SuperviseDeadlineTests {
  @TempDir Path dir;
  private Process supervise;

  @AfterEach
  void end() {
    if (supervise != null) {
      supervise.destroyForcibly();
    }
  }

  @Test
  void aSuperviseOfAFolderWhoseBinaryIsPastTheDeadlineExits() throws Exception {
    LabLayout layout = new LabLayout(dir, LabLayout.CLUSTER, 0);
    long past = System.currentTimeMillis() / 1000 - 1;
    Path bin = Files.createDirectories(dir.resolve("bin"));
    LabFiles.executable(bin.resolve("pump"), new LabFiles(layout, dir.resolve("x.jar"), past).binaryScript("pump", "v3.0.0"));
    Path service = Files.createDirectories(dir.resolve("status").resolve("pump"));
    LabFiles.executable(service.resolve("run"), "#!/bin/sh\ncd " + LabFiles.quote(dir.toString())
        + " || exit 1\nexec bin/pump 2>>" + LabFiles.quote(dir.resolve("stderr.log").toString()) + "\n");
    supervise = new ProcessBuilder("supervise", service.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(supervise.waitFor(15, TimeUnit.SECONDS)).as("supervise exits").isTrue();
    assertThat(Files.readString(dir.resolve("stderr.log"))).contains("the lab's deadline has passed");
  }
}
