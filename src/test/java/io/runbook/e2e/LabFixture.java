package io.runbook.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A lab for one end-to-end test: its own folder and ports (so tests never meet a lab someone
 * runs by hand), started through the real command, stopped after the test. Its processes stop
 * by themselves after 15 minutes whatever happens to the test.
 */
final class LabFixture implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofMillis(500)).build();

  /** What one command printed, and its exit code. */
  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }
  }

  final Path dir;
  final Path state;
  final int offset;

  /**
   * A lab whose ports are TiDB's defaults plus {@code offset}. Every test takes its own offset,
   * 100 apart from the others, and below 22688 so that no port (the highest is TiDB's status
   * port, 10080) falls in Linux's ephemeral range from 32768, where a client socket of another
   * test may hold it.
   */
  LabFixture(Path dir, int offset) {
    if (offset + 10080 >= 32768) {
      throw new IllegalArgumentException("offset " + offset + " puts the lab's ports in the ephemeral range");
    }
    this.dir = dir.resolve("lab");
    this.state = dir.resolve("state");
    this.offset = offset;
  }

  LabFixture up(String era, String... options) {
    List<String> args = new ArrayList<>(List.of("lab", "up", "--dir", dir.toString(), "--era", era,
        "--port-offset", String.valueOf(offset), "--lifetime", "15"));
    args.addAll(List.of(options));
    Result r = runbook(args.toArray(new String[0]));
    if (r.code() != 0) {
      throw new IllegalStateException("lab up failed: " + r.all());
    }
    return this;
  }

  private Path inventory;

  /** The inventory runs use: the lab's own inventory.yml, unless {@link #inventory(Path)} named another. */
  Path inventory() {
    return inventory != null ? inventory : dir.resolve("inventory.yml");
  }

  /** Runs from now on read {@code source} as their inventory (a TiUP meta.yaml, say). */
  LabFixture inventory(Path source) {
    this.inventory = source;
    return this;
  }

  /**
   * Runs a bundled playbook against this lab, in this process; a run that is not a resume is
   * held to its plan: the steps its journal says it started are the ones the plan foresaw.
   */
  Result play(String playbook, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "playbooks/" + playbook, "-i",
        inventory().toString(), "--state-dir", state.toString(), "--lock-dir",
        state.resolveSibling("locks").toString(), "--no-color"));
    args.addAll(List.of(more));
    io.runbook.plan.PlanView plan = List.of(more).contains("--resume") ? null : plan(playbook, more);
    Result r = runbook(args.toArray(new String[0]));
    Matcher journal = Pattern.compile("journal (\\S+journal\\.jsonl)").matcher(r.err());
    if (plan != null && journal.find()) {
      try {
        io.runbook.plan.PlanTrace.assertJournalFollows(plan, Path.of(journal.group(1)));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return r;
  }

  /** A run, and how many Pumps were online every 100 ms during it (a {@link Prober}'s samples). */
  record Watched(Result run, List<Integer> online) {}

  /** {@link #play} while a Prober samples the three Pumps. */
  Watched playWatched(String playbook, String... more) throws InterruptedException {
    Prober prober = new Prober(port(8250), port(8251), port(8252));
    Result r = play(playbook, more);
    prober.close();
    return new Watched(r, List.copyOf(prober.samples));
  }

  /** The plan of a run of a bundled playbook with these options, as {@code runbook plan} makes it. */
  private io.runbook.plan.PlanView plan(String playbook, String... more) {
    List<String> args = new ArrayList<>(List.of("plan", "playbooks/" + playbook, "-i", inventory().toString(),
        "--format", "json"));
    args.addAll(List.of(more));
    Result r = runbook(args.toArray(new String[0]));
    if (r.code() != 0) {
      throw new IllegalStateException("runbook plan failed: " + r.all());
    }
    try {
      return JSON.readValue(r.out(), io.runbook.plan.PlanView.class);
    } catch (IOException e) {
      throw new IllegalStateException("the plan does not read back: " + e.getMessage(), e);
    }
  }

  static Result runbook(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  int port(int base) {
    return base + offset;
  }

  JsonNode get(String url) throws IOException {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException(url + ": " + r.statusCode());
      }
      return JSON.readTree(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** The release a deploy folder's binary was stamped with. */
  String release(String host, String binary) throws IOException {
    Matcher m = Pattern.compile("--release=(\\S+)").matcher(
        Files.readString(dir.resolve(host).resolve("bin").resolve(binary)));
    return m.find() ? m.group(1) : "?";
  }

  /** State of the pump listening on {@code port}, as PD lists it (through any reachable pump). */
  String pumpState(int port) throws IOException {
    JsonNode n = pumpInPd(port);
    return n == null ? "absent" : n.path("state").asText();
  }

  /** The node id PD knows the pump listening on {@code port} by. */
  String pumpNodeId(int port) throws IOException {
    JsonNode n = pumpInPd(port);
    if (n == null) {
      throw new IOException("PD lists no pump at 127.0.0.1:" + port);
    }
    return n.path("nodeId").asText();
  }

  /** The pump's entry in PD, as the first of the lab's pumps that answers lists it; null when absent. */
  private JsonNode pumpInPd(int port) throws IOException {
    for (int p = 8250; p <= 8252; p++) {
      try {
        for (JsonNode n : get("http://127.0.0.1:" + port(p) + "/status").path("status")) {
          if (n.path("host").asText().equals("127.0.0.1:" + port)) {
            return n;
          }
        }
        return null;
      } catch (IOException e) {
        // try the next pump
      }
    }
    throw new IOException("no pump answers");
  }

  /** Runs one of the lab's scripts (a start or stop script) to its end, which must be a success. */
  static void sh(Path script) throws Exception {
    Process p = new ProcessBuilder("/bin/sh", script.toString()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(script + " did not succeed within 90 s");
    }
  }

  /** Every binlog downstream exactly once, in order, and no Pump restart stalled replication past a minute. */
  Result verify() {
    return runbook("lab", "verify", "--dir", dir.toString(), "--wait", "60", "--max-stall", "60");
  }

  @Override
  public void close() {
    runbook("lab", "down", "--dir", dir.toString());
  }

  /**
   * Samples every Pump's {@code /status} every 100 ms: each sample is how many Pumps are online
   * as the first Pump that answers sees them (0 when none answers).
   */
  final class Prober implements AutoCloseable {
    final List<Integer> samples = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;

    Prober(int... pumpPorts) {
      thread = new Thread(() -> {
        while (running) {
          samples.add(onlineNow(pumpPorts));
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "prober");
      thread.setDaemon(true);
      thread.start();
    }

    private int onlineNow(int[] pumpPorts) {
      for (int p : pumpPorts) {
        try {
          int online = 0;
          for (JsonNode n : get("http://127.0.0.1:" + p + "/status").path("status")) {
            if (n.path("state").asText().equals("online")) {
              online++;
            }
          }
          return online;
        } catch (IOException e) {
          // the next pump may answer
        }
      }
      return 0;
    }

    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join(2000);
    }
  }
}
