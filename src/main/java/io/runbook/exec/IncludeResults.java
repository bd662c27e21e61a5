package io.runbook.exec;

import io.runbook.model.IncludeTask;
import io.runbook.model.Status;
import io.runbook.report.HostResult;
import io.runbook.report.StepOutcome;
import io.runbook.report.TaskEvent;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an {@code include_tasks} reports and counts, as ansible-core does: each host and item
 * whose file is walked is {@code included} (ok in the recap); an item whose {@code when} is false
 * prints {@code skipping}, and a host that included nothing at all counts skipped, once. The
 * banner is shown again before each loop round, whose results follow the tasks that the round
 * before included.
 */
final class IncludeResults {
  private final RunContext run;
  private final IncludeTask include;
  private final TaskEvent event;
  /** Hosts whose outcome is counted: included at least once, or skipped. */
  private final Set<String> settled = new HashSet<>();
  private boolean announced;

  /** {@code kind}: how the include's section announces it (TASK, RUNNING HANDLER, ...). */
  IncludeResults(RunContext run, IncludeTask include, String kind) {
    this.run = run;
    this.include = include;
    String name = include.options().name() != null ? include.options().name() : "include_tasks";
    this.event = new TaskEvent(name, "include_tasks", include.options().position(), kind);
  }

  /** A loop round begins: its results come under a banner of their own. */
  void round() {
    announced = false;
  }

  void included(HostState h, Map<String, Object> itemVars, Path file) {
    settled.add(h.name);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("changed", false);
    result.put("include", file.toString());
    report(h, Status.OK, file.toString(), label(itemVars), result);
    run.outcomes.add(h.name, StepOutcome.OK);
  }

  /**
   * An item whose {@code when} is false: shown at once. Counted skipped, once, when it was the
   * host's last item and nothing was included for it (Ansible's "skipping: [host]").
   */
  void skipped(HostState h, Map<String, Object> itemVars, boolean lastItem) {
    if (include.options().loop() != null) {
      report(h, Status.SKIPPED, null, label(itemVars), Map.of("changed", false, "skipped", true));
    }
    if (lastItem && settled.add(h.name)) {
      skip(h);
    }
  }

  /** The include could not be decided or read for this host: it fails, as a task does. */
  void failed(HostState h, Inherited inh, String message) {
    report(h, Status.FAILED, message, null, Map.of("failed", true, "msg", message));
    run.outcomes.failed(h.name, inh);
    h.failed = true;
    h.lastFailure = "'" + event.name() + "': " + message;
  }

  /** Every round done: a host that had no item at all ({@code loop: []}) is skipped too. */
  void finish(List<HostState> decided) {
    round();
    for (HostState h : decided) {
      if (h.active() && settled.add(h.name)) {
        skip(h);
      }
    }
  }

  private void skip(HostState h) {
    report(h, Status.SKIPPED, null, null, Map.of("changed", false, "skipped", true));
    run.outcomes.add(h.name, StepOutcome.SKIPPED);
  }

  private String label(Map<String, Object> itemVars) {
    return include.options().loop() == null ? null
        : String.valueOf(itemVars.get(include.options().loopControl().loopVar()));
  }

  private void report(HostState h, Status status, String message, String item, Map<String, Object> result) {
    if (!announced) {
      run.listener.taskStarted(event);
      announced = true;
    }
    run.listener.hostResult(new HostResult(event, h.name, status, message, item, null, result, List.of(), false));
  }
}
