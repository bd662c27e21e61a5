package io.runbook.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The run journal and the run lock, through the command line, with real processes. */
class JournalAndLockTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return cmd.execute(TestLocks.withLockDir(args, dir.resolve("locks")));
  }

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void everyRunLeavesAJournalThatParsesWithHashesResultsAndItsEnd() throws Exception {
    Path inv = write("hosts.yml", "all: {vars: {ansible_connection: local}, hosts: {h1: , h2: }}\n");
    write("vars.yml", "port: 8250\n");
    Path play = write("p.yml", """
        - hosts: all
          vars_files: [vars.yml]
          tasks:
            - name: echo
              command: echo {{ port }}
              register: r
        """);
    Path state = dir.resolve("state");
    assertThat(run("run", play.toString(), "-i", inv.toString(), "--state-dir", state.toString(), "-e", "x=1")).isZero();
    Path journal;
    try (Stream<Path> runs = Files.list(state.resolve("runs"))) {
      journal = runs.findFirst().orElseThrow().resolve("journal.jsonl");
    }
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(journal)) {
      events.add(JSON.readTree(line));
    }
    JsonNode start = events.get(0);
    assertThat(start.get("event").asText()).isEqualTo("run_start");
    assertThat(start.get("schema").asInt()).isEqualTo(Journal.SCHEMA_VERSION);
    // the plan's inputs: files by their path from the playbook's folder, the inventory as it resolved
    assertThat(start.get("hashes").has(play.getFileName().toString())).isTrue();
    assertThat(start.get("hashes").has("vars.yml")).isTrue();
    assertThat(start.get("inventory_hash").asText()).hasSize(64);
    assertThat(start.get("extra_vars_hash").asText()).hasSize(64);
    assertThat(events.stream().filter(e -> e.get("event").asText().equals("host_result"))
        .map(e -> e.get("host").asText() + "=" + e.at("/result/stdout").asText())).containsExactlyInAnyOrder("h1=8250", "h2=8250");
    assertThat(events.get(events.size() - 1).get("event").asText()).isEqualTo("run_end");
    assertThat(err.toString()).contains("journal " + journal);
    out.getBuffer().setLength(0);
    assertThat(run("runs", "--state-dir", state.toString())).isZero();
    assertThat(out.toString()).contains(journal.getParent().getFileName().toString()).contains(" ok");
    out.getBuffer().setLength(0);
    assertThat(run("runs", "show", "last", "--state-dir", state.toString())).isZero();
    assertThat(out.toString()).contains("status    ok").contains("h1  changed: echo");
    Path html = dir.resolve("report.html");
    assertThat(run("report", "last", "--html", html.toString(), "--state-dir", state.toString())).isZero();
    String page = Files.readString(html);
    assertThat(page).contains("<h3>h1</h3>").contains("<h3>h2</h3>").contains(">echo<").contains("exit code 0")
        .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
  }

  @Test
  void theHtmlRecapShowsTheUnknownColumnOnlyWhenAHostHasOne() throws Exception {
    for (int unknown : new int[] {2, 0}) {
      Path runDir = Files.createDirectories(dir.resolve("state/runs/20261124-00000" + unknown + "-abcdef"));
      Files.writeString(runDir.resolve("journal.jsonl"), """
          {"event":"run_start","ts":"2026-11-24T00:00:00Z","playbook":"up.yml"}
          {"event":"run_end","ts":"2026-11-24T00:00:01Z","exit_code":0,"stats":{"pump1":{"ok":1,"changed":0,          "unreachable":0,"failed":0,"skipped":0,"rescued":0,"ignored":0,"unknown":%d}}}
          """.formatted(unknown));
      Path html = dir.resolve("report" + unknown + ".html");
      assertThat(run("report", runDir.getFileName().toString(), "--html", html.toString(), "--state-dir",
          dir.resolve("state").toString())).isZero();
      String page = Files.readString(html);
      if (unknown > 0) {
        assertThat(page).contains("<th>ignored</th><th>unknown</th>").contains("<td>0</td><td>2</td></tr>");
      } else {
        assertThat(page).contains("<th>ignored</th></tr>").doesNotContain("<th>unknown</th>");
      }
    }
  }

  @Test
  void aJournalCutOffMidLineStillReadsUpToItsLastWholeEvent() throws Exception {
    Path runDir = Files.createDirectories(dir.resolve("state/runs/20261124-000000-abcdef"));
    Files.writeString(runDir.resolve("journal.jsonl"), """
        {"event":"run_start","ts":"2026-11-24T00:00:00Z","playbook":"up.yml"}
        {"event":"host_result","task":"stop pump","at":"up.yml:9:7","host":"pump1","status":"changed","result":{}}
        {"event":"host_res""");
    assertThat(run("runs", "show", "20261124-000000-abcdef", "--state-dir", dir.resolve("state").toString())).isZero();
    assertThat(out.toString()).contains("unfinished").contains("pump1  changed: stop pump (up.yml:9:7)");
  }

  @Test
  void aSecondRunOnTheSameHostsIsRefusedNamingTheHolderAndADeadOneIsStale() throws Exception {
    Path inv = write("hosts.yml", "all: {vars: {ansible_connection: local}, hosts: {h1: }}\n");
    Path slow = write("slow.yml", "- hosts: all\n  tasks:\n    - pause: {seconds: 30}\n");
    Path quick = write("quick.yml", "- hosts: all\n  tasks:\n    - command: \"true\"\n");
    Path state = dir.resolve("state");
    Path locks = dir.resolve("locks");
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.runbook.cli.Main", "run", slow.toString(),
        "-i", inv.toString(), "--state-dir", state.toString(), "--lock-dir", locks.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("holder.log").toFile()).start();
    try {
      // wait until it began (its journal's first line): a run killed before that touched no
      // host, and its lock is taken over without asking
      for (int i = 0; i < 400 && !(lockHasOwner(locks) && began(state)); i++) {
        Thread.sleep(50);
      }
      assertThat(lockHasOwner(locks)).as("the first run holds the lock").isTrue();
      assertThat(run("run", quick.toString(), "-i", inv.toString(), "--state-dir", state.toString())).isEqualTo(4);
      assertThat(err.toString()).contains("h1 (local://h1): in use by run").contains("pid " + holder.pid());
    } finally {
      holder.destroyForcibly(); // kill -9: the kernel drops the lock, the owner record stays
      holder.waitFor(10, TimeUnit.SECONDS);
    }
    err.getBuffer().setLength(0);
    assertThat(run("run", quick.toString(), "-i", inv.toString(), "--state-dir", state.toString())).isEqualTo(4);
    assertThat(err.toString()).contains("ended without releasing the lock").contains("--break-lock");
    assertThat(run("run", quick.toString(), "-i", inv.toString(), "--state-dir", state.toString(), "--break-lock")).isZero();
    assertThat(run("run", quick.toString(), "-i", inv.toString(), "--state-dir", state.toString()))
        .as("a clean end leaves no lock behind").isZero();
  }

  /** Whether a run under {@code state} has begun: its journal's first line is written. */
  private static boolean began(Path state) throws Exception {
    if (!Files.isDirectory(state.resolve("runs"))) {
      return false;
    }
    try (Stream<Path> runs = Files.list(state.resolve("runs"))) {
      return runs.anyMatch(r -> Journal.began(r.resolve("journal.jsonl")));
    }
  }

  /** Whether a controller lock file in {@code locks} has an owner record. */
  private static boolean lockHasOwner(Path locks) throws Exception {
    if (!Files.isDirectory(locks)) {
      return false;
    }
    try (Stream<Path> files = Files.list(locks)) {
      return files.filter(f -> f.toString().endsWith(".lock")).anyMatch(f -> {
        try {
          return Files.size(f) > 0;
        } catch (Exception e) {
          return false;
        }
      });
    }
  }
}
