package io.runbook.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.journal.LockFixture.Holder;
import io.runbook.journal.LockFixture.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run lock protects hosts, not files: runs meet on the hosts they touch, whatever folder,
 * state dir or inventory file they came from, on this controller and on the hosts themselves.
 */
class HostLockTests {
  private static final String TWO_HOSTS = "all: {vars: {ansible_connection: local}, hosts: {h1: , h2: }}\n";
  @TempDir Path dir;
  private LockFixture f;

  @BeforeEach
  void fixture() {
    f = new LockFixture(dir);
  }

  @Test
  void aRunFromAnotherFolderStateDirCopyOrSymlinkOfTheInventoryIsRefusedNamingTheRunOnItsHosts() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    f.write("a/hosts.yml", TWO_HOSTS);
    Path play = f.waiting("a/hold.yml");
    Path copy = f.write("b/hosts.yml", TWO_HOSTS);
    Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("c")).resolve("hosts.yml"),
        a.resolve("hosts.yml"));
    Path overlapping = f.write("d/hosts.yml", "all: {vars: {ansible_connection: local}, hosts: {h2: , h3: }}\n");
    // The first run starts in folder a, with paths relative to it: its own state dir, a/state.
    Process first = f.start(a, "run", "hold.yml", "-i", "hosts.yml", "--state-dir", "state");
    try {
      LockOwner holder = f.awaitOwner(LockFixture.folder(f.locks, "h1"), first.onExit());
      for (Path inventory : new Path[] {copy, link, overlapping}) {
        Result second = f.run("run", play.toString(), "-i", inventory.toString(),
            "--state-dir", inventory.resolveSibling("state").toString());
        assertThat(second.code()).as(inventory + ": " + second.err()).isEqualTo(4);
        assertThat(second.err()).contains("in use by run " + holder.runId() + " by ")
            .contains("(pid " + first.pid() + ", since " + holder.started() + "); wait for it to finish")
            .contains("nothing was run");
      }
      assertThat(f.run("run", play.toString(), "-i", overlapping.toString()).err())
          .as("only the host they share").contains("h2 (local://h2): in use").doesNotContain("h3 (");
    } finally {
      Files.writeString(dir.resolve("go"), "");
      first.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(first.exitValue()).isZero();
    assertThat(LockFixture.folder(f.locks, "h1")).doesNotExist();
  }

  @Test
  void runsOnHostsThatDoNotOverlapBothProceedAndLimitDecidesWhichHostsARunTouches() throws Exception {
    Path inv = f.write("hosts.yml", TWO_HOSTS);
    Path play = f.waiting("hold.yml");
    Path quick = f.write("quick.yml", "- hosts: all\n  tasks:\n    - command: \"true\"\n");
    try (Holder h1 = f.hold(LockFixture.folder(f.locks, "h1"), "run", play.toString(), "-i",
        inv.toString(), "-l", "h1", "--state-dir", dir.resolve("s1").toString())) {
      Result other = f.run("run", quick.toString(), "-i", inv.toString(), "-l", "h2", "--state-dir",
          dir.resolve("s2").toString());
      assertThat(other.code()).as(other.err()).isZero();
      Result all = f.run("run", quick.toString(), "-i", inv.toString(), "--state-dir", dir.resolve("s3").toString());
      assertThat(all.code()).isEqualTo(4);
      assertThat(all.err()).contains("h1 (local://h1): in use by run " + h1.owner.runId()).doesNotContain("h2 (");
      assertThat(h1.release().code()).isZero();
    }
  }

  @Test
  void aRunOnAnotherControllerIsRefusedByTheLockOnTheHostItself() throws Exception {
    // Two controllers: two lock directories that never meet; the hosts' lock folders do.
    Path onHost = dir.resolve("host-locks");
    Path inv = f.write("hosts.yml", "all: {vars: {ansible_connection: local, runbook_lock_dir: \""
        + onHost + "\"}, hosts: {h1: }}\n");
    Path play = f.waiting("hold.yml");
    try (Holder first = f.hold(LockFixture.folder(onHost, "h1"), "run", play.toString(), "-i",
        inv.toString(), "--state-dir", dir.resolve("s1").toString(), "--lock-dir", dir.resolve("ctl1").toString())) {
      Result second = f.run("run", play.toString(), "-i", inv.toString(), "--state-dir",
          dir.resolve("s2").toString(), "--lock-dir", dir.resolve("ctl2").toString());
      assertThat(second.code()).isEqualTo(4);
      assertThat(second.err()).contains("h1: the host's lock " + LockFixture.folder(onHost, "h1")
          + " is held by run " + first.owner.runId());
    }
    assertThat(LockFixture.folder(onHost, "h1")).as("released at the end").doesNotExist();
  }

  @Test
  void theLockRecordIsOnTheHostWhileTheRunWorksAndGoneAfterEvenWhenAHostFailed() throws Exception {
    Path inv = f.write("hosts.yml", TWO_HOSTS);
    Path play = f.write("play.yml", """
        - hosts: all
          tasks:
            - name: lock record
              command: cat %s/hosts/{{ inventory_hostname }}/owner
            - name: boom
              fail: {msg: boom}
              when: inventory_hostname == 'h2'
        """.formatted(f.locks));
    Result r = f.run("run", play.toString(), "-i", inv.toString(), "--state-dir", dir.resolve("s").toString(),
        "--output", "jsonl");
    assertThat(r.code()).isEqualTo(2);
    String runId = r.err().replaceAll("(?s).*run (\\S+), journal.*", "$1");
    assertThat(r.out().lines().filter(l -> l.contains("\"lock record\"") && l.contains("host_result")))
        .hasSize(2).allMatch(l -> l.contains("\\\"run_id\\\":\\\"" + runId + "\\\""));
    assertThat(LockFixture.folder(f.locks, "h1")).doesNotExist();
    assertThat(LockFixture.folder(f.locks, "h2")).doesNotExist();
    assertThat(f.heldControllerFiles()).isEmpty();
  }

  @Test
  void ctrlCEndsTheRunAndGivesBackItsLocks() throws Exception {
    Path inv = f.write("hosts.yml", TWO_HOSTS);
    Path slow = f.write("slow.yml", "- hosts: all\n  tasks:\n    - command: sleep 30\n");
    Process run = f.startInterruptible(dir, "run", slow.toString(), "-i", inv.toString(), "--state-dir", "s");
    f.awaitOwner(LockFixture.folder(f.locks, "h2"), run.onExit());
    Thread.sleep(300); // into the task
    new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start().waitFor();
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).isEqualTo(99);
    assertThat(LockFixture.folder(f.locks, "h1")).doesNotExist();
    assertThat(LockFixture.folder(f.locks, "h2")).doesNotExist();
    assertThat(f.heldControllerFiles()).isEmpty();
  }

  @Test
  void aHostUnreachableWhenTheRunLocksIsLeftOutAndTheOthersRun() throws Exception {
    Path inv = f.write("hosts.yml", """
        all:
          hosts:
            gone: {ansible_host: 127.0.0.1, ansible_port: 1}
            here: {ansible_connection: local}
        """);
    Path play = f.write("play.yml", "- hosts: all\n  tasks:\n    - {name: t, command: \"true\"}\n");
    Result r = f.run("run", play.toString(), "-i", inv.toString(), "--state-dir", dir.resolve("s").toString(),
        "--known-hosts", dir.resolve("known_hosts").toString(), "--no-color");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("warning: gone: unreachable, so not locked and left out of this run");
    assertThat(r.out()).contains("gone was unreachable when the run locked its hosts, so nothing runs on it")
        .containsPattern("here +: ok=1 +changed=1").containsPattern("gone +: ok=0 +changed=0 +unreachable=1");
    assertThat(LockFixture.folder(f.locks, "here")).doesNotExist();
  }

  @Test
  void hostsThatOnlyTheRunCanNameAreCoveredByLockingTheWholeInventory() throws Exception {
    Path inv = f.write("hosts.yml", TWO_HOSTS);
    Path hold = f.waiting("hold.yml");
    Path dynamic = f.write("dynamic.yml", """
        - hosts: h1
          tasks:
            - set_fact: {target: h2}
        - hosts: "{{ hostvars['h1'].target }}"
          tasks:
            - command: "true"
        """);
    try (Holder h2 = f.hold(LockFixture.folder(f.locks, "h2"), "run", hold.toString(), "-i", inv.toString(),
        "-l", "h2", "--state-dir", dir.resolve("s1").toString())) {
      Result r = f.run("run", dynamic.toString(), "-i", inv.toString(), "--state-dir", dir.resolve("s2").toString());
      assertThat(r.code()).as("the second play's hosts are known only once the first ran").isEqualTo(4);
      assertThat(r.err()).contains("h2 (local://h2): in use by run " + h2.owner.runId());
    }
  }
}
