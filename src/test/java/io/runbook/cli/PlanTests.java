package io.runbook.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runbook plan: batches, verdicts, the hash, and run --plan-hash. */
class PlanTests {
  @TempDir Path dir;
  private final Cli cli = new Cli();

  private int run(String... args) {
    return cli.run(io.runbook.journal.TestLocks.withLockDir(args, dir.resolve("locks")));
  }

  @Test
  void thePlanShowsBatchesGatesAndEachGuardsVerdictPerHost() throws Exception {
    Path inv = dir.resolve("hosts.yml");
    Files.writeString(inv, "all: {vars: {ansible_connection: local}, hosts: {p1: {role: old}, p2: {role: new}, p3: {role: old}}}\n");
    Path play = dir.resolve("p.yml");
    Files.writeString(play, """
        - hosts: all
          serial: [1, 2]
          before_batch:
            - {name: admit, debug: {msg: ok}}
          tasks:
            - {name: probe, command: "true", register: r}
            - {name: only old, debug: {msg: x}, when: role == 'old'}
            - {name: after probe, debug: {msg: x}, when: r.rc == 0}
        """);
    assertThat(run("plan", play.toString(), "-i", inv.toString(), "--format", "json")).isZero();
    JsonNode plan = new ObjectMapper().readTree(cli.out());
    JsonNode p = plan.at("/plays/0");
    assertThat(p.at("/batches").toString()).isEqualTo("[[\"p1\"],[\"p2\",\"p3\"]]");
    assertThat(p.at("/steps/0/kind").asText()).isEqualTo("before_batch");
    assertThat(p.at("/steps/2/name").asText()).isEqualTo("only old");
    assertThat(p.at("/steps/2/verdicts").toString()).isEqualTo("{\"p1\":\"runs\",\"p2\":\"skipped\",\"p3\":\"runs\"}");
    assertThat(p.at("/steps/3/verdicts/p1").asText()).isEqualTo("at run time");
    assertThat(plan.get("hash").asText()).hasSize(16);
  }

  @Test
  void aTaskFileImportedTwiceIsTwoStepsWithTheirOwnVerdicts() throws Exception {
    Path inv = dir.resolve("hosts.yml");
    Files.writeString(inv, "all: {vars: {ansible_connection: local}, hosts: {p1: , p2: }}\n");
    Files.writeString(dir.resolve("svc.yml"), "- {name: service, debug: {msg: \"{{ state }}\"}, when: state == 'started'}\n");
    Path play = dir.resolve("p.yml");
    Files.writeString(play, """
        - hosts: all
          serial: 1
          tasks:
            - {import_tasks: svc.yml, vars: {state: stopped}}
            - {import_tasks: svc.yml, vars: {state: started}}
        """);
    assertThat(run("plan", play.toString(), "-i", inv.toString(), "--format", "json")).isZero();
    JsonNode steps = new ObjectMapper().readTree(cli.out()).at("/plays/0/steps");
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).get("verdicts").toString()).isEqualTo("{\"p1\":\"skipped\",\"p2\":\"skipped\"}");
    assertThat(steps.get(1).get("verdicts").toString()).isEqualTo("{\"p1\":\"runs\",\"p2\":\"runs\"}");
  }

  @Test
  void runRefusesAPlanThatChangedSinceItWasReviewed() throws Exception {
    Path inv = dir.resolve("hosts.yml");
    Files.writeString(inv, "all: {vars: {ansible_connection: local}, hosts: {p1: }}\n");
    Path play = dir.resolve("p.yml");
    Files.writeString(play, "- hosts: all\n  tasks:\n    - {name: a, command: \"touch " + dir + "/ran\"}\n");
    run("plan", play.toString(), "-i", inv.toString(), "--format", "json");
    String hash = new ObjectMapper().readTree(cli.out()).get("hash").asText();
    run("plan", play.toString(), "-i", inv.toString(), "--format", "json");
    assertThat(new ObjectMapper().readTree(cli.out()).get("hash").asText()).as("stable").isEqualTo(hash);
    Files.writeString(play, Files.readString(play) + "    - {name: b, command: \"true\"}\n");
    assertThat(run("run", play.toString(), "-i", inv.toString(), "--plan-hash", hash,
        "--state-dir", dir.resolve("state").toString())).isEqualTo(4);
    assertThat(cli.err()).contains("the plan changed since it was reviewed");
    assertThat(dir.resolve("ran")).doesNotExist();
    run("plan", play.toString(), "-i", inv.toString(), "--format", "json");
    String now = new ObjectMapper().readTree(cli.out()).get("hash").asText();
    assertThat(run("run", play.toString(), "-i", inv.toString(), "--plan-hash", now,
        "--state-dir", dir.resolve("state").toString())).isZero();
    assertThat(dir.resolve("ran")).exists();
  }

  @Test
  void metaStepsShowWhatTheyDoAndTheHostsTheyEndAreEndedInTheStepsAfter() throws Exception {
    Path inv = dir.resolve("hosts.yml");
    Files.writeString(inv, "all: {vars: {ansible_connection: local}, hosts: {p1: , p2: , p3: , p4: }}\n");
    Path play = dir.resolve("p.yml");
    Files.writeString(play, """
        - hosts: all
          serial: 2
          tasks:
            - meta: flush_handlers
            - {name: end p2, meta: end_host, when: inventory_hostname == 'p2'}
            - {name: probe, command: "true", register: r}
            - {name: maybe, meta: end_batch, when: r.rc == 0}
            - {name: stop, meta: end_play}
            - {name: never, debug: {msg: x}}
        """);
    assertThat(run("plan", play.toString(), "-i", inv.toString(), "--format", "json")).isZero();
    JsonNode steps = new ObjectMapper().readTree(cli.out()).at("/plays/0/steps");
    assertThat(steps.get(0).get("action").asText()).isEqualTo("meta: flush_handlers");
    assertThat(steps.get(0).get("name").asText()).isEqualTo("meta: flush_handlers");
    assertThat(steps.get(0).get("verdicts").get("p1").asText()).isEqualTo("runs notified handlers");
    // the end_play below has no guard: it ends the play in the first batch, so the second never runs
    assertThat(steps.get(1).get("verdicts").toString()).isEqualTo(
        "{\"p1\":\"skipped\",\"p2\":\"ends the play for the host\",\"p3\":\"ended\",\"p4\":\"ended\"}");
    assertThat(steps.get(2).get("verdicts").get("p2").asText()).isEqualTo("ended");
    assertThat(steps.get(3).get("verdicts").get("p1").asText()).isEqualTo("at run time");
    assertThat(steps.get(4).get("verdicts").toString())
        .isEqualTo("{\"p1\":\"ends the play\",\"p2\":\"ended\",\"p3\":\"ended\",\"p4\":\"ended\"}");
    assertThat(steps.get(5).get("verdicts").toString())
        .isEqualTo("{\"p1\":\"ended\",\"p2\":\"ended\",\"p3\":\"ended\",\"p4\":\"ended\"}");
  }
}
