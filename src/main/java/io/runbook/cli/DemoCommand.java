package io.runbook.cli;

import io.runbook.lab.Lab;
import io.runbook.lab.LabException;
import io.runbook.lab.LabStatus;
import io.runbook.lab.LabVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code runbook demo}: the whole story on this machine: a lab comes up, the bundled
 * {@code upgrade-binlog.yml} upgrades its Pumps and Drainer while TiDB keeps writing, the lab
 * proves that no binlog was lost or duplicated, the report is written, and the lab goes down.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.BAD_OPTIONS,
    description = "Lab up, upgrade TiDB Binlog with playbooks/upgrade-binlog.yml, verify, report, lab down.")
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", description = "the lab's folder (default .runbook/lab)")
  Path dir = LabCommand.DEFAULT_DIR;

  @Option(names = "--keep", description = "leave the lab running at the end (runbook lab down stops it)")
  boolean keep;

  @Option(names = "--no-color") boolean noColor;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Path playbook = Bundled.playbook("upgrade-binlog.yml");
    Lab lab = new Lab(dir, out);
    int code;
    try {
      step(out, 1, "start the lab: PD, three Pumps, a Drainer and a TiDB that writes all the time");
      lab.down();
      lab.up("cluster", 0, Duration.ofMinutes(60), LabCommand.runbookJar());
      step(out, 2, "the cluster before the upgrade (runbook lab status)");
      new LabStatus(dir).print(out);
      Path inventory = dir.resolve("inventory.yml");
      step(out, 3, "upgrade TiDB Binlog v3.0.0 -> v3.0.5: runbook run " + playbook + " -i " + inventory);
      out.flush();
      String[] run = {"run", playbook.toString(), "-i", inventory.toString(), "--state-dir", ".runbook"};
      code = Main.commandLine().execute(noColor ? append(run, "--no-color") : run);
      step(out, 4, "the cluster after the upgrade");
      new LabStatus(dir).print(out);
      step(out, 5, "did every binlog reach downstream exactly once? (runbook lab verify)");
      boolean verified = LabVerifier.print(new LabVerifier(dir).verify(Duration.ofSeconds(60)), out);
      Path report = Path.of(".runbook", "demo-report.html");
      Main.commandLine().execute("report", "last", "--html", report.toString(), "--state-dir", ".runbook");
      out.println("the run's journal and report: runbook runs show last; " + report.toAbsolutePath());
      if (!verified && code == 0) {
        code = ExitCodes.HOST_FAILED;
      }
    } catch (LabException e) {
      spec.commandLine().getErr().println("runbook: demo: " + e.getMessage());
      code = ExitCodes.INTERNAL_ERROR;
    } finally {
      if (!keep) {
        step(out, 6, "stop the lab (runbook lab down)");
        lab.down();
      }
      out.flush();
    }
    return code;
  }

  private static String[] append(String[] args, String arg) {
    String[] out = java.util.Arrays.copyOf(args, args.length + 1);
    out[args.length] = arg;
    return out;
  }

  private static void step(PrintWriter out, int n, String what) {
    out.println();
    out.println("== " + n + ". " + what);
    out.flush();
  }

  /** Where the bundled playbooks are: ./playbooks, or beside the jar's project. */
  static final class Bundled {
    private Bundled() {}

    static Path playbook(String name) {
      Path here = Path.of("playbooks", name);
      if (Files.exists(here)) {
        return here;
      }
      Path project = LabCommand.runbookJar().toAbsolutePath().getParent().getParent();
      Path there = project.resolve("playbooks").resolve(name);
      if (Files.exists(there)) {
        return there;
      }
      throw new LabException("cannot find the bundled playbooks/" + name + " (run from the runbook folder)");
    }
  }
}
