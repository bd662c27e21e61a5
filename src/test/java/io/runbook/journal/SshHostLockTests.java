package io.runbook.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.journal.LockFixture.Result;
import io.runbook.transport.ssh.SshServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock folder on a host reached over SSH (a real SSH server on 127.0.0.1). */
class SshHostLockTests {
  @TempDir Path dir;
  private LockFixture f;
  private SshServerFixture server;
  private Path onHost;
  private Path inventory;

  @BeforeEach
  void start() throws Exception {
    f = new LockFixture(dir);
    server = new SshServerFixture(dir.resolve("server"));
    server.trustServer();
    onHost = dir.resolve("on-host");
    inventory = f.write("hosts.yml", """
        all:
          hosts:
            pump1:
              ansible_host: 127.0.0.1
              ansible_port: %d
              ansible_user: %s
              ansible_ssh_private_key_file: %s
              runbook_lock_dir: %s
        """.formatted(server.port(), System.getProperty("user.name"), server.clientKey, onHost));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private Result run(Path playbook, String... more) {
    String[] args = {"run", playbook.toString(), "-i", inventory.toString(), "--state-dir",
        dir.resolve("state").toString(), "--known-hosts", server.knownHosts.toString(), "--output", "jsonl"};
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return f.run(all);
  }

  @Test
  void theLockFolderIsMadeOnTheHostOverTheRunsOwnConnectionAndRemovedAtTheEnd() throws Exception {
    Path play = f.write("play.yml", """
        - hosts: all
          tasks:
            - name: lock record
              command: cat {{ runbook_lock_dir }}/hosts/{{ inventory_hostname }}/owner
        """);
    Result r = run(play);
    assertThat(r.code()).as(r.err()).isZero();
    String runId = r.err().replaceAll("(?s).*run (\\S+), journal.*", "$1");
    assertThat(r.out().lines().filter(l -> l.contains("host_result")))
        .singleElement().asString().contains("\\\"run_id\\\":\\\"" + runId + "\\\"");
    assertThat(LockFixture.folder(onHost, "pump1")).doesNotExist();
    assertThat(Files.isDirectory(onHost.resolve("hosts"))).isTrue();
    assertThat(server.sessions()).as("lock, task and release over one login").isEqualTo(1);
  }

  @Test
  void twoInventoryHostsOnOneMachineShareItsLockAndTheRunProceeds() throws Exception {
    // TiUP names an instance host:port, so three Pumps on one machine are three inventory hosts
    inventory = f.write("hosts.yml", """
        all:
          vars:
            ansible_host: 127.0.0.1
            ansible_port: %d
            ansible_user: %s
            ansible_ssh_private_key_file: %s
            runbook_lock_dir: %s
          hosts:
            127.0.0.1:8250:
            127.0.0.1:8251:
        """.formatted(server.port(), System.getProperty("user.name"), server.clientKey, onHost));
    Path play = f.write("play.yml", "- hosts: all\n  tasks:\n    - command: \"true\"\n      changed_when: false\n");
    Result r = run(play);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().filter(l -> l.contains("host_result"))).hasSize(2);
  }

  @Test
  void extraVarsChooseTheConnectionAsInAnsible() throws Exception {
    // the inventory says SSH to a port nothing listens on; -e ansible_connection=local wins
    inventory = f.write("hosts.yml", "all:\n  hosts:\n    pump1:\n      ansible_host: 127.0.0.1\n"
        + "      ansible_port: 1\n");
    Path touched = dir.resolve("touched");
    Path play = f.write("play.yml", "- hosts: all\n  tasks:\n    - file: {path: \"" + touched + "\", state: touch}\n");
    Result r = run(play, "-e", "ansible_connection=local");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(touched).exists();
  }

  @Test
  void aHostLockedByAnotherControllerRefusesTheRunBeforeAnyTaskTouchesIt() throws Exception {
    LockFixture.leave(onHost, "pump1", LockFixture.elsewhere("20261124-000000-remote"));
    Path touched = dir.resolve("touched");
    Path play = f.write("play.yml", "- hosts: all\n  tasks:\n    - file: {path: \"" + touched + "\", state: touch}\n");
    Result r = run(play);
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).contains("pump1: the host's lock " + LockFixture.folder(onHost, "pump1")
        + " is held by run 20261124-000000-remote by bob@ctl2.example").contains("--break-lock");
    assertThat(touched).doesNotExist();
    assertThat(f.heldControllerFiles()).isEmpty();
    Result broken = run(play, "--break-lock");
    assertThat(broken.code()).as(broken.err()).isZero();
    assertThat(touched).exists();
    assertThat(LockFixture.folder(onHost, "pump1")).doesNotExist();
  }
}
