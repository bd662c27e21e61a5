package io.runbook.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.plan.PlanTrace;
import io.runbook.report.HostResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan is the program: for every fixture playbook and for scenarios of each planning rule,
 * the (batch, host, step id) sequence the run starts is the one its plan shows.
 */
class PlanIsTheRunTests {
  @TempDir Path dir;

  static Stream<Arguments> fixturePlaybooks() {
    Path fixtures = Path.of("src/test/resources/fixtures");
    return Stream.of(
        Arguments.of(fixtures.resolve("cli/rolling.yml"), fixtures.resolve("cli/hosts.yml")),
        Arguments.of(fixtures.resolve("exec/ansible/playbook.yml"), fixtures.resolve("exec/ansible/hosts.yml")),
        Arguments.of(fixtures.resolve("meta/playbook.yml"), fixtures.resolve("meta/hosts.ini")));
  }

  @ParameterizedTest
  @MethodSource("fixturePlaybooks")
  void aFixturePlaybookRunsAsPlanned(Path playbook, Path inventory) throws Exception {
    Path copy = dir.resolve("copy");
    copyTree(playbook.getParent(), copy);
    Fixture f = new Fixture(dir);
    RecordingListener run = f.run(copy.resolve(playbook.getFileName()), copy.resolve(inventory.getFileName()));
    assertFollowsPlan(f, run);
  }

  @Test
  void serialOneWithReverseInventoryTakesTheLastHostFirstAsPlanned() {
    Fixture f = new Fixture(dir);
    RecordingListener run = f.run("""
        - hosts: web
          serial: 1
          order: reverse_inventory
          tasks:
            - {name: touch, command: "true"}
        """);
    assertThat(f.lastPlan.plays().get(0).batches().get(0)).containsExactly("h4");
    assertThat(run.starts.get(0).host()).isEqualTo("h4");
    assertFollowsPlan(f, run);
  }

  @Test
  void aShuffledOrderIsDrawnOnceByThePlanAndTheSameInputsDrawTheSameOrder() {
    Fixture f = new Fixture(dir);
    String play = """
        - hosts: web
          serial: 2
          order: shuffle
          tasks:
            - {name: touch, command: "true"}
        """;
    RecordingListener first = f.run(play);
    List<String> order = f.lastPlan.plays().get(0).hosts();
    assertFollowsPlan(f, first);
    f.run(play);
    assertThat(f.lastPlan.plays().get(0).hosts()).isEqualTo(order);
  }

  @Test
  void blocksIncludesHandlersGatesTagsAndRunOnceRunAsPlanned() {
    Fixture f = new Fixture(dir);
    f.write("inc.yml", """
        - {name: included, debug: {msg: "{{ item | default('x') }}"}}
        """);
    f.options = f.options.withTags(List.of("go"), List.of());
    RecordingListener run = f.run("""
        - hosts: web
          serial: [1, 3]
          before_batch:
            - {name: admit, debug: {msg: "{{ ansible_play_batch }}"}}
          tasks:
            - name: guarded
              tags: [go]
              block:
                - {name: fails on h2, command: "false", when: inventory_hostname == 'h2'}
                - {name: after, debug: {msg: ok}}
              rescue:
                - {name: rescued, debug: {msg: r}}
              always:
                - {name: always, debug: {msg: a}, notify: h}
            - {name: not selected, debug: {msg: no}}
            - {name: once, debug: {msg: once}, run_once: true, tags: [go]}
            - {name: include, include_tasks: inc.yml, loop: [1, 2], tags: [go]}
            - {name: on run result, debug: {msg: y}, when: ansible_play_batch | length > 1, tags: [always]}
          handlers:
            - {name: h, debug: {msg: handled}}
          after_batch:
            - {name: check, debug: {msg: done}}
        """);
    assertThat(run.starts).extracting(PlanTrace.Start::step).doesNotContain("p1.t2");
    assertThat(run.starts).anyMatch(s -> s.step().startsWith("p1.t4[inc.yml]."));
    assertFollowsPlan(f, run);
  }

  @Test
  void aHostThatFailsLeavesThePlannedStepsItDidNotReach() {
    Fixture f = new Fixture(dir);
    RecordingListener run = f.run("""
        - hosts: web
          tasks:
            - {name: fails on h3, command: "false", when: inventory_hostname == 'h3'}
            - {name: later, debug: {msg: ok}}
        """);
    assertThat(run.starts).noneMatch(s -> s.host().equals("h3") && s.step().equals("p1.t2"));
    assertFollowsPlan(f, run);
  }

  @Test
  void aPlayWhoseHostsReadWhatAnEarlierPlayLeftIsPlannedWhenItStarts() {
    Fixture f = new Fixture(dir);
    RecordingListener run = f.run("""
        - hosts: h1
          tasks:
            - set_fact: {target: "h3:h2"}
        - hosts: "{{ hostvars['h1'].target }}"
          serial: 1
          tasks:
            - {name: touch, command: "true"}
        """);
    var second = f.lastPlan.plays().get(1);
    assertThat(second.hostsAtRunTime()).isTrue();
    assertThat(second.hosts()).isEmpty();
    assertThat(run.batches).containsExactly(List.of("h3"), List.of("h2"));
    assertThat(run.starts).filteredOn(s -> s.step().equals("p2.t1")).extracting(PlanTrace.Start::host)
        .containsExactly("h3", "h2");
  }

  private static void assertFollowsPlan(Fixture f, RecordingListener run) {
    PlanTrace.LeftEarly left = new PlanTrace.LeftEarly();
    for (HostResult r : run.results) {
      Object msg = r.result() == null ? null : r.result().get("msg");
      left.result(r.host(), r.status().name().toLowerCase(java.util.Locale.ROOT), r.ignored(), r.task().action(),
          msg == null ? null : msg.toString());
    }
    if (run.abortReason != null) {
      left.aborted();
    }
    PlanTrace.assertRunFollows(f.lastPlan.view(), run.starts, left);
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (Stream<Path> files = java.nio.file.Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (java.nio.file.Files.isDirectory(p)) {
          java.nio.file.Files.createDirectories(target);
        } else {
          java.nio.file.Files.copy(p, target);
        }
      }
    }
  }
}
