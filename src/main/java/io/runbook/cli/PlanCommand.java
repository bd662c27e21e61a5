package io.runbook.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.runbook.exec.RunPlanner;
import io.runbook.exec.RunOptions;
import io.runbook.plan.ExecutionPlan;
import io.runbook.plan.PlanView;
import io.runbook.plan.Verdict;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runbook plan}: the batches and steps a run would take, and the plan's hash. */
@Command(name = "plan", description = "Show what a run would do, without touching a host.",
    mixinStandardHelpOptions = true, exitCodeOnInvalidInput = ExitCodes.BAD_OPTIONS)
public final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAYBOOK") Path playbook;

  @Mixin Selection selection;

  @Option(names = "--format", defaultValue = "text", description = "text or json.") Format format;

  enum Format { text, json }

  @Override
  public Integer call() throws Exception {
    Engine engine = new Engine();
    RunOptions options = selection.apply(RunOptions.defaults(), spec.commandLine());
    Engine.Inputs inputs = engine.load(playbook, selection.inventory, options.extraVars().keySet(), options.limit());
    ExecutionPlan plan = new RunPlanner(engine.actions, engine.expressions, engine.loader)
        .plan(inputs.playbook(), inputs.inventory(), options);
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plan.view()));
    } else {
      text(plan.view(), out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void text(PlanView plan, PrintWriter out) {
    out.println("PLAN " + plan.hash() + "   (run it with: runbook run ..." + (plan.options().checkMode() ? " --check" : "")
        + " --plan-hash " + plan.hash() + ")");
    for (PlanView.Play p : plan.plays()) {
      out.println();
      out.println("PLAY [" + p.name() + "]  hosts: " + p.hosts()
          + (p.hostsAtRunTime() ? "   (reads what an earlier play leaves: decided when the play starts)" : ""));
      for (int i = 0; i < p.batches().size(); i++) {
        out.println("  batch " + (i + 1) + "/" + p.batches().size() + ": " + String.join(", ", p.batches().get(i)));
      }
      for (String inv : p.invariants()) {
        out.println("  invariant " + inv + "   checked before each batch and watched while the play runs");
      }
      for (PlanView.ShownStep s : p.steps()) {
        out.printf("  %-10s %-12s %-40s %-14s %s%n", s.id(), s.kind(), s.name(), s.action(), s.at());
        out.println("               " + summary(s.verdicts()));
      }
    }
  }

  /** "runs: pump1, pump2; skipped: pump3", grouped by verdict. */
  private static String summary(Map<String, Verdict> verdicts) {
    Map<Verdict, List<String>> byVerdict = verdicts.entrySet().stream().collect(Collectors.groupingBy(
        Map.Entry::getValue, java.util.LinkedHashMap::new,
        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    return byVerdict.entrySet().stream().map(e -> e.getKey().shown() + ": " + String.join(", ", e.getValue()))
        .collect(Collectors.joining("; "));
  }
}
