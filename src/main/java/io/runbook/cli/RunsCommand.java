package io.runbook.cli;

import io.runbook.journal.RunHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runbook runs [show ID|last]}: the runs recorded in the state directory. */
@Command(name = "runs", description = "List recorded runs, or show one (runs show RUN_ID|last).",
    mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.BAD_OPTIONS)
public final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "show") String verb;

  @Parameters(index = "1", arity = "0..1", paramLabel = "RUN_ID") String id;

  @Option(names = "--state-dir", defaultValue = ".runbook", paramLabel = "DIR") Path stateDir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    RunHistory history = new RunHistory(stateDir);
    if (verb == null) {
      for (RunHistory.Run r : history.runs()) {
        out.printf("%-24s %-28s %-40s %s%n", r.id(), r.started(), r.playbook(), r.status());
      }
      out.flush();
      return ExitCodes.OK;
    }
    if (!verb.equals("show") || id == null) {
      spec.commandLine().getErr().println("runbook: use 'runbook runs' or 'runbook runs show RUN_ID|last'");
      return ExitCodes.BAD_OPTIONS;
    }
    RunHistory.Run r = history.find(id);
    if (r == null) {
      spec.commandLine().getErr().println("runbook: no run '" + id + "' under " + stateDir.resolve("runs"));
      return ExitCodes.INVALID_INPUT;
    }
    out.println("run       " + r.id());
    out.println("started   " + r.started());
    out.println("playbook  " + r.playbook());
    out.println("status    " + r.status());
    out.println("last step per host:");
    for (Map.Entry<String, String> e : r.lastStepByHost().entrySet()) {
      out.println("  " + e.getKey() + "  " + e.getValue());
    }
    if (!r.failures().isEmpty()) {
      out.println("failures:");
      r.failures().forEach(f -> out.println("  " + f));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
