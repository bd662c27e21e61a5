package io.runbook.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resumed run continues exactly where its run stopped: in the same mode, with the same
 * options, keeping what every run of a chain finished.
 */
class ResumeExactTests {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final Cli cli = new Cli();

  private int run(String... args) {
    return cli.run(TestLocks.withLockDir(args, dir.resolve("locks")));
  }

  private String inventory() throws IOException {
    Path inv = dir.resolve("hosts.yml");
    Files.writeString(inv, "all: {vars: {ansible_connection: local}, hosts: {h1: , h2: }}\n");
    return inv.toString();
  }

  private String state() {
    return dir.resolve("state").toString();
  }

  @Test
  void aCheckRunResumedStaysACheckRunWithItsLimit() throws Exception {
    String inv = inventory();
    Path play = dir.resolve("p.yml");
    Files.writeString(play, """
        - hosts: all
          tasks:
            - {name: write, copy: {content: "x", dest: "%1$s/{{ inventory_hostname }}.out"}}
            - {name: stop, fail: {msg: stop}, when: "'stop' is not defined or stop"}
        """.formatted(dir));
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--check", "--limit", "h1",
        "-e", "stop=true")).isEqualTo(2);
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last")).isEqualTo(2);
    assertThat(cli.out()).as("still a check run, on h1 only").contains("h1").doesNotContain("h2");
    assertThat(dir.resolve("h1.out")).as("a check run writes nothing").doesNotExist();
    JsonNode start = lastRunStart();
    assertThat(start.path("check_mode").asBoolean()).as("the resumed run's journal keeps its options").isTrue();
    assertThat(start.at("/options/limit").asText()).isEqualTo("h1");
    assertThat(start.at("/options/extra_vars").toString()).isEqualTo("[\"stop=true\"]");
  }

  @Test
  void aResumeRefusesToChangeTheRunsModeAndNamesOtherChangesUnlessForced() throws Exception {
    String inv = inventory();
    Path play = dir.resolve("p.yml");
    Files.writeString(play, """
        - hosts: all
          tasks:
            - {name: stop, fail: {msg: stop}, when: inventory_hostname == 'h2'}
        """);
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--limit", "h2")).isEqualTo(2);
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last", "--check"))
        .isEqualTo(4);
    assertThat(cli.err()).contains("made real changes: resume it without --check");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last", "--limit", "h1"))
        .isEqualTo(4);
    assertThat(cli.err()).contains("would change its options: --limit h1 (was h2)").contains("--force");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last", "--limit", "h1",
        "--force")).isZero();
  }

  @Test
  void aRealRunIsNotMadeOutOfACheckRun() throws Exception {
    String inv = inventory();
    Path play = dir.resolve("p.yml");
    Files.writeString(play, "- hosts: all\n  tasks:\n    - {name: stop, fail: {msg: stop}}\n");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--check")).isEqualTo(2);
    // --check is the only way to name the mode, so a real resume of a check run cannot be asked
    // for; a resume of it is a check run again
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last")).isEqualTo(2);
    assertThat(lastRunStart().path("check_mode").asBoolean()).isTrue();
  }

  @Test
  void aSecretExtraVarIsNotKeptAndAResumeMustBeGivenItAgain() throws Exception {
    String inv = inventory();
    Path play = dir.resolve("p.yml");
    Files.writeString(play, "- hosts: all\n  tasks:\n    - {name: stop, fail: {msg: stop}, when: db_password == 's3cret'}\n");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "-e", "db_password=s3cret"))
        .isEqualTo(2);
    assertThat(Files.readString(journals().get(0))).doesNotContain("s3cret");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last")).isEqualTo(4);
    assertThat(cli.err()).contains("was started with -e db_password, which its journal does not keep");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last",
        "-e", "db_password=s3cret")).as(cli.err()).isEqualTo(2);
  }

  /**
   * Four runs: the first fails on h1, the second is stopped by its invariant before its first
   * real step, the third fails on h1 one step further, the fourth ends it. Every host-step is
   * done once across them: what the first did on h2 is not done again by the fourth, although the
   * second and third never reached it.
   */
  @Test
  void aChainOfResumedRunsThatEachStopEarlyKeepsWhatEveryRunFinished() throws Exception {
    String inv = inventory();
    Path play = dir.resolve("p.yml");
    Files.writeString(dir.resolve("health"), "ok");
    Files.writeString(dir.resolve("broken-t2"), "");
    Files.writeString(dir.resolve("broken-t3"), "");
    Files.writeString(play, """
        - hosts: all
          invariants:
            - name: healthy
              probe: {command: "cat %1$s/health"}
              that: probe.stdout == 'ok'
              interval: 60
          tasks:
            - {name: t1, shell: "echo {{ inventory_hostname }}-t1 >> %1$s/log"}
            - {name: t2, shell: "test ! -e %1$s/broken-t2 -o {{ inventory_hostname }} != h1 && echo {{ inventory_hostname }}-t2 >> %1$s/log"}
            - {name: t3, shell: "test ! -e %1$s/broken-t3 -o {{ inventory_hostname }} != h1 && echo {{ inventory_hostname }}-t3 >> %1$s/log"}
            - {name: t4, shell: "echo {{ inventory_hostname }}-t4 >> %1$s/log"}
        """.formatted(dir));
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--forks", "1")).isEqualTo(2);
    Files.writeString(dir.resolve("health"), "down");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last")).isEqualTo(2);
    assertThat(cli.out()).contains("invariant 'healthy' does not hold");
    Files.writeString(dir.resolve("health"), "ok");
    Files.delete(dir.resolve("broken-t2"));
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last")).isEqualTo(2);
    Files.delete(dir.resolve("broken-t3"));
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last"))
        .as(cli.out()).isZero();
    assertThat(Files.readAllLines(dir.resolve("log"))).containsExactlyInAnyOrder(
        "h1-t1", "h2-t1", "h2-t2", "h2-t3", "h2-t4", "h1-t2", "h1-t3", "h1-t4");
    assertThat(cli.out()).contains("done in run " + journals().get(0).getParent().getFileName());
  }

  @Test
  void aBatchThatIsOnlyReplayedIsNotAdmittedByTheInvariantsAgain() throws Exception {
    String inv = inventory();
    Path play = dir.resolve("p.yml");
    Files.writeString(dir.resolve("ok-h1"), "ok");
    Files.writeString(dir.resolve("ok-h2"), "ok");
    Files.writeString(dir.resolve("broken-h2"), "");
    Files.writeString(play, """
        - hosts: all
          serial: 1
          invariants:
            - name: the batch may go down
              probe: {command: "cat %1$s/ok-{{ ansible_play_batch | first }}"}
              that: probe.stdout == 'ok'
              interval: 60
          tasks:
            - {name: work, shell: "test ! -e %1$s/broken-{{ inventory_hostname }}"}
        """.formatted(dir));
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state())).isEqualTo(2);
    // h1's batch is done: what it would say now does not matter to a resume that only replays it
    Files.delete(dir.resolve("ok-h1"));
    Files.delete(dir.resolve("broken-h2"));
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last"))
        .as(cli.out()).isZero();
    assertThat(cli.out()).contains("done in run");
  }

  @Test
  void aResumeIsRefusedWhenTheInventoryResolvesDifferentlyThroughItsGroupVars() throws Exception {
    String inv = inventory();
    Files.createDirectories(dir.resolve("group_vars"));
    Files.writeString(dir.resolve("group_vars/all.yml"), "port: 8250\n");
    Path play = dir.resolve("p.yml");
    Files.writeString(play, "- hosts: all\n  tasks:\n    - {name: stop, fail: {msg: stop}}\n");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state())).isEqualTo(2);
    Files.writeString(dir.resolve("group_vars/all.yml"), "port: 8251\n");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state(), "--resume", "last")).isEqualTo(4);
    assertThat(cli.err()).contains("the inventory changed (its hosts, groups or variables)").contains("--force");
  }

  /** The run_start line of the newest journal. */
  private JsonNode lastRunStart() throws IOException {
    List<Path> all = journals();
    return JSON.readTree(Files.readAllLines(all.get(all.size() - 1)).get(0));
  }

  /** The journals in the order their runs started (run ids sort by the second only). */
  private List<Path> journals() throws IOException {
    try (Stream<Path> runs = Files.list(dir.resolve("state/runs"))) {
      return runs.map(r -> r.resolve("journal.jsonl")).sorted(java.util.Comparator.comparing(j -> {
        try {
          return JSON.readTree(Files.readAllLines(j).get(0)).path("ts").asText();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      })).toList();
    }
  }
}
