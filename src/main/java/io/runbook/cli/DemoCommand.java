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

  @Option(names = "--fault", paramLabel = "FAULT", description = "rehearse a fault first: paused-pump"
      + " (a Pump left paused: the upgrade refuses before touching the cluster, the fix, then the upgrade)")
  String fault;

  private static final String PAUSED_PUMP = "paused-pump";

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (fault != null && !fault.equals(PAUSED_PUMP)) {
      spec.commandLine().getErr().println("runbook: demo: --fault takes " + PAUSED_PUMP + ", not '" + fault + "'");
      return ExitCodes.BAD_OPTIONS;
    }
    Path playbook = Bundled.playbook("upgrade-binlog.yml");
    Lab lab = new Lab(dir, out);
    int code;
    int n = 3;
    try {
      step(out, 1, "start the lab: PD, three Pumps, a Drainer and a TiDB that writes all the time");
      lab.down();
      lab.up("cluster", 0, Duration.ofMinutes(60), LabCommand.runbookJar());
      step(out, 2, "the cluster before the upgrade (runbook lab status)");
      new LabStatus(dir).print(out);
      Path inventory = dir.resolve("inventory.yml");
      String[] run = {"run", playbook.toString(), "-i", inventory.toString(), "--state-dir", ".runbook"};
      if (noColor) {
        run = append(run, "--no-color");
      }
      if (fault != null) {
        n = rehearsePausedPump(out, lab, run, n);
        run = append(append(run, "--resume"), "last");
      }
      step(out, n++, "upgrade TiDB Binlog v3.0.0 -> v3.0.5: runbook " + String.join(" ", run));
      code = Main.commandLine().execute(run);
      step(out, n++, "the cluster after the upgrade");
      new LabStatus(dir).print(out);
      step(out, n++, "did every binlog reach downstream exactly once? (runbook lab verify)");
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
        step(out, n, "stop the lab (runbook lab down)");
        lab.down();
      }
      out.flush();
    }
    return code;
  }

  /**
   * The paused-Pump rehearsal: pump2 stopped and left so, which PD lists as paused and which
   * stops every real Drainer; the upgrade must refuse it before touching anything; then the
   * operator's fix the refusal names (start it again). Returns the next step's number.
   */
  private int rehearsePausedPump(PrintWriter out, Lab lab, String[] run, int n) throws IOException {
    step(out, n++, "the fault: pump2 stopped by hand and never started again, so PD lists it paused"
        + " (a real Drainer then waits for it for good): " + lab.stopService("pump2"));
    new LabStatus(dir).print(out);
    step(out, n++, "the upgrade refuses before touching the cluster: runbook " + String.join(" ", run));
    out.flush();
    int refused = Main.commandLine().execute(run);
    if (refused != ExitCodes.HOST_FAILED) {
      throw new LabException("the upgrade did not refuse the paused Pump (exit " + refused + ")");
    }
    step(out, n++, "the operator's fix, as the refusal says: start the Pump again: " + lab.startService("pump2"));
    new LabStatus(dir).print(out);
    return n;
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
