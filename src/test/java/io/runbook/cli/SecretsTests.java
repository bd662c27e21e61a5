package io.runbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A secret never appears in anything a run writes: stdout, stderr, JSON lines, the journal. */
class SecretsTests {
  private static final String PASSWORD = "hunter2-db-password";
  private static final String TOKEN = "vault-token-0xBEEF";
  private static final String BECOME = "sudo-pass-9876";
  @TempDir Path dir;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    cmd.execute(io.runbook.journal.TestLocks.withLockDir(args, dir.resolve("locks")));
    return out + "\n" + err;
  }

  @Test
  void aSecretReadFromTheControllersEnvironmentIsMasked() throws Exception {
    String token = System.getenv("RUNBOOK_TEST_API_TOKEN");
    assertThat(token).as("set by the build (pom.xml)").isNotBlank();
    Files.writeString(dir.resolve("hosts.yml"), "all: {vars: {ansible_connection: local}, hosts: {h1: }}\n");
    Files.writeString(dir.resolve("play.yml"), """
        - hosts: all
          tasks:
            - name: shows the token
              debug: {msg: "token {{ lookup('env', 'RUNBOOK_TEST_API_TOKEN') }}"}
        """);
    String all = run("run", dir.resolve("play.yml").toString(), "-i", dir.resolve("hosts.yml").toString(),
        "--state-dir", dir.resolve("state").toString(), "--no-color");
    assertThat(all).contains("token ").doesNotContain(token);
    try (Stream<Path> files = Files.walk(dir.resolve("state"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).doesNotContain(token);
      }
    }
  }

  @Test
  void secretsAreMaskedInEveryOutputEvenThroughTemplates() throws Exception {
    Files.writeString(dir.resolve("db_secrets.yml"), "db_password: " + PASSWORD + "\n");
    Files.writeString(dir.resolve("vault.yml"), "api_token: " + TOKEN + "\n");
    Files.writeString(dir.resolve("hosts.yml"),
        "all: {vars: {ansible_connection: local, ansible_become_password: " + BECOME + "}, hosts: {h1: }}\n");
    Files.writeString(dir.resolve("play.yml"), """
        - hosts: all
          vars_files: [db_secrets.yml]
          vars:
            replication_key: {secret: true, value: "repl-{{ inventory_hostname }}-K3Y"}
          tasks:
            - name: declared secret
              debug: {msg: "key is {{ replication_key }}"}
            - name: uses it in a command
              command: echo "dsn=mysql://root:{{ db_password }}@db"
              register: r
            - name: shows what came back
              debug: {msg: "{{ r.stdout }} and {{ api_token }} and {{ ansible_become_password }}"}
            - name: fails saying it
              fail: {msg: "login with {{ db_password }} refused"}
              ignore_errors: true
            - name: derives a secret quietly
              set_fact: {derived: "tok-{{ api_token }}-x"}
              no_log: true
            - name: shows the derived one
              debug: {var: derived}
            - name: retries showing it
              command: "false"
              register: again
              retries: 1
              delay: 0
              until: again.stdout == db_password
              ignore_errors: true
        """);
    Path state = dir.resolve("state");
    String human = run("run", dir.resolve("play.yml").toString(), "-i", dir.resolve("hosts.yml").toString(),
        "-e", "@" + dir.resolve("vault.yml"), "--state-dir", state.toString(), "--no-color", "-v",
        "--junit", state.resolve("junit.xml").toString());
    String jsonl = run("run", dir.resolve("play.yml").toString(), "-i", dir.resolve("hosts.yml").toString(),
        "-e", "@" + dir.resolve("vault.yml"), "--state-dir", state.toString(), "--output", "jsonl");
    assertThat(human).contains("dsn=mysql://root:********@db").contains("********");
    assertThat(human).contains("key is ********");
    for (String secret : new String[] {PASSWORD, TOKEN, BECOME, "tok-" + TOKEN + "-x", "repl-h1-K3Y"}) {
      assertThat(human).as("console").doesNotContain(secret);
      assertThat(jsonl).as("jsonl").doesNotContain(secret);
      try (Stream<Path> files = Files.walk(state)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(f)).as("%s", f).doesNotContain(secret);
        }
      }
    }
  }
}
