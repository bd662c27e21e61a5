package io.runbook.transport.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runbook.transport.CommandResult;
import io.runbook.transport.CommandSpec;
import io.runbook.transport.ExitStatus;
import io.runbook.transport.UnreachableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH transport against a real SSH server on 127.0.0.1. */
class SshTransportTests {
  @TempDir Path dir;
  private SshServerFixture server;

  @BeforeEach
  void start() throws Exception {
    server = new SshServerFixture(dir);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void runsEveryCommandOverOneConnection() throws Exception {
    server.trustServer();
    try (SshTransport ssh = new SshTransport(server.target(false))) {
      for (int i = 0; i < 5; i++) {
        assertThat(ssh.run(CommandSpec.of("echo", "n" + i)).stdout()).isEqualTo("n" + i + "\n");
      }
    }
    assertThat(server.sessionsOpened).hasValue(1);
  }

  @Test
  void theConnectionSendsSmallPacketsWithoutDelay() throws Exception {
    // Without TCP_NODELAY every command waited ~40 ms for delayed ACKs (45 ms instead of 2.6 ms).
    server.trustServer();
    try (SshTransport ssh = new SshTransport(server.target(false))) {
      ssh.run(CommandSpec.of("true"));
      assertThat(ssh.connection().tcpNoDelay()).isTrue();
    }
  }

  @Test
  void argvArrivesIntactWithEnvironmentDirectoryAndStdin() throws Exception {
    server.trustServer();
    try (SshTransport ssh = new SshTransport(server.target(false))) {
      CommandResult r = ssh.run(new CommandSpec(List.of("/bin/sh", "-c", "printf '%s|' \"$@\"; echo $GREETING; pwd; cat", "sh",
          "a b", "$(id)", "it's"), Map.of("GREETING", "hi there"), dir.toString(),
          "from stdin".getBytes(StandardCharsets.UTF_8), null));
      assertThat(r.succeeded()).isTrue();
      assertThat(r.stdout()).isEqualTo("a b|$(id)|it's|hi there\n" + dir + "\nfrom stdin");
      CommandResult failed = ssh.run(CommandSpec.shell("echo bad >&2; exit 7"));
      assertThat(failed.status()).isEqualTo(new ExitStatus.Exited(7));
      assertThat(failed.stderr()).isEqualTo("bad\n");
    }
  }

  @Test
  void aCommandPastItsTimeoutIsReportedAsTimedOut() throws Exception {
    server.trustServer();
    try (SshTransport ssh = new SshTransport(server.target(false))) {
      CommandResult r = ssh.run(CommandSpec.of("sleep", "20").withTimeout(Duration.ofMillis(500)));
      assertThat(r.status()).isInstanceOf(ExitStatus.TimedOut.class);
      assertThat(ssh.run(CommandSpec.of("true")).succeeded()).as("the connection still works").isTrue();
    }
  }

  @Test
  void filesAreWrittenAtomicallyReadAndStatted() throws Exception {
    server.trustServer();
    String target = dir.resolve("deploy/conf/pump.toml").toString();
    try (SshTransport ssh = new SshTransport(server.target(false))) {
      ssh.mkdirs(dir.resolve("deploy/conf").toString(), 0755);
      ssh.writeAtomically(target, "gc = 7\n".getBytes(StandardCharsets.UTF_8), 0640);
      assertThat(new String(ssh.read(target), StandardCharsets.UTF_8)).isEqualTo("gc = 7\n");
      var stat = ssh.stat(target).orElseThrow();
      assertThat(stat.isFile()).isTrue();
      assertThat(stat.mode()).isEqualTo(0640);
      assertThat(stat.size()).isEqualTo(7);
      assertThat(ssh.stat(dir.resolve("nope").toString())).isEmpty();
      ssh.rename(target, target + ".old");
      ssh.chmod(target + ".old", 0600);
      assertThat(ssh.stat(target + ".old").orElseThrow().mode()).isEqualTo(0600);
      ssh.delete(dir.resolve("deploy").toString());
      assertThat(Files.exists(dir.resolve("deploy"))).isFalse();
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".runbook-tmp"));
    }
  }

  @Test
  void anUnknownHostKeyIsRefusedWithHowToAcceptIt() throws Exception {
    Files.writeString(server.knownHosts, "");
    UnreachableException e = catchThrowableOfType(UnreachableException.class,
        () -> new SshTransport(server.target(false)).run(CommandSpec.of("true")));
    assertThat(e.getMessage()).contains("is not known").contains("ssh-keyscan -p " + server.port() + " 127.0.0.1")
        .contains("accept-new");
  }

  @Test
  void acceptNewRecordsTheKeyOfANewHost() throws Exception {
    try (SshTransport ssh = new SshTransport(server.target(true))) {
      assertThat(ssh.run(CommandSpec.of("true")).succeeded()).isTrue();
    }
    assertThat(Files.readString(server.knownHosts)).contains("[127.0.0.1]:" + server.port() + " ecdsa-sha2-");
    try (SshTransport strict = new SshTransport(server.target(false))) {
      assertThat(strict.run(CommandSpec.of("true")).succeeded()).as("now known").isTrue();
    }
  }

  @Test
  void aChangedHostKeyIsAlwaysRefusedNamingTheLineOfTheOldKey() throws Exception {
    SshServerFixture.run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", dir.resolve("other").toString());
    String otherKey = Files.readString(dir.resolve("other.pub")).split(" ")[0] + " "
        + Files.readString(dir.resolve("other.pub")).split(" ")[1];
    Files.writeString(server.knownHosts, "# line one\n[127.0.0.1]:" + server.port() + " " + otherKey + "\n");
    UnreachableException e = catchThrowableOfType(UnreachableException.class,
        () -> new SshTransport(server.target(true)).run(CommandSpec.of("true")));
    assertThat(e.getMessage()).contains("HOST KEY CHANGED").contains(server.knownHosts + ":2");
  }

  @Test
  void unreachableHostsSayWhy() throws Exception {
    server.trustServer();
    SshTarget refused = new SshTarget("gone", "127.0.0.1", 1, "x", List.of(server.clientKey), server.knownHosts,
        false, Duration.ofSeconds(2));
    assertThat(catchThrowableOfType(UnreachableException.class, () -> new SshTransport(refused).run(CommandSpec.of("true"))))
        .hasMessageContaining("gone").hasMessageContaining("connection refused");
    SshServerFixture.run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", dir.resolve("stranger").toString());
    SshTarget wrongKey = new SshTarget("pump1", "127.0.0.1", server.port(), "tidb", List.of(dir.resolve("stranger")),
        server.knownHosts, false, Duration.ofSeconds(5));
    assertThat(catchThrowableOfType(UnreachableException.class, () -> new SshTransport(wrongKey).run(CommandSpec.of("true"))))
        .hasMessageContaining("authentication failed for user tidb");
  }

  @Test
  void aDroppedConnectionIsOpenedAgainOnce() throws Exception {
    server.trustServer();
    try (SshTransport ssh = new SshTransport(server.target(false))) {
      assertThat(ssh.run(CommandSpec.of("true")).succeeded()).isTrue();
      server.dropSessions();
      Thread.sleep(200);
      assertThat(ssh.run(CommandSpec.of("echo", "back")).stdout()).isEqualTo("back\n");
    }
    assertThat(server.sessionsOpened).hasValue(2);
  }

  @Test
  void aPasswordLoginWorksWhenNoKeyIsAccepted() throws Exception {
    server.trustServer();
    SshTarget t = new SshTarget("pw", "127.0.0.1", server.port(), "anyone", List.of(), server.knownHosts, false,
        Duration.ofSeconds(5), "s3cret", null);
    try (SshTransport ssh = new SshTransport(t)) {
      assertThat(ssh.run(CommandSpec.of("echo", "in")).stdout()).isEqualTo("in\n");
    }
    assertThat(t.toString()).doesNotContain("s3cret");
  }

  @Test
  void anEncryptedKeyOpensWithItsPassphrase() throws Exception {
    server.trustServer();
    SshServerFixture.run("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "phrase", "-f", dir.resolve("locked").toString());
    server.authorize(dir.resolve("locked.pub"));
    SshTarget t = new SshTarget("enc", "127.0.0.1", server.port(), "tidb", List.of(dir.resolve("locked")),
        server.knownHosts, false, Duration.ofSeconds(5), null, "phrase");
    try (SshTransport ssh = new SshTransport(t)) {
      assertThat(ssh.run(CommandSpec.of("true")).succeeded()).isTrue();
    }
  }

  @Test
  void sshConfigFillsWhatTheInventoryLeavesOut() throws Exception {
    Path config = dir.resolve("config");
    Files.writeString(config, "Host pump*\n  HostName 127.0.0.1\n  User tidb\n  Port 2222\n"
        + "  IdentityFile ~/.ssh/tidb_key\nHost *\n  User nobody\n");
    SshDefaults d = new SshDefaults(server.knownHosts, false, Duration.ofSeconds(5), SshConfig.read(config), null, null);
    SshTarget fromConfig = SshTargets.from("pump1", Map.of(), d);
    assertThat(fromConfig.host()).isEqualTo("127.0.0.1");
    assertThat(fromConfig.user()).isEqualTo("tidb");
    assertThat(fromConfig.port()).isEqualTo(2222);
    assertThat(fromConfig.identityFiles()).containsExactly(Path.of(System.getProperty("user.home"), ".ssh/tidb_key"));
    SshTarget inventoryWins = SshTargets.from("pump1", Map.of("ansible_user", "root", "ansible_port", 22L), d);
    assertThat(inventoryWins.user()).isEqualTo("root");
    assertThat(inventoryWins.port()).isEqualTo(22);
    assertThat(SshTargets.from("drainer", Map.of(), d).user()).isEqualTo("nobody");
  }

  @Test
  void aKeyHeldBySshAgentLogsIn() throws Exception {
    server.trustServer();
    Path sock = dir.resolve("agent.sock");
    Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
    try {
      for (int i = 0; i < 50 && !Files.exists(sock); i++) {
        Thread.sleep(50);
      }
      ProcessBuilder pb = new ProcessBuilder("ssh-add", server.clientKey.toString()).redirectErrorStream(true);
      pb.environment().put("SSH_AUTH_SOCK", sock.toString());
      assertThat(pb.start().waitFor()).isZero();
      SshAgent sshAgent = new SshAgent(sock);
      assertThat(sshAgent.identities()).singleElement().satisfies(id -> assertThat(id.type()).startsWith("ecdsa-sha2-"));
      // The login itself, with the agent's key and no key file:
      var client = new net.schmizz.sshj.SSHClient();
      client.addHostKeyVerifier(new net.schmizz.sshj.transport.verification.OpenSSHKnownHosts(server.knownHosts.toFile()));
      client.connect("127.0.0.1", server.port());
      try {
        client.auth("tidb", new AgentAuth(sshAgent, sshAgent.identities().get(0)));
        assertThat(client.isAuthenticated()).isTrue();
      } finally {
        client.close();
      }
    } finally {
      agent.destroy();
    }
  }

  @Test
  void rsaAndEd25519KeysLogInToo() throws Exception {
    server.trustServer();
    for (String type : new String[] {"rsa", "ed25519"}) {
      Path key = dir.resolve("id_" + type);
      SshServerFixture.run("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString());
      server.authorize(dir.resolve("id_" + type + ".pub"));
      SshTarget t = new SshTarget(type, "127.0.0.1", server.port(), "tidb", List.of(key), server.knownHosts, false,
          Duration.ofSeconds(5));
      try (SshTransport ssh = new SshTransport(t)) {
        assertThat(ssh.run(CommandSpec.of("echo", type)).stdout()).as(type).isEqualTo(type + "\n");
      }
    }
  }
}
