package io.runbook.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan as an operator reads it: per play its hosts, batches and
 * invariants, and every step that runs on hosts (blocks are shown by their tasks), with its id
 * and the verdict for each host.
 */
public record PlanView(String hash, PlanOptions options, List<Play> plays) {

  /** One play as shown. */
  public record Play(int number, String name, String hosts, boolean hostsAtRunTime, List<String> order,
      List<List<String>> batches, FailurePolicy failure, int forks, List<String> invariants,
      List<ShownStep> steps) {}

  /**
   * One step as shown.
   *
   * @param kind     task, handler, before_batch, after_batch or include
   * @param dynamic  an include: what it reads is known when the run reaches it
   */
  public record ShownStep(String id, String kind, String name, String action, String at, boolean dynamic,
      Map<String, Verdict> verdicts) {}

  static List<Play> plays(List<PlannedPlay> plays, io.runbook.model.Playbook base, Forecasts forecasts) {
    List<Play> out = new ArrayList<>();
    for (PlannedPlay p : plays) {
      List<ShownStep> steps = new ArrayList<>();
      for (Section s : Section.values()) {
        flatten(p.steps(s), forecasts.of(p), base, steps);
      }
      List<String> invariants = p.play().invariants().stream()
          .map(i -> i.name() + ": " + i.action() + " probe, " + String.join(" and ",
              i.that().stream().map(io.runbook.model.Guard::text).toList()) + " (" + i.position() + ")")
          .toList();
      out.add(new Play(p.number(), p.name(), p.pattern(), p.hostsAtRunTime(), p.hosts(), p.batches(), p.failure(), p.forks(),
          invariants, steps));
    }
    return out;
  }

  /** Where a step is written, from the playbook's folder: the same plan from any folder. */
  static String at(io.runbook.model.Playbook playbook, io.runbook.source.SourcePosition p) {
    return p.withFile(playbook.fromBaseDir(java.nio.file.Path.of(p.file()))).toString();
  }

  private static void flatten(List<Step> steps, Map<String, Map<String, Verdict>> forecast,
      io.runbook.model.Playbook base, List<ShownStep> out) {
    for (Step s : steps) {
      if (s.kind() == StepKind.BLOCK) {
        flatten(s.block(), forecast, base, out);
        flatten(s.rescue(), forecast, base, out);
        flatten(s.always(), forecast, base, out);
        continue;
      }
      String kind = s.kind() == StepKind.INCLUDE ? "include" : s.section().shownAs();
      String action = switch (s.kind()) {
        case ACTION -> s.action().action();
        case META -> "meta: " + s.meta().meta().written();
        default -> "include_tasks";
      };
      out.add(new ShownStep(s.id(), kind, s.name(), action, at(base, s.node().options().position()),
          s.dynamic(), new LinkedHashMap<>(forecast.getOrDefault(s.id(), Map.of()))));
    }
  }
}
