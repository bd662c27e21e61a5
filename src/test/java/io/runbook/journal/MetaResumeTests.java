package io.runbook.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --resume keeps what a finished meta step decided, and what a flush it triggered did. */
class MetaResumeTests {
  @TempDir Path dir;
  private final io.runbook.cli.Cli cli = new io.runbook.cli.Cli();

  private int run(String... args) {
    return cli.run(io.runbook.journal.TestLocks.withLockDir(args, dir.resolve("locks")));
  }

  private String inventory() throws Exception {
    Path inv = dir.resolve("hosts.yml");
    Files.writeString(inv, "all: {vars: {ansible_connection: local}, hosts: {h1: }}\n");
    return inv.toString();
  }

  @Test
  void aFinishedEndPlayEndsThePlayAgainOnResumeEvenWhenItsGuardWouldNowDecideOtherwise() throws Exception {
    Path play = dir.resolve("p.yml");
    // The probe runs under no_log: its result is journaled masked, so it runs again on resume,
    // and answers otherwise the second time.
    Files.writeString(play, """
        - hosts: all
          tasks:
            - name: probe
              shell: test -f %1$s/seen && echo repeat || { touch %1$s/seen; echo fresh; }
              register: probe
              no_log: true
            - name: stop when fresh
              meta: end_play
              when: probe.stdout == 'fresh'
            - name: after the end
              shell: echo after >> %1$s/log
        - hosts: all
          tasks:
            - name: breaks the first time
              command: test -e %1$s/fixed
        """.formatted(dir));
    String inv = inventory();
    String state = dir.resolve("state").toString();
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state)).isEqualTo(2);
    assertThat(cli.out()).contains("META: ending play");
    Files.writeString(dir.resolve("fixed"), "");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state, "--resume", "last"))
        .as(cli.err()).isZero();
    assertThat(cli.out()).contains("META: ending play (done in run");
    assertThat(dir.resolve("log")).as("the play ended where it ended the first time").doesNotExist();
  }

  @Test
  void aHandlerThatAFlushRanIsReplayedAndDoesNotRunAgainAtTheEnd() throws Exception {
    Path play = dir.resolve("h.yml");
    Files.writeString(play, """
        - hosts: all
          tasks:
            - name: change config
              command: "true"
              notify: restart
            - meta: flush_handlers
            - name: breaks the first time
              command: test -e %1$s/fixed
          handlers:
            - name: restart
              shell: echo restarted >> %1$s/handler.log
        """.formatted(dir));
    String inv = inventory();
    String state = dir.resolve("state").toString();
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state)).isEqualTo(2);
    assertThat(Files.readAllLines(dir.resolve("handler.log"))).containsExactly("restarted");
    Files.writeString(dir.resolve("fixed"), "");
    assertThat(run("run", play.toString(), "-i", inv, "--state-dir", state, "--resume", "last"))
        .as(cli.err()).isZero();
    assertThat(cli.out()).containsPattern("RUNNING HANDLER \\[restart\\] \\*+\\R"
        + "changed: \\[h1\\] \\(done in run");
    assertThat(Files.readAllLines(dir.resolve("handler.log"))).containsExactly("restarted");
  }
}
