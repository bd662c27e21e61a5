package io.runbook.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who holds a lock, and whether that process still runs as far as this machine can tell. */
class LockOwnerTests {

  @Test
  void thisProcessIsAliveAndAnEndedOneIsGone() throws Exception {
    assertThat(LockOwner.current("r1", null, null).liveness()).isEqualTo(LockOwner.Liveness.ALIVE);
    assertThat(LockFixture.deadOwner("r2").liveness()).isEqualTo(LockOwner.Liveness.GONE);
  }

  @Test
  void aLiveProcessThatStartedAtAnotherTimeIsNotTheOwnerItsPidWasReused() {
    LockOwner me = LockOwner.current("r1", null, null);
    LockOwner earlier = new LockOwner(me.user(), me.controller(), me.pidSpace(), me.pid(),
        Instant.parse(me.pidStart()).minusSeconds(3600).toString(), "r1", me.started(), null, null);
    assertThat(earlier.liveness()).isEqualTo(LockOwner.Liveness.GONE);
  }

  @Test
  void aProcessOfAnotherMachineOrPidNamespaceCannotBeJudgedFromHere() {
    LockOwner me = LockOwner.current("r1", null, null);
    assertThat(LockFixture.elsewhere("r1").liveness()).isEqualTo(LockOwner.Liveness.UNKNOWABLE);
    LockOwner container = new LockOwner(me.user(), me.controller(), "same-host-other-container", me.pid(),
        me.pidStart(), "r1", me.started(), null, null);
    assertThat(container.liveness()).as("same host name, another pid space").isEqualTo(LockOwner.Liveness.UNKNOWABLE);
  }

  @Test
  void theRecordIsOneLineThatAShellCanSearchAndReadsBack() {
    LockOwner me = LockOwner.current("20261124-231502-3f9a1c", "/inv/hosts.yml", Path.of("/s/runs/x/journal.jsonl"));
    assertThat(me.toJson()).doesNotContain("\n").contains("\"run_id\":\"20261124-231502-3f9a1c\"");
    assertThat(LockOwner.parse(me.toJson() + "\n")).contains(me);
    assertThat(LockOwner.parse("{\"user\":\"half-writ")).isEmpty();
    assertThat(LockOwner.parse("")).isEmpty();
    LockOwner odd = new LockOwner("o\"brien", "ctl\\1", null, 42, null, "r1", "t", "/inv/a \"b\"\n", null);
    assertThat(odd.toJson()).doesNotContain("\n").contains("\"run_id\":\"r1\"");
    assertThat(LockOwner.parse(odd.toJson())).contains(odd);
    assertThat(me.staleAdvice()).contains("runbook runs show 20261124-231502-3f9a1c --state-dir /s")
        .contains("--resume 20261124-231502-3f9a1c").contains("--break-lock");
  }

  @Test
  void theLockDirectoryIsRunbookLockDirElseTheUsersRunbookLocks() {
    assertThat(RunLock.defaultDirectory(Map.of("RUNBOOK_LOCK_DIR", "/var/lib/runbook/locks"), "/home/ops"))
        .isEqualTo(Path.of("/var/lib/runbook/locks"));
    assertThat(RunLock.defaultDirectory(Map.of(), "/home/ops")).isEqualTo(Path.of("/home/ops/.runbook/locks"));
  }
}
