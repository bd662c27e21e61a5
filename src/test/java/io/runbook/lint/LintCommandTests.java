package io.runbook.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** runbook lint: exit codes as ansible-lint's, config, noqa, profiles, and the output formats. */
class LintCommandTests {
  @TempDir Path dir;
  private String out;
  private String err;

  private int lint(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(o));
    cmd.setErr(new PrintWriter(e));
    String[] all = new String[args.length + 1];
    all[0] = "lint";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = cmd.execute(all);
    out = o.toString();
    err = e.toString();
    return code;
  }

  private Path playbook(String text) throws Exception {
    Path p = dir.resolve("site.yml");
    Files.writeString(p, text);
    return p;
  }

  private static final String TRUTHY = """
      - name: write a file
        hosts: pumps
        tasks:
          - name: backup
            copy: {content: "x", dest: /tmp/x, mode: "0644", backup: yes}
      """;

  @Test
  void aCleanFileExitsZeroAViolationTwoAndNoFilesFive() throws Exception {
    Path clean = playbook("- name: greet\n  hosts: pumps\n  tasks:\n    - name: ok\n      debug: {msg: hi}\n");
    assertThat(lint("-f", "pep8", "--profile", "min", clean.toString())).as(out + err).isZero();
    Path bad = playbook(TRUTHY);
    assertThat(lint("-f", "pep8", bad.toString())).isEqualTo(2);
    assertThat(out).contains(bad + ":5:64: yaml-truthy: 'yes' is a YAML 1.1 boolean");
    assertThat(lint(dir.resolve("nothing-here").toString())).isEqualTo(5);
    assertThat(err).contains("no files to lint");
  }

  @Test
  void noqaSilencesTheNamedRuleOnItsLineOnly() throws Exception {
    Path p = playbook(TRUTHY.replace("backup: yes}", "backup: yes}  # noqa: yaml-truthy"));
    assertThat(lint("-f", "pep8", p.toString())).as(out).isZero();
    Path other = playbook(TRUTHY.replace("backup: yes}", "backup: yes}  # noqa: yaml-tabs"));
    assertThat(lint("-f", "pep8", other.toString())).isEqualTo(2);
  }

  @Test
  void theConfigSkipsWarnsExcludesAndIsRefusedWhenWrong() throws Exception {
    Path p = playbook(TRUTHY);
    Path config = dir.resolve("lint.yml");
    Files.writeString(config, "warn_list: [yaml-truthy]\n");
    assertThat(lint("-c", config.toString(), "-f", "pep8", p.toString())).as(out).isZero();
    assertThat(lint("-c", config.toString(), "--strict", p.toString())).isEqualTo(2);
    assertThat(out).contains("[yaml-truthy] warning:");
    Files.writeString(config, "skip_list: [yaml-truthy]\n");
    assertThat(lint("-c", config.toString(), p.toString())).isZero();
    Files.writeString(config, "exclude_paths: [" + dir.relativize(p) + "]\n");
    assertThat(lint("-c", config.toString(), p.toString())).isEqualTo(2);
    Files.writeString(config, "skip_list: [no-such-rule]\n");
    assertThat(lint("-c", config.toString(), p.toString())).isEqualTo(3);
    assertThat(err).contains(config + ":1:13: no lint rule 'no-such-rule'");
    Files.writeString(config, "profil: min\n");
    assertThat(lint("-c", config.toString(), p.toString())).isEqualTo(3);
    assertThat(err).contains(config + ":1:1: unknown key 'profil'");
  }

  @Test
  void aProfileRunsItsRulesAndTheLowerOnes() throws Exception {
    Path p = playbook(TRUTHY);
    assertThat(lint("--profile", "min", p.toString())).as("yaml-truthy is basic").isZero();
    assertThat(lint("--profile", "basic", p.toString())).isEqualTo(2);
    assertThat(lint("--profile", "strictest", p.toString())).isEqualTo(3);
  }

  @Test
  void theFormatsCarryTheSameFinding() throws Exception {
    Path p = playbook(TRUTHY);
    lint("-f", "text", p.toString());
    assertThat(out).contains(p + ":5:64: [yaml-truthy] 'yes' is a YAML 1.1 boolean")
        .contains("      copy: {content: \"x\", dest: /tmp/x, mode: \"0644\", backup: yes}\n" + " ".repeat(65) + "^");
    lint("-f", "github", p.toString());
    assertThat(out).contains("::error file=" + p + ",line=5,col=64,title=yaml-truthy::'yes' is a YAML 1.1 boolean");
    lint("-f", "json", p.toString());
    JsonNode json = new ObjectMapper().readTree(out);
    assertThat(json.get(0).get("rule").asText()).isEqualTo("yaml-truthy");
    assertThat(json.get(0).get("line").asInt()).isEqualTo(5);
    lint("-f", "sarif", p.toString());
    JsonNode sarif = new ObjectMapper().readTree(out);
    assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    JsonNode result = sarif.at("/runs/0/results/0");
    assertThat(result.get("ruleId").asText()).isEqualTo("yaml-truthy");
    assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(5);
    assertThat(result.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(64);
  }

  @Test
  void listRulesNamesEveryRuleWithItsProfile() {
    assertThat(lint("--list-rules")).isZero();
    assertThat(out).containsPattern("yaml-truthy +basic +yes/no/on/off");
  }

  @Test
  void aVariableIsDefinedForEveryPlaybookImportedWithTheOneThatDefinesIt() throws Exception {
    Files.writeString(dir.resolve("site.yml"), "- import_playbook: probe.yml\n- import_playbook: use.yml\n");
    Files.writeString(dir.resolve("probe.yml"), """
        - name: probe
          hosts: pumps
          tasks:
            - name: read the version
              command: pump -V
              register: pump_version
              changed_when: false
        """);
    String use = """
        - name: use
          hosts: pumps
          tasks:
            - name: show it
              debug: {msg: "{{ pump_version.stdout }}"}
        """;
    Files.writeString(dir.resolve("use.yml"), use);
    Files.writeString(dir.resolve("alone.yml"), use);
    lint("-f", "pep8", "--profile", "basic", dir.toString());
    assertThat(out).doesNotContain("use.yml").contains("alone.yml:5:20: undefined-variable: undefined variable 'pump_version'");
  }
}
