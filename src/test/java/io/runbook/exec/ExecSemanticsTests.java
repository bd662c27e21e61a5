package io.runbook.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.report.HostResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per semantic rule of DESIGN.md §3, Ansible's traps included. */
class ExecSemanticsTests {
  @TempDir Path dir;

  private Fixture fixture() {
    return new Fixture(dir);
  }

  @Test
  void retriesMeansAttemptsIsRetriesPlusOne() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - name: flaky
              command: /bin/false
              register: r
              retries: 2
              delay: 1
              until: r.rc == 0
        """);
    assertThat(l.of("flaky")).containsExactly("failed h1");
    assertThat(l.retries).containsExactly("h1 2", "h1 1");
    assertThat(l.last("flaky", "h1").result()).containsEntry("attempts", 3);
    assertThat(l.exitCode).isEqualTo(2);
  }

  @Test
  void untilStopsRetryingAsSoonAsItHolds() {
    Fixture f = fixture();
    f.write("count.sh", "n=$(cat " + dir + "/n 2>/dev/null || echo 0); n=$((n+1)); echo $n > "
        + dir + "/n; echo $n\n");
    RecordingListener l = f.run("""
        - hosts: h1
          tasks:
            - name: wait for three
              command: sh %s/count.sh
              register: r
              retries: 10
              delay: 2
              until: r.stdout == '3'
        """.formatted(dir));
    assertThat(l.of("wait for three")).containsExactly("changed h1");
    assertThat(l.last("wait for three", "h1").result()).containsEntry("attempts", 3);
    assertThat(f.clock.sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void backoffMultipliesTheDelayUpToItsCap() {
    Fixture f = fixture();
    f.run("""
        - hosts: h1
          tasks:
            - name: backing off
              command: /bin/false
              retries: 4
              delay: 1
              backoff: 3
              max_delay: 5
              ignore_errors: true
        """);
    assertThat(f.clock.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(3),
        Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  @Test
  void maxFailPercentageMustBeExceededNotEqualled() {
    String play = """
        - hosts: web
          max_fail_percentage: %s
          tasks:
            - name: half fail
              fail: {}
              when: inventory_hostname == 'h1' or inventory_hostname == 'h2'
            - name: next
              debug: {msg: hi}
        """;
    RecordingListener equalled = fixture().run(play.formatted(50));
    assertThat(equalled.abortReason).isNull();
    assertThat(equalled.of("next")).containsExactly("ok h3", "ok h4");

    RecordingListener exceeded = fixture().run(play.formatted(49));
    assertThat(exceeded.abortReason).contains("max_fail_percentage 49 exceeded: 2 of 4");
    assertThat(exceeded.of("next")).isEmpty();
    assertThat(exceeded.exitCode).isEqualTo(2);
  }

  @Test
  void maxFailPercentageCountsPerBatch() {
    RecordingListener l = fixture().run("""
        - hosts: web
          serial: 2
          max_fail_percentage: 50
          tasks:
            - name: one per batch fails
              fail: {}
              when: inventory_hostname == 'h1' or inventory_hostname == 'h3'
        """);
    assertThat(l.abortReason).isNull();
    assertThat(l.batches).containsExactly(List.of("h1", "h2"), List.of("h3", "h4"));
  }

  @Test
  void whenEveryHostOfABatchFailsTheRunStops() {
    RecordingListener l = fixture().run("""
        - hosts: web
          serial: 1
          tasks:
            - name: boom
              fail: {msg: down}
              when: inventory_hostname == 'h2'
        - hosts: web
          tasks:
            - name: second play
              debug: {msg: never}
        """);
    assertThat(l.batches).containsExactly(List.of("h1"), List.of("h2"));
    assertThat(l.abortReason).contains("every host of the batch failed (h2)");
    assertThat(l.of("second play")).isEmpty();
  }

  @Test
  void anyErrorsFatalFinishesTheTaskThenStopsEveryHost() {
    RecordingListener l = fixture().run("""
        - hosts: web
          any_errors_fatal: true
          tasks:
            - name: one fails
              fail: {}
              when: inventory_hostname == 'h2'
            - name: after
              debug: {msg: no}
        """);
    assertThat(l.of("one fails")).containsExactly("skipped h1", "failed h2", "skipped h3", "skipped h4");
    assertThat(l.of("after")).isEmpty();
    assertThat(l.abortReason).contains("any_errors_fatal");
  }

  @Test
  void runOnceRunsOncePerBatchAndSharesItsResult() {
    RecordingListener l = fixture().run("""
        - hosts: web
          serial: 2
          tasks:
            - name: once
              command: echo {{ inventory_hostname }}
              run_once: true
              register: first
            - name: show
              debug: {msg: "{{ first.stdout }}"}
        """);
    assertThat(l.of("once")).containsExactly("changed h1", "changed h3");
    assertThat(l.results.stream().filter(r -> r.task().name().equals("show"))
        .map(r -> r.host() + "=" + r.result().get("msg")))
        .containsExactly("h1=h1", "h2=h1", "h3=h3", "h4=h3");
  }

  @Test
  void hostsRunInThePatternsOrderAndReverseInventoryReversesIt() {
    RecordingListener l = fixture().run("""
        - hosts: h3:h1:web
          order: reverse_inventory
          tasks:
            - name: t
              debug: {msg: x}
        """);
    // Ansible: h3, h1, then web's others (h2, h4); reverse_inventory reverses that
    assertThat(l.of("t")).containsExactly("ok h4", "ok h2", "ok h1", "ok h3");
  }

  @Test
  void serialListRepeatsItsLastSize() {
    RecordingListener l = fixture().run("""
        - hosts: web
          serial: [1, "50%"]
          tasks:
            - name: t
              debug: {msg: x}
        """);
    assertThat(l.batches).containsExactly(List.of("h1"), List.of("h2", "h3"), List.of("h4"));
  }

  @Test
  void registerWhenFailedWhenAndChangedWhen() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - name: probe
              command: echo ready
              register: probe
              changed_when: false
              failed_when: "'ready' != probe.stdout"
            - name: guarded
              debug: {msg: "{{ probe.stdout }}"}
              when: probe.stdout == 'ready'
            - name: skipped
              debug: {msg: no}
              when: [probe.stdout == 'ready', probe.rc == 1]
        """);
    assertThat(l.of("probe")).containsExactly("ok h1");
    assertThat(l.of("guarded")).containsExactly("ok h1");
    assertThat(l.of("skipped")).containsExactly("skipped h1");
  }

  @Test
  void failedWhenCanTurnAFailureIntoSuccess() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - name: grep finds nothing
              command: /bin/false
              register: r
              failed_when: r.rc > 1
        """);
    assertThat(l.of("grep finds nothing")).containsExactly("changed h1");
    assertThat(l.exitCode).isZero();
  }

  @Test
  void ignoreErrorsLetsTheHostContinueAndCountsIgnored() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - name: fails
              fail: {msg: nope}
              ignore_errors: true
            - name: continues
              debug: {msg: yes}
        """);
    assertThat(l.of("continues")).containsExactly("ok h1");
    assertThat(l.recap.of("h1").ignored()).isEqualTo(1);
    assertThat(l.recap.of("h1").failed()).isZero();
    assertThat(l.exitCode).isZero();
  }

  @Test
  void loopRunsPerItemWithLabelIndexAndPause() {
    Fixture f = fixture();
    RecordingListener l = f.run("""
        - hosts: h1
          tasks:
            - name: each
              debug: {msg: "{{ idx }}:{{ port.n }}"}
              loop: [{n: 8250}, {n: 8251}]
              loop_control: {loop_var: port, index_var: idx, label: "{{ port.n }}", pause: 3}
              register: out
            - name: after
              debug: {msg: "{{ size(out.results) }}"}
        """);
    assertThat(l.results.stream().filter(r -> r.task().name().equals("each"))
        .map(r -> r.item() + "=" + r.result().get("msg"))).containsExactly("8250=0:8250", "8251=1:8251");
    assertThat(f.clock.sleeps).containsExactly(Duration.ofSeconds(3));
    assertThat(l.last("after", "h1").result()).containsEntry("msg", 2L);
    assertThat(l.recap.of("h1").ok()).isEqualTo(2);
  }

  @Test
  void whenIsEvaluatedPerLoopItem() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - name: odd
              debug: {msg: "{{ item }}"}
              loop: [1, 2, 3]
              when: item % 2 == 1
        """);
    assertThat(l.events).containsSubsequence("ok h1 (1)", "skipped h1 (2)", "ok h1 (3)");
  }

  @Test
  void blockRescueAlways() {
    RecordingListener l = fixture().run("""
        - hosts: h1:h2
          tasks:
            - block:
                - name: risky
                  fail: {}
                  when: inventory_hostname == 'h1'
                - name: after risky
                  debug: {msg: x}
              rescue:
                - name: rescue
                  debug: {msg: rescued}
              always:
                - name: always
                  debug: {msg: always}
            - name: next
              debug: {msg: next}
        """);
    assertThat(l.of("after risky")).containsExactly("ok h2");
    assertThat(l.of("rescue")).containsExactly("ok h1");
    assertThat(l.of("always")).containsExactly("ok h1", "ok h2");
    assertThat(l.of("next")).containsExactly("ok h1", "ok h2");
    assertThat(l.recap.of("h1").rescued()).isEqualTo(1);
    assertThat(l.recap.of("h1").failed()).isZero();
    assertThat(l.exitCode).isZero();
  }

  @Test
  void alwaysRunsForAHostThatFailedWithoutRescueAndTheHostStaysFailed() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - block:
                - name: risky
                  fail: {}
              always:
                - name: cleanup
                  debug: {msg: x}
            - name: next
              debug: {msg: x}
        """);
    assertThat(l.of("cleanup")).containsExactly("ok h1");
    assertThat(l.of("next")).isEmpty();
    assertThat(l.exitCode).isEqualTo(2);
  }

  @Test
  void handlersRunOnceInHandlerOrderAfterTheSection() {
    RecordingListener l = fixture().run("""
        - hosts: h1:h2
          tasks:
            - name: change a
              command: /bin/true
              notify: [second, first]
            - name: change b
              command: /bin/true
              notify: first
              when: inventory_hostname == 'h2'
            - name: unchanged
              command: /bin/true
              changed_when: false
              notify: never
          handlers:
            - name: first
              debug: {msg: 1}
            - name: second
              debug: {msg: 2}
            - name: never
              debug: {msg: 3}
        """);
    assertThat(l.tasksRun()).containsExactly("task change a", "task change b", "task unchanged",
        "running handler first", "running handler second");
    assertThat(l.of("first")).containsExactly("ok h1", "ok h2");
  }

  @Test
  void tagsAlwaysAndNever() {
    Fixture f = fixture();
    f.options = f.options.withTags(List.of("upgrade"), List.of());
    RecordingListener l = f.run("""
        - hosts: h1
          tasks:
            - {name: tagged, debug: {msg: x}, tags: upgrade}
            - {name: other, debug: {msg: x}, tags: [config]}
            - {name: always, debug: {msg: x}, tags: always}
            - {name: never, debug: {msg: x}, tags: [never]}
            - {name: never but asked, debug: {msg: x}, tags: [never, upgrade]}
        """);
    assertThat(l.tasksRun()).containsExactly("task tagged", "task always", "task never but asked");
  }

  @Test
  void checkModeRunsNothingThatWouldChangeAndCheckModeFalseOverrides() {
    Fixture f = fixture();
    f.options = f.options.withCheckMode(true);
    RecordingListener l = f.run("""
        - hosts: h1
          tasks:
            - name: would run
              command: touch %s/made
            - name: forced
              command: touch %s/forced
              check_mode: false
        """.formatted(dir, dir));
    assertThat(l.of("would run")).containsExactly("skipped h1");
    assertThat(dir.resolve("made")).doesNotExist();
    assertThat(dir.resolve("forced")).exists();
  }

  @Test
  void delegateToLocalhostKeepsTheHostsVariables() {
    RecordingListener l = fixture().run("""
        - hosts: h2
          vars: {who: "{{ inventory_hostname }}"}
          tasks:
            - name: delegated
              command: echo {{ who }}
              delegate_to: localhost
              register: r
            - name: show
              debug: {msg: "{{ r.stdout }}"}
        """);
    HostResult r = l.last("delegated", "h2");
    assertThat(r.delegatedTo()).isEqualTo("localhost");
    assertThat(l.last("show", "h2").result()).containsEntry("msg", "h2");
  }

  @Test
  void taskTimeoutStopsALongCommand() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - name: slow
              command: sleep 30
              timeout: 1
        """);
    assertThat(l.of("slow")).containsExactly("failed h1");
    assertThat(String.valueOf(l.last("slow", "h1").message())).contains("timed out");
  }

  @Test
  void extraVarsWinOverEveryOtherLevel() {
    Fixture f = fixture();
    f.options = f.options.withExtraVars(Map.of("level", "extra"));
    RecordingListener l = f.run("""
        - hosts: h1
          vars: {level: play}
          tasks:
            - name: fact
              set_fact: {level: fact}
            - name: show
              debug: {msg: "{{ level }}"}
              vars: {level: task}
        """);
    assertThat(l.last("show", "h1").result()).containsEntry("msg", "extra");
  }

  @Test
  void precedenceInventoryPlayTaskFact() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          vars: {a: play, b: play, c: play}
          tasks:
            - name: fact
              set_fact: {c: fact}
            - name: show
              debug: {msg: "{{ inv }} {{ a }} {{ b }} {{ c }}"}
              vars: {b: task, c: task}
        """, """
        all:
          vars: {ansible_connection: local, inv: inventory, a: inventory}
          hosts: {h1: }
        """);
    assertThat(l.last("show", "h1").result()).containsEntry("msg", "inventory play task fact");
  }

  @Test
  void forksRunHostsInParallelButTasksInLockstep() {
    Fixture f = fixture();
    f.options = f.options.withForks(4);
    RecordingListener l = f.run("""
        - hosts: web
          tasks:
            - name: first
              command: /bin/true
            - name: second
              command: /bin/true
        """);
    int lastFirst = -1;
    int firstSecond = Integer.MAX_VALUE;
    for (int i = 0; i < l.results.size(); i++) {
      String t = l.results.get(i).task().name();
      if (t.equals("first")) {
        lastFirst = i;
      } else if (firstSecond == Integer.MAX_VALUE) {
        firstSecond = i;
      }
    }
    assertThat(lastFirst).isLessThan(firstSecond);
    assertThat(l.of("second")).hasSize(4);
  }

  @Test
  void includeTasksReadsItsFileAtRunTimeAndLoops() {
    Fixture f = fixture();
    f.write("tasks/step.yml", """
        - name: step
          debug: {msg: "{{ inventory_hostname }} {{ item }}"}
        """);
    RecordingListener l = f.run("""
        - hosts: h1
          vars: {which: step}
          tasks:
            - include_tasks: "tasks/{{ which }}.yml"
              loop: [a, b]
        """);
    assertThat(l.of("step").stream().count()).isEqualTo(2);
    assertThat(l.results.stream().filter(r -> r.task().name().equals("step")).map(r -> r.result().get("msg")))
        .containsExactly("h1 a", "h1 b");
    assertThat(l.events).containsSubsequence("task include_tasks", "ok h1 (a)", "task step", "ok h1",
        "task include_tasks", "ok h1 (b)", "task step", "ok h1");
    assertThat(l.recap.of("h1").ok()).as("each included item and each step").isEqualTo(4);
  }

  @Test
  void anIncludeThatCannotBeReadFailsItsHostWithoutCountingItIncluded() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          vars: {which: missing}
          tasks:
            - name: missing
              include_tasks: "tasks/{{ which }}.yml"
        """);
    assertThat(l.of("missing")).containsExactly("failed h1");
    assertThat(l.recap.of("h1")).isEqualTo(new io.runbook.report.Recap.Counts(0, 0, 0, 1, 0, 0, 0, 0));
  }

  @Test
  void importTasksCarriesItsWhenAndTagsToEveryTask() {
    Fixture f = fixture();
    f.write("tasks/two.yml", """
        - {name: one, debug: {msg: x}}
        - {name: two, debug: {msg: x}}
        """);
    RecordingListener l = f.run("""
        - hosts: h1:h2
          tasks:
            - import_tasks: tasks/two.yml
              when: inventory_hostname == 'h2'
        """);
    assertThat(l.of("one")).containsExactly("skipped h1", "ok h2");
    assertThat(l.of("two")).containsExactly("skipped h1", "ok h2");
  }

  @Test
  void aFailedHostLeavesTheRunButOthersGoOn() {
    RecordingListener l = fixture().run("""
        - hosts: h1:h2
          tasks:
            - name: breaks h1
              command: /bin/false
              when: inventory_hostname == 'h1'
        - hosts: h1:h2
          tasks:
            - name: later play
              debug: {msg: x}
        """);
    assertThat(l.of("later play")).containsExactly("ok h2");
    assertThat(l.exitCode).isEqualTo(2);
  }

  @Test
  void anExpressionErrorFailsThatHostWithItsPosition() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - name: typo
              debug: {msg: "{{ undefined_thing }}"}
        """);
    assertThat(l.of("typo")).containsExactly("failed h1");
    assertThat(l.last("typo", "h1").message()).contains("play.yml:4:").contains("undefined_thing");
  }

  @Test
  void playEnvironmentAndConnectionReachEveryTask() {
    RecordingListener l = fixture().run("""
        - hosts: far
          connection: local
          environment: {RUNBOOK_STAGE: canary}
          tasks:
            - name: env
              shell: echo $RUNBOOK_STAGE
              register: r
            - name: show
              debug: {msg: "{{ r.stdout }}"}
        """, """
        all: {hosts: {far: {ansible_host: 127.0.0.1, ansible_port: 1}}}
        """);
    assertThat(l.last("show", "far").result()).containsEntry("msg", "canary");
  }

  @Test
  void noLogHidesResultsAndMessages() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - name: secret
              command: echo hunter2
              no_log: true
            - name: secret failure
              fail: {msg: "password hunter2 rejected"}
              no_log: true
              ignore_errors: true
        """);
    assertThat(l.results).allSatisfy(r -> {
      assertThat(String.valueOf(r.result())).doesNotContain("hunter2");
      assertThat(String.valueOf(r.message())).doesNotContain("hunter2");
    });
  }

  @Test
  void shellQuotesTemplatedValuesUnlessToldRaw() {
    Fixture f = fixture();
    f.options = f.options.withExtraVars(Map.of("evil", "x; touch " + dir + "/pwned"));
    RecordingListener l = f.run("""
        - hosts: h1
          tasks:
            - name: quoted
              shell: echo {{ evil }}
              register: r
            - name: show
              debug: {msg: "{{ r.stdout }}"}
        """);
    assertThat(dir.resolve("pwned")).doesNotExist();
    assertThat(l.last("show", "h1").result()).containsEntry("msg", "x; touch " + dir + "/pwned");
  }

  @Test
  void varsFilesStaticAndTemplatedWinOverPlayVars() {
    Fixture f = fixture();
    f.write("vars/common.yml", "port: 8250\nname: common\n");
    f.write("vars/prod.yml", "name: prod\n");
    RecordingListener l = f.run("""
        - hosts: h1
          vars: {env: prod, name: play, port: 1}
          vars_files:
            - vars/common.yml
            - "vars/{{ env }}.yml"
          tasks:
            - name: show
              debug: {msg: "{{ name }}:{{ port }}"}
        """);
    assertThat(l.last("show", "h1").result()).containsEntry("msg", "prod:8250");
  }

  @Test
  void importPlaybookRunsItsPlaysInPlace() {
    Fixture f = fixture();
    f.write("first.yml", "- hosts: h1\n  tasks:\n    - {name: imported, debug: {msg: x}}\n");
    RecordingListener l = f.run("""
        - import_playbook: first.yml
        - hosts: h2
          tasks:
            - {name: own, debug: {msg: y}}
        """);
    assertThat(l.tasksRun()).containsExactly("task imported", "task own");
  }

  @Test
  void aVariableThatRefersToItselfIsNamed() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          vars: {a: "{{ b }}", b: "{{ a }}"}
          tasks:
            - name: loop
              debug: {msg: "{{ a }}"}
        """);
    assertThat(l.last("loop", "h1").message()).contains("refers to itself").contains("a -> b -> a");
  }

  @Test
  void magicVariablesHostvarsGroupsAndBatch() {
    RecordingListener l = fixture().run("""
        - hosts: web
          serial: 2
          tasks:
            - name: fact
              set_fact: {secret_port: "{{ 9000 + size(inventory_hostname) }}"}
            - name: show
              debug:
                msg: "{{ hostvars['h1'].secret_port }} {{ size(groups['web']) }} {{ join(ansible_play_batch, ',') }} {{ hostvars.h2.inventory_hostname }}"
              when: inventory_hostname == 'h2'
        """);
    assertThat(l.last("show", "h2").result()).containsEntry("msg", "9002 4 h1,h2 h2");
  }

  @Test
  void becomeRunsTasksThroughSudoWithThePasswordFromTheRun() throws Exception {
    Path sudo = dir.resolve("bin/sudo");
    java.nio.file.Files.createDirectories(sudo.getParent());
    java.nio.file.Files.copy(Path.of("src/test/resources/fixtures/become/fake-sudo"), sudo);
    sudo.toFile().setExecutable(true);
    Fixture f = fixture();
    f.options = f.options.withBecomePassword("s3cret");
    RecordingListener l = f.run("""
        - hosts: h1
          become: true
          vars: {ansible_become_exe: "%s"}
          tasks:
            - name: as root
              shell: echo $SUDO_AS
              register: a
            - name: as tidb
              shell: echo $SUDO_AS
              become_user: tidb
              register: b
            - name: not at all
              shell: echo "${SUDO_AS:-me}"
              become: false
              register: c
            - name: show
              debug: {msg: "{{ a.stdout }} {{ b.stdout }} {{ c.stdout }}"}
        """.formatted(sudo));
    assertThat(l.last("show", "h1").result()).containsEntry("msg", "root tidb me");
  }

  @Test
  void batchGatesRunOnTheControllerOncePerBatchWithTheBatchSet() {
    RecordingListener l = fixture().run("""
        - hosts: web
          serial: 2
          before_batch:
            - name: admit
              debug: {msg: "{{ join(ansible_play_batch, ',') }}"}
          tasks:
            - name: work
              command: "true"
          after_batch:
            - name: check
              assert: {that: size(ansible_play_batch) == 2}
        """);
    assertThat(l.results.stream().filter(r -> r.task().name().equals("admit"))
        .map(r -> r.host() + " " + r.result().get("msg"))).containsExactly("localhost h1,h2", "localhost h3,h4");
    assertThat(l.events).containsSubsequence("before batch admit", "task work", "after batch check",
        "before batch admit", "task work", "after batch check");
  }

  @Test
  void aFailingGateStopsTheRunBeforeTheNextHostIsTouched() {
    RecordingListener l = fixture().run("""
        - hosts: web
          serial: 1
          tasks:
            - name: work
              command: "true"
          after_batch:
            - name: healthy
              assert:
                that: inventory_hostname != 'localhost' or size(ansible_play_batch) == 0
                fail_msg: "cluster unhealthy after {{ ansible_play_batch[0] }}"
        """);
    assertThat(l.of("work")).containsExactly("changed h1");
    assertThat(l.abortReason).contains("after_batch gate failed for batch [h1]")
        .contains("'healthy'").contains("cluster unhealthy after h1");
    assertThat(l.exitCode).isEqualTo(2);
  }

  @Test
  void aViolatedInvariantStopsTheRunBeforeTheNextHostAndNamesTheProbesAnswer() throws Exception {
    Fixture f = fixture();
    f.write("health", "ok\n");
    RecordingListener l = f.run("""
        - hosts: web
          serial: 1
          invariants:
            - name: the cluster is healthy
              probe: {command: "cat %1$s/health"}
              that: probe.stdout == 'ok'
              interval: 0.05
          tasks:
            - name: breaks health on h2
              shell: echo down > %1$s/health
              when: inventory_hostname == 'h2'
            - name: takes a while
              command: sleep 0.4
        """.formatted(dir));
    assertThat(l.of("takes a while")).contains("changed h1").doesNotContain("changed h3");
    assertThat(l.abortReason).contains("invariant 'the cluster is healthy'").contains("probe.stdout == 'ok' did not hold")
        .contains("down");
    assertThat(l.results).noneMatch(r -> r.host().equals("h3"));
    assertThat(l.exitCode).isEqualTo(2);
  }

  @Test
  void anInvariantThatDoesNotHoldAtAdmissionTouchesNoHost() {
    RecordingListener l = fixture().run("""
        - hosts: web
          invariants:
            - name: a second pump is online
              probe: {command: "echo 1"}
              that: [int(probe.stdout) >= 2]
          tasks:
            - name: never
              command: "true"
        """);
    assertThat(l.results).isEmpty();
    assertThat(l.abortReason).contains("invariant 'a second pump is online' does not hold, so batch [h1, h2, h3, h4] was not started")
        .contains("int(probe.stdout) >= 2 did not hold");
  }

  @Test
  void anArgumentWhoseValueIsOmitIsLeftOut() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - name: chdir left out
              command:
                cmd: /bin/echo hi
                chdir: "{{ not_set | default(omit) }}"
              register: r
              changed_when: false
            - name: it ran where it would have without chdir
              assert:
                that: r.stdout == 'hi'
            - name: omit written into text is an error
              command: "/bin/echo {{ omit }}"
              ignore_errors: true
              register: bad
            - name: which says why
              assert:
                that: "'whole argument' in bad.msg"
        """);
    assertThat(l.of("chdir left out")).containsExactly("ok h1");
    assertThat(l.of("it ran where it would have without chdir")).containsExactly("ok h1");
    assertThat(l.of("which says why")).containsExactly("ok h1");
  }
}
