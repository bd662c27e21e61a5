package io.runbook.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One static HTML page about a run, made from its journal, with no network use (styles inline,
 * no scripts): the recap, the failures with their messages, and a timeline per host — when each
 * of its steps began and ended, how long it took, how often it was retried, and the batches,
 * gates and handlers around them.
 */
public final class HtmlReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Step(String kind, String task, String at, Instant start, Instant end, String status,
      int retries, String message) {}

  private HtmlReport() {}

  public static String render(String runId, Path journal) throws IOException {
    Map<String, List<Step>> byHost = new LinkedHashMap<>();
    Map<String, Instant> taskStart = new LinkedHashMap<>();
    Map<String, Integer> retries = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    JsonNode start = null;
    JsonNode end = null;
    String currentTask = null;
    Instant first = null;
    for (String line : Files.readAllLines(journal)) {
      JsonNode e;
      try {
        e = JSON.readTree(line);
      } catch (IOException cut) {
        notes.add("The journal ends mid-line: the controller stopped while writing it.");
        break;
      }
      Instant ts = e.has("ts") ? Instant.parse(e.get("ts").asText()) : null;
      if (first == null) {
        first = ts;
      }
      switch (e.path("event").asText()) {
        case "run_start" -> start = e;
        case "batch_start" -> notes.add(time(first, ts) + " batch " + e.path("batch").asInt() + "/"
            + e.path("batches").asInt() + ": " + e.path("hosts"));
        case "task_start" -> {
          currentTask = e.path("at").asText();
          taskStart.put(currentTask, ts);
        }
        case "retrying" -> retries.merge(e.path("host").asText() + "|" + e.path("at").asText(), 1, Integer::sum);
        case "host_result" -> {
          String host = e.path("host").asText();
          String at = e.path("at").asText();
          String status = e.path("ignored").asBoolean() ? "ignored" : e.path("status").asText();
          List<Step> steps = byHost.computeIfAbsent(host, h -> new ArrayList<>());
          Step step = new Step(e.path("kind").asText(), e.path("task").asText(), at,
              taskStart.getOrDefault(at, ts), ts, status, retries.getOrDefault(host + "|" + at, 0),
              e.path("msg").asText(null));
          Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
          if (!e.path("item").isMissingNode() && last != null && last.at().equals(at)) {
            // the items of one loop are one step: it ends with its last item, failed if any failed
            String worst = last.status().equals("failed") ? "failed" : status;
            steps.set(steps.size() - 1, new Step(last.kind(), last.task(), at, last.start(), ts, worst,
                last.retries(), last.message() != null ? last.message() : step.message()));
          } else {
            steps.add(step);
          }
        }
        case "run_aborted" -> notes.add(time(first, ts) + " run stopped: " + e.path("reason").asText());
        case "run_end" -> end = e;
        default -> { }
      }
    }
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>runbook run ").append(esc(runId))
        .append("</title>\n<style>body{font:14px sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
            + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}.ok{background:#dfd}.changed{background:#ffd}"
            + ".failed,.unreachable{background:#fdd}.skipped,.unknown{background:#def}code{font-size:12px}</style>"
            + "</head><body>\n");
    h.append("<h1>Run ").append(esc(runId)).append("</h1>\n<p>Playbook <code>")
        .append(esc(start == null ? "?" : start.path("playbook").asText())).append("</code>, inventory <code>")
        .append(esc(start == null ? "?" : start.path("inventory").asText())).append("</code>, started ")
        .append(esc(start == null ? "?" : start.path("ts").asText())).append(", ")
        .append(end == null ? "<b>did not finish</b> (no run_end in the journal)" : "exit code " + end.path("exit_code").asInt())
        .append(".</p>\n");
    // Ansible's columns, and runbook's unknown (check mode could not predict) when a host has one.
    List<String> columns = new java.util.ArrayList<>(
        List.of("ok", "changed", "unreachable", "failed", "skipped", "rescued", "ignored"));
    if (end != null && end.path("stats").properties().stream().anyMatch(s -> s.getValue().path("unknown").asInt() > 0)) {
      columns.add("unknown");
    }
    h.append("<h2>Recap</h2>\n<table><tr><th>host</th>");
    columns.forEach(k -> h.append("<th>").append(k).append("</th>"));
    h.append("</tr>\n");
    if (end != null) {
      end.path("stats").properties().forEach(s -> {
        h.append("<tr><td>").append(esc(s.getKey())).append("</td>");
        for (String k : columns) {
          h.append("<td>").append(s.getValue().path(k).asInt()).append("</td>");
        }
        h.append("</tr>\n");
      });
    }
    h.append("</table>\n<h2>Failures</h2>\n<ul>\n");
    byHost.forEach((host, steps) -> steps.stream().filter(s -> s.status().equals("failed") || s.status().equals("unreachable"))
        .forEach(s -> h.append("<li><b>").append(esc(host)).append("</b> ").append(esc(s.task())).append(" <code>")
            .append(esc(s.at())).append("</code>: ").append(esc(String.valueOf(s.message()))).append("</li>\n")));
    h.append("</ul>\n<h2>Events</h2>\n<ul>\n");
    notes.forEach(n -> h.append("<li>").append(esc(n)).append("</li>\n"));
    h.append("</ul>\n<h2>Timeline per host</h2>\n");
    final Instant t0 = first;
    byHost.forEach((host, steps) -> {
      h.append("<h3>").append(esc(host)).append("</h3>\n<table><tr><th>from</th><th>to</th><th>took</th>"
          + "<th>step</th><th>kind</th><th>result</th><th>retries</th><th>where</th></tr>\n");
      for (Step s : steps) {
        h.append("<tr class=\"").append(esc(s.status())).append("\"><td>").append(time(t0, s.start())).append("</td><td>")
            .append(time(t0, s.end())).append("</td><td>").append(millis(s.start(), s.end())).append("</td><td>")
            .append(esc(s.task())).append("</td><td>").append(esc(s.kind())).append("</td><td>")
            .append(esc(s.status())).append(s.message() == null ? "" : ": " + esc(s.message())).append("</td><td>")
            .append(s.retries()).append("</td><td><code>").append(esc(s.at())).append("</code></td></tr>\n");
      }
      h.append("</table>\n");
    });
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String time(Instant t0, Instant t) {
    if (t0 == null || t == null) {
      return "?";
    }
    return "+" + String.format(java.util.Locale.ROOT, "%.3fs", Duration.between(t0, t).toMillis() / 1000.0);
  }

  private static String millis(Instant a, Instant b) {
    return a == null || b == null ? "?" : Duration.between(a, b).toMillis() + " ms";
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
