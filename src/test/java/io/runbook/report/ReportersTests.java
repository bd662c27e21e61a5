package io.runbook.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.model.Status;
import io.runbook.source.SourcePosition;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/** The reporters on one scripted sequence of events. */
class ReportersTests {
  private static final Path GOLDEN = Path.of("src/test/resources/fixtures/report");
  private static final TaskEvent STOP = TaskEvent.task("Stop pump", "service", new SourcePosition("up.yml", 9, 7));
  private static final TaskEvent WAIT = TaskEvent.task("Wait until the pump is online", "http",
      new SourcePosition("up.yml", 14, 7));
  private static final TaskEvent DEBUG = TaskEvent.task("Show version", "debug", new SourcePosition("up.yml", 20, 7));
  private static final TaskEvent HANDLER = TaskEvent.handler("restart drainer", "service", new SourcePosition("up.yml", 30, 7));

  private static void script(RunListener l) {
    l.runStarted("up.yml", false);
    l.playStarted("Rolling upgrade of Pump", List.of("pump1", "pump2"));
    l.batchStarted(1, 2, List.of("pump1"));
    l.taskStarted(STOP);
    l.hostResult(new HostResult(STOP, "pump1", Status.CHANGED, null, null, null,
        Map.of("changed", true), List.of(), false));
    l.taskStarted(WAIT);
    l.retrying(WAIT, "pump1", 2, "status 503 is not one of [200]");
    l.waiting(WAIT, "pump1", "the next attempt in 2s (2 retries left)", 0);
    l.waiting(WAIT, "pump1", null, 0);
    l.hostResult(new HostResult(WAIT, "pump1", Status.OK, null, null, "localhost",
        Map.of("status", 200), List.of(), false));
    l.taskStarted(DEBUG);
    Map<String, Object> msg = new LinkedHashMap<>();
    msg.put("msg", "pump1 runs v3.0.1");
    msg.put("changed", false);
    l.hostResult(new HostResult(DEBUG, "pump1", Status.OK, null, null, null, msg, List.of(), false));
    l.batchStarted(2, 2, List.of("pump2"));
    l.taskStarted(STOP);
    Map<String, Object> failed = new LinkedHashMap<>();
    failed.put("changed", false);
    failed.put("failed", true);
    failed.put("msg", "non-zero return code: unit pump-8250.service not found");
    failed.put("rc", 5);
    l.hostResult(new HostResult(STOP, "pump2", Status.FAILED, failed.get("msg").toString(),
        null, null, failed, List.of(), false));
    l.hostResult(new HostResult(STOP, "pump2", Status.FAILED, "ignored one", "8250", null,
        new java.util.TreeMap<>(Map.of("failed", true, "msg", "ignored one")), List.of(), true));
    l.taskStarted(HANDLER);
    l.hostResult(new HostResult(HANDLER, "pump1", Status.SKIPPED, null, null, null, Map.of(), List.of(), false));
    l.hostResult(new HostResult(HANDLER, "pump1", Status.UNREACHABLE, "connection refused", null, null,
        Map.of(), List.of(), false));
    l.warning("no hosts matched 'drainer_servers'");
    l.aborted("every host of the batch failed (pump2)");
    l.playFinished("Rolling upgrade of Pump");
    Map<String, Recap.Counts> counts = new LinkedHashMap<>();
    counts.put("pump1", new Recap.Counts(3, 1, 0, 0, 0, 0, 0, 0));
    counts.put("pump2", new Recap.Counts(0, 0, 0, 1, 0, 0, 1, 0));
    Recap recap = new Recap(counts);
    l.runFinished(recap, 2);
  }

  @Test
  void humanOutputReadsLikeAnsible() {
    StringWriter out = new StringWriter();
    script(new ConsoleReporter(new PrintWriter(out), false, false, false));
    Golden.assertMatches(out.toString(), GOLDEN.resolve("human.txt"));
  }

  @Test
  void colourOnlyWhenAsked() {
    StringWriter plain = new StringWriter();
    script(new ConsoleReporter(new PrintWriter(plain), false, false, false));
    assertThat(plain.toString()).doesNotContain("\u001b[");
    StringWriter colour = new StringWriter();
    script(new ConsoleReporter(new PrintWriter(colour), true, false, false));
    assertThat(colour.toString()).contains("\u001b[0;33mchanged: [pump1]\u001b[0m");
  }

  @Test
  void jsonlIsOneParsableEventPerLine() throws Exception {
    StringWriter out = new StringWriter();
    script(new JsonlReporter(new PrintWriter(out)));
    ObjectMapper json = new ObjectMapper();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(22);
    for (String line : lines) {
      JsonNode node = json.readTree(line);
      assertThat(node.has("event")).isTrue();
      assertThat(node.has("ts")).isTrue();
    }
    JsonNode result = json.readTree(lines.get(4));
    assertThat(result.get("event").asText()).isEqualTo("host_result");
    assertThat(result.get("status").asText()).isEqualTo("changed");
    assertThat(result.get("at").asText()).isEqualTo("up.yml:9:7");
    JsonNode end = json.readTree(lines.get(lines.size() - 1));
    assertThat(end.get("exit_code").asInt()).isEqualTo(2);
    assertThat(end.at("/stats/pump2/failed").asInt()).isEqualTo(1);
  }

  @Test
  void onATerminalAWaitIsALiveLineThatClearsBeforeTheNextResult() {
    StringWriter out = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(out), false, true, false);
    console.taskStarted(WAIT);
    console.waiting(WAIT, "pump1", "port 8250 on 127.0.0.1 to close", 0);
    console.waiting(WAIT, "pump1", null, 0);
    console.hostResult(new HostResult(WAIT, "pump1", Status.OK, null, null, null, Map.of(), List.of(), false));
    String text = out.toString();
    assertThat(text).contains("\r\u001b[2K  [pump1] waiting for port 8250 on 127.0.0.1 to close (0s)");
    assertThat(text).endsWith("\r\u001b[2Kok: [pump1]\n");
  }

  @Test
  void diffsShowWhatAFileChangeWouldDo() {
    StringWriter out = new StringWriter();
    ConsoleReporter console = new ConsoleReporter(new PrintWriter(out), false, false, false);
    console.taskStarted(STOP);
    console.hostResult(new HostResult(STOP, "pump1", Status.CHANGED, null, null, null, Map.of(),
        List.of(new HostResult.Diff("conf/tidb.toml", "[binlog]\nenable = false\n", "[binlog]\nenable = true\n")), false));
    assertThat(out.toString()).contains("--- before: conf/tidb.toml\n+++ after: conf/tidb.toml\n-enable = false\n+enable = true\nchanged: [pump1]");
  }
}
