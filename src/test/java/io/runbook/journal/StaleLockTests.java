package io.runbook.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.journal.LockFixture.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks whose owner is gone: reported, never silently taken; taken over with --break-lock, or
 * by the run that resumes the dead one. (A dead controller's own lock file: JournalAndLockTests.)
 */
class StaleLockTests {
  private static final String TWO_HOSTS = "all: {vars: {ansible_connection: local}, hosts: {h1: , h2: }}\n";
  @TempDir Path dir;
  private LockFixture f;

  @BeforeEach
  void fixture() {
    f = new LockFixture(dir);
  }

  @Test
  void aLockOnTheHostLeftByADeadRunOfThisControllerIsStaleAndTakenOverWithBreakLock() throws Exception {
    Path inv = f.write("hosts.yml", TWO_HOSTS);
    Path quick = f.write("quick.yml", "- hosts: all\n  tasks:\n    - command: \"true\"\n");
    LockFixture.leave(f.locks, "h2", LockFixture.deadOwner("20261124-000000-dead00"));
    Result refused = f.run("run", quick.toString(), "-i", inv.toString(), "--state-dir", dir.resolve("s").toString());
    assertThat(refused.code()).isEqualTo(4);
    assertThat(refused.err()).contains("h2: the host's lock " + LockFixture.folder(f.locks, "h2")
        + " was left by run 20261124-000000-dead00").contains("(process gone)").contains("--break-lock");
    assertThat(LockFixture.folder(f.locks, "h1")).as("h1's lock was given back").doesNotExist();
    assertThat(f.heldControllerFiles()).as("and the controller's").isEmpty();
    Result broken = f.run("run", quick.toString(), "-i", inv.toString(), "--state-dir",
        dir.resolve("s").toString(), "--break-lock");
    assertThat(broken.code()).as(broken.err()).isZero();
    assertThat(LockFixture.folder(f.locks, "h2")).doesNotExist();
  }

  @Test
  void aLockOnTheHostFromAnotherControllerIsNeverJudgedStaleOnlyBrokenByTheOperator() throws Exception {
    Path inv = f.write("hosts.yml", TWO_HOSTS);
    Path quick = f.write("quick.yml", "- hosts: all\n  tasks:\n    - command: \"true\"\n");
    LockFixture.leave(f.locks, "h1", LockFixture.elsewhere("20261124-000000-remote"));
    Result refused = f.run("run", quick.toString(), "-i", inv.toString(), "--state-dir", dir.resolve("s").toString());
    assertThat(refused.code()).isEqualTo(4);
    assertThat(refused.err()).contains("is held by run 20261124-000000-remote by bob@ctl2.example (pid 4242")
        .contains("cannot check").contains("if that run is gone, run again with --break-lock");
    assertThat(f.run("run", quick.toString(), "-i", inv.toString(), "--state-dir", dir.resolve("s").toString(),
        "--break-lock").code()).isZero();
    assertThat(LockFixture.folder(f.locks, "h1")).doesNotExist();
  }

  @Test
  void aResumedRunTakesOverTheLocksOfTheRunItResumes() throws Exception {
    Path inv = f.write("hosts.yml", TWO_HOSTS);
    Path slow = f.write("slow.yml", "- hosts: all\n  tasks:\n    - command: sleep 30\n");
    Process killed = f.start(dir, "run", slow.toString(), "-i", inv.toString(), "--state-dir", "s");
    LockOwner owner = f.awaitOwner(LockFixture.folder(f.locks, "h2"), killed.onExit());
    Path journal = Path.of(owner.journal());
    for (int i = 0; i < 200 && !Journal.began(journal); i++) {
      Thread.sleep(25);
    }
    killed.destroyForcibly();
    killed.waitFor(10, TimeUnit.SECONDS);
    Files.writeString(slow, "- hosts: all\n  tasks:\n    - command: \"true\"\n");
    Result resumed = f.run("run", slow.toString(), "-i", inv.toString(), "--state-dir", dir.resolve("s").toString(),
        "--resume", owner.runId(), "--force");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(LockFixture.folder(f.locks, "h2")).doesNotExist();
    assertThat(f.heldControllerFiles()).isEmpty();
  }
}
