package io.runbook.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled upgrade playbooks against the lab while TiDB writes the whole time: nothing lost
 * or duplicated, never zero online Pumps, the targeted releases at the end, nothing changed by
 * a second run; and the faults an operator meets.
 */
class PumpDrainerUpgradeE2E {
  @TempDir Path tmp;

  @Test
  void upgradeBinlogUpgradesPumpsThenDrainerWithoutLosingABinlogAndASecondRunChangesNothing()
      throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 20000).up("cluster")) {
      LabFixture.Prober prober = lab.new Prober(lab.port(8250), lab.port(8251), lab.port(8252));
      LabFixture.Result run = lab.play("upgrade-binlog.yml");
      prober.close();
      assertThat(run.code()).as(run.all()).isZero();
      assertThat(prober.samples).as("samples of the online Pumps during the run").hasSizeGreaterThan(50)
          .allSatisfy(online -> assertThat(online).isGreaterThanOrEqualTo(1));
      assertThat(prober.samples).as("one Pump at a time was down").contains(2);
      for (String pump : List.of("pump1", "pump2", "pump3")) {
        assertThat(lab.release(pump, "pump")).isEqualTo("v3.0.5");
        assertThat(lab.pumpState(lab.port(8249) + Integer.parseInt(pump.substring(4)))).isEqualTo("online");
      }
      assertThat(lab.release("drainer1", "drainer")).isEqualTo("v3.0.5");
      assertThat(Files.list(lab.dir.resolve("pump1").resolve("bin")).map(p -> p.getFileName().toString()))
          .as("the old binary is kept as a backup").anyMatch(n -> n.startsWith("pump.") && n.endsWith("~"));

      LabFixture.Result verify = lab.verify();
      assertThat(verify.code()).as(verify.all()).isZero();
      assertThat(verify.out()).contains("lost: 0   duplicated: 0   out of order: 0")
          .contains("longest replication stall: ").contains("within --max-stall 60 s")
          .contains("no Pump online: never");

      LabFixture.Result again = lab.play("upgrade-binlog.yml");
      assertThat(again.code()).as(again.all()).isZero();
      assertThat(again.out()).containsPattern("pump1 +: ok=\\d+ +changed=0 ")
          .containsPattern("pump3 +: ok=\\d+ +changed=0 ").containsPattern("drainer1 +: ok=\\d+ +changed=0 ");
      assertThat(again.out()).doesNotContainPattern("changed=[1-9]");
    }
  }

  @Test
  void incompatibleVersionsAreRefusedBeforeAnyHostIsTouched() throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 20100).up("cluster")) {
      LabFixture.Result run = lab.play("upgrade-binlog.yml", "-e", "binlog_version=v2.1.0-rc.4",
          "-e", "binlog_package_dir=" + lab.dir.resolve("packages/tidb-binlog-kafka-v2.1.0-rc.4-linux-amd64"));
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.out()).contains("TiDB 5.7.25-TiDB-v3.0.0 on tidb1 uses the cluster version")
          .contains("release v2.1.0-rc.4 is the kafka version").contains("Nothing was touched");
      assertThat(run.out()).doesNotContain("pump1").doesNotContain("drainer1");
      assertThat(lab.release("pump1", "pump")).isEqualTo("v3.0.0");
      assertThat(lab.pumpState(lab.port(8250))).isEqualTo("online");
    }
  }

  @Test
  void aPumpReleaseThatCannotStartStopsTheRunWithTheOtherPumpsOnlineAndResumeCompletesOnceFixed()
      throws Exception {
    try (LabFixture lab = new LabFixture(tmp, 20200).up("cluster")) {
      Path release = lab.dir.resolve("packages").resolve("tidb-binlog-v3.0.6-linux-amd64");
      copyRelease(lab.dir.resolve("packages").resolve("tidb-binlog-v3.0.5-linux-amd64"), release, "v3.0.6");
      Path pump = release.resolve("bin").resolve("pump");
      String good = Files.readString(pump);
      Files.writeString(pump, good.replace("--release=v3.0.6", "--release=v3.0.6 --lab-fail-start=panic"));
      String[] vars = {"-e", "binlog_version=v3.0.6", "-e", "binlog_package_dir=" + release,
          "-e", "pump_start_timeout=8"};

      LabFixture.Prober prober = lab.new Prober(lab.port(8250), lab.port(8251), lab.port(8252));
      LabFixture.Result failed = lab.play("upgrade-pump.yml", vars);
      assertThat(failed.code()).as(failed.all()).isEqualTo(2);
      assertThat(failed.out()).contains("Pump 127.0.0.1:" + lab.port(8250) + " of pump1 is not online in PD")
          .contains("The other Pumps were not touched");
      assertThat(lab.pumpState(lab.port(8251))).isEqualTo("online");
      assertThat(lab.pumpState(lab.port(8252))).isEqualTo("online");
      assertThat(lab.release("pump2", "pump")).isEqualTo("v3.0.0");

      Files.writeString(pump, good); // the fixed release
      LabFixture.Result resumed = lab.play("upgrade-pump.yml", concat(vars, "--resume", "last"));
      prober.close();
      assertThat(resumed.code()).as(resumed.all()).isZero();
      for (int i = 0; i < 3; i++) {
        assertThat(lab.release("pump" + (i + 1), "pump")).isEqualTo("v3.0.6");
        assertThat(lab.pumpState(lab.port(8250 + i))).isEqualTo("online");
      }
      assertThat(prober.samples).hasSizeGreaterThan(50).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(1));
      LabFixture.Result verify = lab.verify();
      assertThat(verify.code()).as(verify.all()).isZero();
    }
  }

  /** A release package copied under another version: each binary stamped with it. */
  static void copyRelease(Path from, Path to, String version) throws Exception {
    Files.createDirectories(to.resolve("bin"));
    try (Stream<Path> bins = Files.list(from.resolve("bin"))) {
      for (Path b : bins.toList()) {
        Path target = to.resolve("bin").resolve(b.getFileName());
        Files.writeString(target, Files.readString(b).replaceAll("--release=\\S+", "--release=" + version));
        target.toFile().setExecutable(true);
      }
    }
  }

  static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
