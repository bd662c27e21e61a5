package io.runbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan hash covers every input that decides what a run does, and nothing else. */
class PlanHashTests {
  @TempDir Path dir;
  private final Cli cli = new Cli();

  private int runbook(String... args) {
    return cli.run(io.runbook.journal.TestLocks.withLockDir(args, dir.resolve("locks")));
  }

  private void writeProject(Path root) throws Exception {
    Files.createDirectories(root.resolve("group_vars"));
    Files.writeString(root.resolve("hosts.yml"),
        "all: {vars: {ansible_connection: local}, hosts: {h1: , h2: }}\n");
    Files.writeString(root.resolve("group_vars/all.yml"), "port: 8250\n");
    Files.writeString(root.resolve("tasks.yml"), "- {name: imported, debug: {msg: \"{{ port }}\"}}\n");
    Files.writeString(root.resolve("vars.yml"), "colour: blue\n");
    Files.writeString(root.resolve("conf.tpl"), "port = {{ port }}\n");
    Files.writeString(root.resolve("play.yml"), """
        - hosts: all
          vars_files: [vars.yml]
          tasks:
            - import_tasks: tasks.yml
            - {name: conf, template: {src: conf.tpl, dest: "{{ playbook_dir }}/out-{{ inventory_hostname }}"}, tags: [conf]}
            - {name: said, debug: {msg: "{{ colour }}"}}
        """);
  }

  private String hash(Path root, String... options) throws Exception {
    List<String> args = new ArrayList<>(List.of("plan", root.resolve("play.yml").toString(), "-i",
        root.resolve("hosts.yml").toString(), "--format", "json"));
    args.addAll(List.of(options));
    assertThat(runbook(args.toArray(new String[0]))).as(cli.err()).isZero();
    return new ObjectMapper().readTree(cli.out()).get("hash").asText();
  }

  @Test
  void eachInputChangesTheHash() throws Exception {
    writeProject(dir);
    String base = hash(dir);
    assertThat(hash(dir)).as("stable").isEqualTo(base);
    assertThat(hash(dir, "-e", "port=9")).as("extra vars").isNotEqualTo(base);
    assertThat(hash(dir, "--limit", "h1")).as("limit").isNotEqualTo(base);
    assertThat(hash(dir, "--tags", "conf")).as("tags").isNotEqualTo(base);
    assertThat(hash(dir, "--skip-tags", "conf")).as("skip tags").isNotEqualTo(base);
    assertThat(hash(dir, "--check")).as("check mode").isNotEqualTo(base);
    assertThat(hash(dir, "--diff")).as("diff mode").isNotEqualTo(base);
    assertThat(hash(dir, "--forks", "2")).as("forks").isNotEqualTo(base);
    for (String file : List.of("play.yml", "tasks.yml", "vars.yml", "conf.tpl", "hosts.yml", "group_vars/all.yml")) {
      Path p = dir.resolve(file);
      String before = Files.readString(p);
      Files.writeString(p, before.replace("\n", " \n").replace("blue", "red").replace("8250", "8251")
          .replace("h2: ", "h2: {x: 1}"));
      assertThat(hash(dir)).as("a change to " + file).isNotEqualTo(base);
      Files.writeString(p, before);
    }
    assertThat(hash(dir)).as("back as it was").isEqualTo(base);
  }

  @Test
  void theSameInputsFromAnotherFolderAreTheSamePlan() throws Exception {
    writeProject(dir.resolve("a"));
    writeProject(dir.resolve("b/elsewhere"));
    assertThat(hash(dir.resolve("b/elsewhere"))).isEqualTo(hash(dir.resolve("a")));
  }

  @Test
  void aCheckRunIsHeldToACheckPlanAndARealRunIsNot() throws Exception {
    writeProject(dir);
    String check = hash(dir, "--check");
    String play = dir.resolve("play.yml").toString();
    String inv = dir.resolve("hosts.yml").toString();
    String state = dir.resolve("state").toString();
    assertThat(runbook("run", play, "-i", inv, "--check", "--plan-hash", check, "--state-dir", state))
        .as(cli.err()).isZero();
    assertThat(runbook("run", play, "-i", inv, "--plan-hash", check, "--state-dir", state)).isEqualTo(4);
    assertThat(cli.err()).contains("the plan changed since it was reviewed");
    assertThat(runbook("run", play, "-i", inv, "--check", "-e", "port=1", "--plan-hash", check,
        "--state-dir", state)).as("another -e").isEqualTo(4);
  }
}
