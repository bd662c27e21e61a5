package io.runbook.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.report.HostResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engine behaviours recorded from ansible-playbook (fixtures/exec/ansible, made by record.py):
 * what a host returns stays data through register, set_fact and loops; omit leaves an argument
 * out; group_names; an !unsafe inventory value is not templated. runbook runs the same playbook
 * and inventory and every "show:" task must print what Ansible printed.
 */
class AnsibleRunDifferentialTests {
  private static final Path DIR = Path.of("src/test/resources/fixtures/exec/ansible");
  @TempDir Path dir;

  @Test
  void theSamePlaybookShowsWhatAnsibleShowed() throws Exception {
    RecordingListener l = new Fixture(dir).run(DIR.resolve("playbook.yml").toAbsolutePath(),
        DIR.resolve("hosts.yml").toAbsolutePath());
    JsonNode answers = new ObjectMapper().readTree(DIR.resolve("answers.json").toFile()).get("answers");
    assertThat(answers).hasSizeGreaterThan(5);
    for (JsonNode answer : answers) {
      String task = answer.get("task").asText();
      List<String> ansible = new ArrayList<>();
      answer.get("msgs").forEach(m -> ansible.add(m.asText()));
      List<String> runbook = l.results.stream().filter(r -> r.task().name().equals(task))
          .map(AnsibleRunDifferentialTests::msg).toList();
      assertThat(runbook).as(task).isEqualTo(ansible);
    }
  }

  @Test
  void theInventoryListsAnUnsafeValueAsAnsibleDoes() throws Exception {
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine cmd = io.runbook.cli.Main.commandLine();
    cmd.setOut(new java.io.PrintWriter(out));
    assertThat(cmd.execute("inventory", "-i", DIR.resolve("hosts.yml").toString(), "--list")).isZero();
    assertThat(out.toString()).isEqualTo(java.nio.file.Files.readString(DIR.resolve("inventory-list.json")));
  }

  private static String msg(HostResult r) {
    Object m = r.result() == null ? null : r.result().get("msg");
    return String.valueOf(m);
  }
}
