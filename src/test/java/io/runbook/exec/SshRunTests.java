package io.runbook.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.transport.ssh.SshDefaults;
import io.runbook.transport.ssh.SshServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A playbook run over SSH to a real SSH server on 127.0.0.1, with Ansible's connection vars. */
class SshRunTests {
  @TempDir Path dir;

  @Test
  void aPlaybookRunsOnAnSshHostWithFileActionsAndCommands() throws Exception {
    try (SshServerFixture server = new SshServerFixture(dir.resolve("server"))) {
      server.trustServer();
      Fixture f = new Fixture(dir);
      f.options = f.options.withSsh(new SshDefaults(server.knownHosts, false, Duration.ofSeconds(5)));
      Path deploy = dir.resolve("deploy");
      f.write("run_pump.sh.j2", "exec bin/pump --addr=0.0.0.0:{{ pump_port }}\n");
      RecordingListener l = f.run("""
          - hosts: pumps
            tasks:
              - name: dirs
                file: {path: "%s/conf", state: directory}
              - name: config
                toml: {path: "%s/conf/pump.toml", create: true, set: {gc: 7}}
              - name: script
                template: {src: run_pump.sh.j2, dest: "%s/run_pump.sh", mode: "0755"}
              - name: who
                command: cat %s/run_pump.sh
                register: r
              - name: show
                debug: {msg: "{{ r.stdout }}"}
              - name: bring the config back
                fetch: {src: "%s/conf/pump.toml", dest: fetched}
          """.formatted(deploy, deploy, deploy, deploy, deploy), """
          all:
            children:
              pumps:
                hosts:
                  pump1:
                    ansible_host: 127.0.0.1
                    ansible_port: %d
                    ansible_user: %s
                    ansible_ssh_private_key_file: %s
                    pump_port: 8250
          """.formatted(server.port(), System.getProperty("user.name"), server.clientKey));
      assertThat(l.exitCode).isZero();
      assertThat(l.last("show", "pump1").result()).containsEntry("msg", "exec bin/pump --addr=0.0.0.0:8250");
      assertThat(Files.readString(deploy.resolve("conf/pump.toml"))).isEqualTo("gc = 7\n");
      Path fetched = dir.resolve("fetched/pump1").resolve(deploy.toString().substring(1)).resolve("conf/pump.toml");
      assertThat(fetched).hasContent("gc = 7");
      assertThat(l.of("bring the config back")).containsExactly("changed pump1");
    }
  }

  @Test
  void anUnreachableSshHostIsCountedApartFromFailures() throws Exception {
    Fixture f = new Fixture(dir);
    RecordingListener l = f.run("""
        - hosts: all
          tasks:
            - name: t
              command: "true"
        """, """
        all:
          hosts:
            gone: {ansible_host: 127.0.0.1, ansible_port: 1}
            here: {ansible_connection: local}
        """);
    assertThat(l.of("t")).containsExactly("unreachable gone", "changed here");
    assertThat(l.recap.of("gone").unreachable()).isEqualTo(1);
    assertThat(l.recap.of("gone").failed()).isZero();
    assertThat(l.exitCode).isEqualTo(3);
  }

  @Test
  void waitForAndHttpOnAnSshHostLookAtTheHostNotTheController() throws Exception {
    try (SshServerFixture server = new SshServerFixture(dir.resolve("server"));
        java.net.ServerSocket listening = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      server.trustServer();
      Fixture f = new Fixture(dir);
      f.options = f.options.withSsh(new SshDefaults(server.knownHosts, false, Duration.ofSeconds(5)));
      RecordingListener l = f.run("""
          - hosts: pumps
            tasks:
              - name: port up on the host
                wait_for: {port: %d, state: started, timeout: 5}
              - name: port down on the host
                wait_for: {port: 1, state: stopped, timeout: 5}
              - name: loopback url
                http: {url: "http://127.0.0.1:%d/status"}
                ignore_errors: true
          """.formatted(listening.getLocalPort(), listening.getLocalPort()), """
          all:
            children:
              pumps:
                hosts:
                  pump1:
                    ansible_host: 127.0.0.1
                    ansible_port: %d
                    ansible_ssh_private_key_file: %s
          """.formatted(server.port(), server.clientKey));
      assertThat(l.of("port up on the host")).as(String.valueOf(l.last("port up on the host", "pump1"))).containsExactly("ok pump1");
      assertThat(l.of("port down on the host")).containsExactly("ok pump1");
      assertThat(l.last("loopback url", "pump1").message()).contains("would reach the controller");
    }
  }
}
