package io.runbook.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --output jsonl}: one JSON object per line per event, for CI and tools. Every line has
 * {@code event} and {@code ts} (ISO-8601 UTC); the other fields per event are documented in
 * docs/output.md. Lines are written whole and flushed, so a reader never sees half an event.
 */
public final class JsonlReporter implements RunListener {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final PrintWriter out;

  public JsonlReporter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void runStarted(String playbook, boolean checkMode) {
    emit("run_start", Map.of("playbook", playbook, "check_mode", checkMode));
  }

  @Override
  public void playStarted(String name, List<String> hosts) {
    emit("play_start", Map.of("play", name, "hosts", hosts));
  }

  @Override
  public void batchStarted(int number, int of, List<String> hosts) {
    emit("batch_start", Map.of("batch", number, "batches", of, "hosts", hosts));
  }

  @Override
  public void taskStarted(TaskEvent task) {
    emit("task_start", task(task));
  }

  @Override
  public void hostResult(HostResult r) {
    Map<String, Object> f = task(r.task());
    f.put("host", r.host());
    f.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
    if (r.message() != null) {
      f.put("msg", r.message());
    }
    if (r.item() != null) {
      f.put("item", r.item());
    }
    if (r.delegatedTo() != null) {
      f.put("delegated_to", r.delegatedTo());
    }
    if (r.ignored()) {
      f.put("ignored", true);
    }
    f.put("result", r.result());
    emit("host_result", f);
  }

  @Override
  public void retrying(TaskEvent task, String host, int retriesLeft, String reason) {
    Map<String, Object> f = task(task);
    f.put("host", host);
    f.put("retries_left", retriesLeft);
    f.put("reason", reason);
    emit("retrying", f);
  }

  @Override
  public void waiting(TaskEvent task, String host, String what, long waitedMillis) {
    if (what == null) {
      return;
    }
    Map<String, Object> f = task(task);
    f.put("host", host);
    f.put("waiting_for", what);
    emit("waiting", f);
  }

  @Override
  public void warning(String message) {
    emit("warning", Map.of("msg", message));
  }

  @Override
  public void aborted(String reason) {
    emit("run_aborted", Map.of("reason", reason));
  }

  @Override
  public void playFinished(String name) {
    emit("play_end", Map.of("play", name));
  }

  @Override
  public void runFinished(Recap recap, int exitCode) {
    Map<String, Object> stats = new LinkedHashMap<>();
    recap.hosts().forEach((h, c) -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("ok", c.ok());
      s.put("changed", c.changed());
      s.put("unreachable", c.unreachable());
      s.put("failed", c.failed());
      s.put("skipped", c.skipped());
      s.put("rescued", c.rescued());
      s.put("ignored", c.ignored());
      s.put("unknown", c.unknown());
      stats.put(h, s);
    });
    emit("run_end", Map.of("exit_code", exitCode, "stats", stats));
  }

  private static Map<String, Object> task(TaskEvent t) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("task", t.name());
    f.put("action", t.action());
    f.put("kind", switch (t.kind()) {
      case "TASK" -> "task";
      case "RUNNING HANDLER" -> "handler";
      default -> t.kind().toLowerCase(java.util.Locale.ROOT).replace(' ', '_'); // before_batch, after_batch
    });
    f.put("at", t.position().toString());
    return f;
  }

  private synchronized void emit(String event, Map<String, Object> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("event", event);
    line.put("ts", Instant.now().toString());
    line.putAll(fields);
    try {
      out.println(JSON.writeValueAsString(line));
    } catch (Exception e) {
      out.println("{\"event\":\"error\",\"msg\":" + JSON.valueToTree(String.valueOf(e)) + "}");
    }
    out.flush();
  }
}
