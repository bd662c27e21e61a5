package io.runbook.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.report.HostResult;
import io.runbook.report.JsonlReporter;
import io.runbook.report.Recap;
import io.runbook.report.RunListener;
import io.runbook.report.TaskEvent;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The durable record of a run: {@code <state-dir>/runs/<run-id>/journal.jsonl}, one JSON event
 * per line (the events of {@code --output jsonl}, after a first {@code run_start} line that
 * names the run and the hashes of what it was started with). Each host's result is forced to
 * disk before the run goes on, so a controller killed at any moment leaves a journal that
 * parses and tells what was done.
 */
public final class Journal implements RunListener, StepJournal, AutoCloseable {
  public static final int SCHEMA_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
      .withZone(ZoneOffset.UTC);

  private final String runId;
  private final Path file;
  private final FileOutputStream stream;
  private final JsonlReporter lines;
  /** What the step records are masked with: they come from the executor, not the masked listeners. */
  private final io.runbook.report.Secrets secrets;

  private Journal(String runId, Path file, FileOutputStream stream, io.runbook.report.Secrets secrets) {
    this.secrets = secrets;
    this.runId = runId;
    this.file = file;
    this.stream = stream;
    this.lines = new JsonlReporter(new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
  }

  /** A new run id: when it started and a random part, sortable by time. */
  public static String newRunId() {
    return ID_TIME.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /**
   * Opens the journal of a new run and writes its first line: what was run, against what, with
   * which inputs (the digests its plan was made of) and options.
   */
  public static Journal start(Path stateDir, String runId, Path playbook, Path inventory, RunInputs inputs,
      RecordedOptions options, String planHash, String resumedFrom, io.runbook.report.Secrets secrets) {
    Path dir = stateDir.resolve("runs").resolve(runId);
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("journal.jsonl");
      Journal j = new Journal(runId, file, new FileOutputStream(file.toFile(), true), secrets);
      Map<String, Object> start = new LinkedHashMap<>();
      start.put("event", "run_start");
      start.put("ts", Instant.now().toString());
      start.put("schema", SCHEMA_VERSION);
      start.put("run_id", runId);
      start.put("playbook", playbook.toString());
      start.put("inventory", inventory == null ? null : inventory.toString());
      start.put("check_mode", options.check());
      start.put("options", options.toJson());
      start.put("plan", planHash);
      start.put("hashes", inputs.files());
      start.put("inventory_hash", inputs.inventory());
      start.put("extra_vars_hash", inputs.extraVars());
      start.put("pid", ProcessHandle.current().pid());
      if (resumedFrom != null) {
        start.put("resumed_from", resumedFrom);
      }
      j.write(JSON.writeValueAsString(start));
      return j;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the journal in " + dir, e);
    }
  }

  /** The options the run of this journal was started with; null for a journal that never began. */
  public static RecordedOptions options(Path journal) throws IOException {
    if (!began(journal)) {
      return null;
    }
    com.fasterxml.jackson.databind.JsonNode start = JSON.readTree(Files.readAllLines(journal).get(0));
    return start.has("options") ? RecordedOptions.fromJson(start.get("options"))
        : new RecordedOptions(start.path("check_mode").asBoolean(), false, 5, null, List.of(), List.of(),
            List.of(), List.of());
  }

  /**
   * Carries over what the resumed run's journal holds of finished and failed steps (its own and
   * what it inherited, each with the run that did it), so that a chain of resumed runs keeps what
   * every run in it did, however early the latest stopped.
   */
  public void inherit(Path earlier, String earlierId) throws IOException {
    StringBuilder out = new StringBuilder();
    for (String line : Files.readAllLines(earlier)) {
      com.fasterxml.jackson.databind.node.ObjectNode e;
      try {
        e = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line);
      } catch (IOException | ClassCastException cut) {
        break; // a line cut off by a crash ends what was written
      }
      if (!e.path("event").asText().equals("step_end") || e.path("replayed").asBoolean()) {
        continue; // a replayed step is among what that run inherited, under the run that did it
      }
      if (!e.has("run_id")) {
        e.put("run_id", earlierId);
      }
      e.put("inherited", true);
      out.append(JSON.writeValueAsString(e)).append('\n');
    }
    if (out.length() > 0) {
      write(out.substring(0, out.length() - 1));
    }
  }

