package io.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lab's tiup patches a stopped instance as tiup cluster patch does, and records it in meta.yaml. */
class LabTiupTests {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Path cluster() throws Exception {
    Path meta = dir.resolve("home/storage/cluster/clusters/lab/meta.yaml");
    Files.createDirectories(meta.getParent());
    for (String d : List.of("pump-8250", "pump-8251")) {
      Files.createDirectories(dir.resolve(d).resolve("bin"));
      Files.writeString(dir.resolve(d).resolve("bin/pump"), "old pump\n");
    }
    Files.writeString(meta, "user: tidb\ntidb_version: v3.0.0\ntopology:\n  global:\n    user: tidb\n"
        + "  pump_servers:\n"
        + "  - host: 127.0.0.1\n    port: 8250\n    deploy_dir: " + dir.resolve("pump-8250") + "\n"
        + "  - host: 127.0.0.1\n    port: 8251\n    deploy_dir: " + dir.resolve("pump-8251") + "\n");
    Path pkgDir = dir.resolve("pkg");
    Files.createDirectories(pkgDir);
    Files.writeString(pkgDir.resolve("pump"), "new pump\n");
    Process tar = new ProcessBuilder("tar", "-czf", dir.resolve("pump.tar.gz").toString(), "-C", pkgDir.toString(), "pump")
        .start();
    assertThat(tar.waitFor(30, TimeUnit.SECONDS) && tar.exitValue() == 0).isTrue();
    return meta;
  }

  private int tiup(String... args) {
    return LabTiup.run(List.of(args), Map.of("TIUP_HOME", dir.resolve("home").toString()),
        new PrintStream(out, true), new PrintStream(err, true));
  }

  @Test
  void anOfflinePatchOfOneNodeInstallsThePackageKeepsTheOldBinAndMarksItPatched() throws Exception {
    Path meta = cluster();
    int code = tiup("cluster", "patch", "lab", dir.resolve("pump.tar.gz").toString(), "-N", "127.0.0.1:8251",
        "--offline", "--overwrite", "--yes");
    assertThat(code).as(err.toString()).isZero();
    assertThat(dir.resolve("pump-8251/bin/pump")).hasContent("new pump");
    assertThat(dir.resolve("pump-8251/bin.old.v3.0.0/pump")).hasContent("old pump");
    assertThat(dir.resolve("pump-8250/bin/pump")).as("the other node is untouched").hasContent("old pump");
    assertThat(meta.resolveSibling("patch/pump.tar.gz")).exists();
    assertThat(Files.readString(meta)).contains("patched: true");

    out.reset();
    assertThat(tiup("cluster", "display", "lab")).isZero();
    assertThat(out.toString()).containsPattern("127\\.0\\.0\\.1:8251 +pump \\(patched\\)")
        .containsPattern("127\\.0\\.0\\.1:8250 +pump +127");
  }

  @Test
  void aPatchThatWouldRestartOrNamesNothingOrAnUnknownClusterIsRefused() throws Exception {
    cluster();
    assertThat(tiup("cluster", "patch", "lab", dir.resolve("pump.tar.gz").toString(), "-R", "pump")).isEqualTo(1);
    assertThat(err.toString()).contains("patches stopped services only (--offline)");
    assertThat(tiup("cluster", "patch", "lab", dir.resolve("pump.tar.gz").toString(), "--offline")).isEqualTo(1);
    assertThat(err.toString()).contains("the flag -R or -N must be specified at least one");
    assertThat(tiup("cluster", "display", "nope")).isEqualTo(1);
    assertThat(err.toString()).contains("Cluster nope not found");
    assertThat(dir.resolve("pump-8250/bin/pump")).hasContent("old pump");
  }
}
