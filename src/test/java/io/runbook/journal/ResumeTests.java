package io.runbook.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --resume: finished steps are not run again, their results come back, the rest runs. */
class ResumeTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final io.runbook.cli.Cli cli = new io.runbook.cli.Cli();

  private int run(String... args) {
    return cli.run(io.runbook.journal.TestLocks.withLockDir(args, dir.resolve("locks")));
  }

  private Path setUp() throws IOException {
    Files.writeString(dir.resolve("hosts.yml"),
        "all: {vars: {ansible_connection: local}, hosts: {h1: , h2: , h3: }}\n");
    Path play = dir.resolve("rolling.yml");
    Files.writeString(play, """
        - hosts: all
          serial: 1
          tasks:
            - name: first
              shell: echo {{ inventory_hostname }}-first >> %1$s/log; echo ran-{{ inventory_hostname }}
              register: r1
            - name: break here
              fail: {msg: "broken"}
              when: inventory_hostname == 'h2' and %2$s
            - name: second
              shell: echo {{ inventory_hostname }}-second-{{ r1.stdout }} >> %1$s/log
            - name: slow
              shell: sleep 0.1; echo {{ inventory_hostname }}-slow >> %1$s/log
        """.formatted(dir, "lookupBroken"));
    return play;
  }

  @Test
  void aFailedRunResumesWhereItStoppedWithoutRunningFinishedStepsAgain() throws Exception {
    Path play = setUp();
    Files.writeString(play, Files.readString(play).replace("lookupBroken", "true"));
    String inv = dir.resolve("hosts.yml").toString();
    String state = dir.resolve("state").toString();
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state)).isEqualTo(2);
    assertThat(cli.err()).contains("to continue where it stopped: runbook run " + play).contains("--resume ");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state, "--resume", "last")).as("unchanged input")
        .isEqualTo(2);
    Files.writeString(play, Files.readString(play).replace("inventory_hostname == 'h2' and true", "false"));
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state, "--resume", "last")).isEqualTo(4);
    assertThat(cli.err()).contains("cannot be resumed as it was begun").contains("rolling.yml changed");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state, "--resume", "last", "--force")).isZero();
    assertThat(cli.out()).contains("done in run");
    List<String> log = Files.readAllLines(dir.resolve("log"));
    assertThat(log).containsExactlyInAnyOrder("h1-first", "h1-second-ran-h1", "h1-slow", "h2-first",
        "h2-second-ran-h2", "h2-slow", "h3-first", "h3-second-ran-h3", "h3-slow");
  }

  @Test
  void aControllerKilledAtAnyPointResumesToTheSameEndWithEveryStepDoneOnce() throws Exception {
    Path play = setUp();
    Files.writeString(play, Files.readString(play).replace("lookupBroken", "false"));
    String inv = dir.resolve("hosts.yml").toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int point = 0; point < 20; point++) {
      Path state = dir.resolve("state-" + point);
      Files.deleteIfExists(dir.resolve("log"));
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.runbook.cli.Main",
          "run", play.toString(), "-i", inv, "--state-dir", state.toString(), "--lock-dir", dir.resolve("locks").toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
      Thread.sleep(350 + 60L * point);
      p.destroyForcibly(); // kill -9
      p.waitFor(10, TimeUnit.SECONDS);
      int code = run("run", play.toString(), "-i", inv, "--state-dir", state.toString(), "--resume", "last");
      if (code == 4 && cli.err().contains("no run")) {
        code = run("run", play.toString(), "-i", inv, "--state-dir", state.toString()); // killed before it began
      }
      assertThat(code).as("point %d: %s", point, cli.err()).isZero();
      List<String> log = Files.readAllLines(dir.resolve("log"));
      Map<String, Long> times = log.stream().collect(Collectors.groupingBy(l -> l,
          Collectors.counting()));
      assertThat(times.values()).as("point %d: a step's effect happens twice at most %s", point, times)
          .allMatch(n -> n <= 2);
      assertThat(times.entrySet().stream().filter(e -> e.getValue() == 2)
          .map(e -> e.getKey().substring(e.getKey().indexOf('-') + 1)).distinct().count())
          .as("point %d: only the step in flight when it was killed happens again %s", point, times).isLessThanOrEqualTo(1);
      assertThat(log.stream().distinct().sorted().toList())
          .as("point %d: the same end as an uninterrupted run", point).containsExactly(
              "h1-first", "h1-second-ran-h1", "h1-slow", "h2-first", "h2-second-ran-h2", "h2-slow",
              "h3-first", "h3-second-ran-h3", "h3-slow");
      Map<String, Integer> completions = completions(state);
      assertThat(completions).as("point %d: 12 host-steps", point).hasSize(12);
      assertThat(completions.values()).as("point %d: each completed once across the journals %s", point,
          completions).containsOnly(1);
    }
  }

  /**
   * kill -9 as each step of the rolling playbook begins (the k-th step_start line of its journal),
   * then --resume: the same end, every host-step completed once across the journals, and only
   * the step in flight done twice.
   */
  @Test
  void aControllerKilledAsEachStepBeginsResumesWithEveryHostStepDoneOnce() throws Exception {
    Path play = setUp();
    Files.writeString(play, Files.readString(play).replace("lookupBroken", "false"));
    String inv = dir.resolve("hosts.yml").toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int step = 1; step <= 12; step++) {
      Path state = dir.resolve("at-step-" + step);
      Files.deleteIfExists(dir.resolve("log"));
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.runbook.cli.Main",
          "run", play.toString(), "-i", inv, "--state-dir", state.toString(), "--lock-dir", dir.resolve("locks").toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
      for (int i = 0; i < 600 && p.isAlive() && stepsStarted(state) < step; i++) {
        Thread.sleep(10);
      }
      p.destroyForcibly(); // kill -9 as step `step` begins
      p.waitFor(10, TimeUnit.SECONDS);
      assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state.toString(), "--resume", "last"))
          .as("step %d: %s", step, cli.err()).isZero();
      List<String> log = Files.readAllLines(dir.resolve("log"));
      assertThat(log.stream().distinct().sorted().toList()).as("step %d: the same end", step).containsExactly(
          "h1-first", "h1-second-ran-h1", "h1-slow", "h2-first", "h2-second-ran-h2", "h2-slow",
          "h3-first", "h3-second-ran-h3", "h3-slow");
      assertThat(log.size() - log.stream().distinct().count()).as("step %d: one repeat at most %s", step, log)
          .isLessThanOrEqualTo(1);
      assertThat(completions(state).values()).as("step %d: each host-step completed once", step).containsOnly(1);
    }
  }

  /** How many step_start lines the journal of the one run under {@code state} has. */
  private static long stepsStarted(Path state) throws IOException {
    if (!Files.isDirectory(state.resolve("runs"))) {
      return 0;
    }
    try (Stream<Path> runs = Files.list(state.resolve("runs"))) {
      for (Path run : runs.toList()) {
        Path journal = run.resolve("journal.jsonl");
        if (Files.exists(journal)) {
          return Files.readAllLines(journal).stream().filter(l -> l.contains("\"step_start\"")).count();
        }
      }
    }
    return 0;
  }

  @Test
  void aBlockMarkedRerunOnResumeRunsWholeAgainOnTheHostThatFailedInIt() throws Exception {
    assertThat(resumeAfterFixing(true)).containsExactly("h1-install-v1", "h1-start-v1", "h2-install-v1",
        "h2-install-v2", "h2-start-v2", "h3-install-v2", "h3-start-v2");
  }

  @Test
  void withoutRerunOnResumeTheFinishedStepsOfTheBlockAreReplayed() throws Exception {
    // h2's install of v1 is replayed, not redone: it "starts" a release it never installed.
    assertThat(resumeAfterFixing(false)).containsExactly("h1-install-v1", "h1-start-v1", "h2-install-v1",
        "h2-start-v2", "h3-install-v2", "h3-start-v2");
  }

  /** h2 fails to start what it installed; the release is fixed; the run is resumed. */
  private List<String> resumeAfterFixing(boolean rerun) throws IOException {
    Files.writeString(dir.resolve("hosts.yml"),
        "all: {vars: {ansible_connection: local}, hosts: {h1: , h2: , h3: }}\n");
    Files.writeString(dir.resolve("release"), "v1");
    Path play = dir.resolve("upgrade.yml");
    Files.writeString(play, """
        - hosts: all
          serial: 1
          tasks:
            - name: replace and start
              rerun_on_resume: %2$s
              block:
                - name: install
                  shell: echo {{ inventory_hostname }}-install-$(cat %1$s/release) >> %1$s/log
                - name: start
                  shell: test "$(cat %1$s/release)" = v2 || test {{ inventory_hostname }} != h2
                - name: started
                  shell: echo {{ inventory_hostname }}-start-$(cat %1$s/release) >> %1$s/log
        """.formatted(dir, rerun));
    String inv = dir.resolve("hosts.yml").toString();
    String state = dir.resolve("state").toString();
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state)).isEqualTo(2);
    Files.writeString(dir.resolve("release"), "v2");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state, "--resume", "last"))
        .as(cli.err()).isZero();
    return Files.readAllLines(dir.resolve("log"));
  }

  /**
   * Step → how many times it finished for real across all journals: a durable step_end that is
   * not a replay. (A step killed after running but before its step_end did not finish: it runs
   * again on resume, as the step that was cut off.)
   */
  private static Map<String, Integer> completions(Path state) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    try (Stream<Path> runs = Files.list(state.resolve("runs"))) {
      for (Path run : runs.toList()) {
        for (String line : Files.readAllLines(run.resolve("journal.jsonl"))) {
          JsonNode e;
          try {
            e = JSON.readTree(line);
          } catch (IOException cut) {
            break;
          }
          if (e.path("event").asText().equals("step_end") && !e.path("replayed").asBoolean()
              && !e.path("inherited").asBoolean()) {
            out.merge(e.path("key").asText() + " " + e.path("host").asText(), 1, Integer::sum);
          }
        }
      }
    }
    return out;
  }

  @Test
  void aHandlerNotifiedBeforeTheStopStillRunsAfterTheResume() throws Exception {
    Files.writeString(dir.resolve("hosts.yml"), "all: {vars: {ansible_connection: local}, hosts: {h1: }}\n");
    Path play = dir.resolve("h.yml");
    Files.writeString(play, """
        - hosts: all
          tasks:
            - name: change config
              command: "true"
              notify: restart
            - name: breaks the first time
              command: test -e %1$s/fixed
          handlers:
            - name: restart
              shell: echo restarted >> %1$s/handler.log
        """.formatted(dir));
    String inv = dir.resolve("hosts.yml").toString();
    String state = dir.resolve("state").toString();
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state)).isEqualTo(2);
    assertThat(dir.resolve("handler.log")).doesNotExist();
    Files.writeString(dir.resolve("fixed"), "");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state, "--resume", "last")).isZero();
    assertThat(cli.out()).contains("changed: [h1] (done in run");
    assertThat(Files.readAllLines(dir.resolve("handler.log"))).containsExactly("restarted");
  }
}