  /**
   * Whether the run of this journal began: its first line, {@code run_start}, was written whole.
   * A controller killed before that touched no host.
   */
  public static boolean began(Path journal) {
    try {
      List<String> lines = Files.exists(journal) ? Files.readAllLines(journal) : List.of();
      return !lines.isEmpty() && JSON.readTree(lines.get(0)).path("event").asText().equals("run_start")
          && lines.get(0).endsWith("}");
    } catch (IOException e) {
      return false;
    }
  }

  /** The inputs the run of this journal began with (its first line). */
  public static RunInputs inputs(Path journal) throws IOException {
    com.fasterxml.jackson.databind.JsonNode start = JSON.readTree(
        Files.readAllLines(journal).stream().findFirst().orElse("{}"));
    Map<String, String> files = new LinkedHashMap<>();
    start.path("hashes").properties().forEach(e -> files.put(e.getKey(), e.getValue().asText()));
    return new RunInputs(files, start.path("inventory_hash").asText(null), start.path("extra_vars_hash").asText(null));
  }

  public String runId() {
    return runId;
  }

  public Path file() {
    return file;
  }

  private synchronized void write(String line) throws IOException {
    stream.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stream.flush();
    stream.getFD().sync();
  }

  /** Makes what was written durable; called after each host's result and at the end. */
  private synchronized void sync() {
    try {
      stream.flush();
      stream.getFD().sync();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal " + file, e);
    }
  }

  @Override
  public synchronized void playStarted(String name, List<String> hosts) {
    lines.playStarted(name, hosts);
  }

  @Override
  public synchronized void batchStarted(int number, int of, List<String> hosts) {
    lines.batchStarted(number, of, hosts);
    sync();
  }

  @Override
  public synchronized void taskStarted(TaskEvent task) {
    lines.taskStarted(task);
  }

  /**
   * A step begins on a host. Written through to the kernel but not forced to disk: what makes a
   * step count as done is its forced {@code step_end}; this line tells which step was in flight
   * when a controller was killed.
   */
  @Override
  public synchronized void stepStarted(int batch, String host, String step) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event", "step_start");
    e.put("ts", Instant.now().toString());
    e.put("batch", batch);
    e.put("host", host);
    e.put("step", step);
    try {
      stream.write((JSON.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write the journal " + file, ex);
    }
  }

  @Override
  public synchronized void hostResult(HostResult result) {
    lines.hostResult(result);
    sync();
  }

  /** A finished step, forced to disk before the run goes on: what --resume replays. */
  @Override
  public synchronized void stepFinished(io.runbook.report.StepRecord step) {
    Object registered = secrets.mask(step.registered());
    Object facts = secrets.mask(step.facts());
    // A result that held a secret is journaled masked, so it must run again rather than replay.
    boolean clean = registered.equals(step.registered()) && facts.equals(step.facts());
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event", "step_end");
    e.put("ts", Instant.now().toString());
    e.put("key", step.key());
    e.put("host", step.host());
    e.put("task", secrets.mask(step.task()));
    e.put("status", step.status());
    e.put("changed", step.changed());
    e.put("ignored", step.ignored());
    e.put("replayable", step.replayable() && clean);
    e.put("replayed", step.replayed());
    e.put("registered", registered);
    e.put("facts", facts);
    try {
      write(JSON.writeValueAsString(e));
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write the journal " + file, ex);
    }
  }

  @Override
  public synchronized void retrying(TaskEvent task, String host, int retriesLeft, String reason) {
    lines.retrying(task, host, retriesLeft, reason);
  }

  @Override
  public synchronized void warning(String message) {
    lines.warning(message);
  }

  @Override
  public synchronized void aborted(String reason) {
    lines.aborted(reason);
    sync();
  }

  @Override
  public synchronized void playFinished(String name) {
    lines.playFinished(name);
  }

  @Override
  public synchronized void runFinished(Recap recap, int exitCode) {
    lines.runFinished(recap, exitCode);
    sync();
  }

  @Override
  public synchronized void close() {
    try {
      stream.close();
    } catch (IOException ignored) {
      // everything written was synced already
    }
  }
}
