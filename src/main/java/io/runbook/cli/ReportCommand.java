package io.runbook.cli;

import io.runbook.journal.HtmlReport;
import io.runbook.journal.RunHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runbook report RUN_ID|last --html FILE}: one static HTML page about a run. */
@Command(name = "report", description = "Write one static HTML page about a recorded run.",
    mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.BAD_OPTIONS)
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_ID") String id;

  @Option(names = "--html", required = true, paramLabel = "FILE") Path html;

  @Option(names = "--state-dir", defaultValue = ".runbook", paramLabel = "DIR") Path stateDir;

  @Override
  public Integer call() throws Exception {
    RunHistory.Run run = new RunHistory(stateDir).find(id);
    if (run == null) {
      spec.commandLine().getErr().println("runbook: no run '" + id + "' under " + stateDir.resolve("runs"));
      return ExitCodes.INVALID_INPUT;
    }
    Path journal = stateDir.resolve("runs").resolve(run.id()).resolve("journal.jsonl");
    Files.writeString(html, HtmlReport.render(run.id(), journal));
    spec.commandLine().getOut().println("wrote " + html);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
