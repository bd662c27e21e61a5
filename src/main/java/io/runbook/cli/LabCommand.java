package io.runbook.cli;

import io.runbook.lab.HostLayout;
import io.runbook.lab.Lab;
import io.runbook.lab.LabException;
import io.runbook.lab.LabStatus;
import io.runbook.lab.LabVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runbook lab up|down|status|verify}: the local simulated TiDB Binlog deployment. */
@Command(name = "lab", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.BAD_OPTIONS,
    description = {"The local lab: a TiDB Binlog deployment of real processes on 127.0.0.1.",
        "  up      create it in --dir and start it (--era cluster: 3 pumps, a drainer, TiDB v3.0.0;",
        "          --era kafka: TiDB v2.1.0-rc.4 with a Kafka pump, drainer, Kafka, ZooKeeper;",
        "          --downstream mysql: the drainers write to a real MariaDB in the lab's folder)",
        "  down    stop every process of the lab",
        "  status  each process, its release, and the pumps and drainers as PD lists them",
        "  verify  every transaction TiDB committed reached downstream exactly once, in order"})
public final class LabCommand implements Callable<Integer> {
  static final Path DEFAULT_DIR = Path.of(".runbook", "lab");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "up|down|status|verify") String verb;

  @Option(names = "--dir", paramLabel = "DIR", description = "the lab's folder (default .runbook/lab)")
  Path dir = DEFAULT_DIR;

  @Option(names = "--era", paramLabel = "cluster|kafka", description = "which generation 'up' deploys")
  String era = "cluster";

  @Option(names = "--downstream", paramLabel = "file|mysql",
      description = "where 'up' makes the drainers write: a file (default) or a real MariaDB in the lab's folder")
  String downstream = "file";

  @Option(names = "--layout", paramLabel = "lab|tidb-ansible|tiup",
      description = "how 'up' lays out the hosts: the lab's own (default), tidb-ansible's or TiUP's")
  String layout = "lab";

  @Option(names = "--supervision", paramLabel = "systemd|supervise",
      description = "--layout tidb-ansible: its process_supervision (default systemd)")
  String supervision;

  @Option(names = "--systemd-mode", paramLabel = "system|user",
      description = "--layout tiup: its systemd_mode (default system)")
  String systemdMode;

  @Option(names = "--port-offset", paramLabel = "N", description = "added to every port (default 0)")
  int portOffset;

  @Option(names = "--lifetime", paramLabel = "MINUTES", description = "the processes stop by themselves after this (default 240)")
  long lifetimeMinutes = 240;

  @Option(names = "--wait", paramLabel = "SECONDS", description = "how long verify waits for the drainer to catch up (default 60)")
  long waitSeconds = 60;

  @Option(names = "--max-stall", paramLabel = "SECONDS",
      description = "verify fails when a committed transaction waited longer than this to reach downstream")
  Long maxStallSeconds;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try {
      switch (verb) {
        case "up" -> new Lab(dir, out).up(era, HostLayout.of(layout, supervision, systemdMode), portOffset,
            Duration.ofMinutes(lifetimeMinutes), runbookJar(), downstream);
        case "down" -> new Lab(dir, out).down();
        case "status" -> {
          return new LabStatus(dir).print(out) ? ExitCodes.OK : ExitCodes.HOST_FAILED;
        }
        case "verify" -> {
          if (maxStallSeconds != null && maxStallSeconds < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--max-stall must not be negative");
          }
          LabVerifier.Result r = new LabVerifier(dir).verify(Duration.ofSeconds(waitSeconds),
              maxStallSeconds == null ? null : Duration.ofSeconds(maxStallSeconds));
          return LabVerifier.print(r, out) ? ExitCodes.OK : ExitCodes.HOST_FAILED;
        }
        default -> {
          spec.commandLine().getErr().println("runbook: lab: unknown verb '" + verb
              + "'; use up, down, status or verify");
          return ExitCodes.BAD_OPTIONS;
        }
      }
      return ExitCodes.OK;
    } catch (LabException e) {
      spec.commandLine().getErr().println("runbook: lab: " + e.getMessage());
      return ExitCodes.INTERNAL_ERROR;
    } finally {
      out.flush();
    }
  }

  /**
   * The jar the lab's processes run from: this program's own when it carries its dependencies
   * (the shaded jar), else target/runbook.jar beside the classes or the plain jar of a build.
   */
  static Path runbookJar() {
    try {
      Path self = Path.of(LabCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path jackson = Path.of(com.fasterxml.jackson.core.JsonProcessingException.class
          .getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isRegularFile(self) && self.equals(jackson)) {
        return self;
      }
      Path built = self.getParent().resolve("runbook.jar");
      if (Files.isRegularFile(built)) {
        return built;
      }
    } catch (URISyntaxException | SecurityException e) {
      // fall through
    }
    throw new LabException("cannot find runbook.jar for the lab's processes; build it with 'mvn -B package'");
  }
}
