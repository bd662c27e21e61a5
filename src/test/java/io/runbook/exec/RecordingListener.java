package io.runbook.exec;

import io.runbook.report.HostResult;
import io.runbook.report.Recap;
import io.runbook.report.RunListener;
import io.runbook.report.TaskEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Records engine events for assertions, as JUnit's EngineTestKit records test events. */
final class RecordingListener implements RunListener, io.runbook.journal.StepJournal {
  final List<String> events = new ArrayList<>();
  final List<HostResult> results = new ArrayList<>();
  final List<String> retries = new ArrayList<>();
  final List<List<String>> batches = new ArrayList<>();
  /** Every step the run started, as the plan names it. */
  final List<io.runbook.plan.PlanTrace.Start> starts = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  String abortReason;
  Recap recap;
  int exitCode = -1;

  @Override
  public synchronized void playStarted(String name, List<String> hosts) {
    events.add("play " + name + " " + hosts);
  }

  @Override
  public synchronized void batchStarted(int number, int of, List<String> hosts) {
    batches.add(hosts);
    events.add("batch " + number + "/" + of + " " + hosts);
  }

  @Override
  public synchronized void taskStarted(TaskEvent task) {
    events.add(task.kind().toLowerCase() + " " + task.name());
  }

  @Override
  public synchronized void stepStarted(int batch, String host, String step) {
    starts.add(new io.runbook.plan.PlanTrace.Start(batch, host, step));
  }

  @Override
  public synchronized void hostResult(HostResult r) {
    results.add(r);
    events.add(r.status().name().toLowerCase() + " " + r.host() + (r.item() == null ? "" : " (" + r.item() + ")"));
  }

  @Override
  public synchronized void retrying(TaskEvent task, String host, int retriesLeft, String reason) {
    retries.add(host + " " + retriesLeft);
  }

  @Override
  public synchronized void warning(String message) {
    warnings.add(message);
  }

  @Override
  public synchronized void aborted(String reason) {
    abortReason = reason;
    events.add("aborted");
  }

  @Override
  public synchronized void runFinished(Recap recap, int exitCode) {
    this.recap = recap;
    this.exitCode = exitCode;
  }

  /** Results of the task named {@code task}, as "status host" strings. */
  synchronized List<String> of(String task) {
    return results.stream().filter(r -> r.task().name().equals(task))
        .map(r -> r.status().name().toLowerCase() + " " + r.host()).collect(Collectors.toList());
  }

  synchronized List<String> tasksRun() {
    return events.stream().filter(e -> e.startsWith("task ") || e.startsWith("running handler "))
        .collect(Collectors.toList());
  }

  synchronized HostResult last(String task, String host) {
    HostResult found = null;
    for (HostResult r : results) {
      if (r.task().name().equals(task) && r.host().equals(host)) {
        found = r;
      }
    }
    return found;
  }
}
