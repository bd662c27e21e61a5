package io.runbook.exec;

import io.runbook.model.Status;
import io.runbook.report.HostResult;
import io.runbook.report.Recap;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code meta} tasks and the {@code args} keyword, with ansible-core 2.14's semantics (each
 * checked there with ansible-playbook; see fixtures/meta/README.md).
 */
class MetaAndArgsTests {
  @TempDir Path dir;

  private Fixture fixture() {
    return new Fixture(dir);
  }

  @Test
  void flushHandlersRunsTheNotifiedHandlersThenAndNotAgainAtTheEnd() {
    RecordingListener l = fixture().run("""
        - hosts: h1:h2
          tasks:
            - name: change
              command: /bin/true
              notify: restart
            - meta: flush_handlers
            - name: after the flush
              debug: {msg: after}
            - name: change h2 again
              command: /bin/true
              notify: restart
              when: inventory_hostname == 'h2'
          handlers:
            - name: restart
              debug: {msg: restarted}
        """);
    assertThat(l.tasksRun()).containsExactly("task change", "task meta: flush_handlers",
        "running handler restart", "task after the flush", "task change h2 again",
        "running handler restart");
    // at the flush for both hosts; at the end only for h2, which notified it again
    assertThat(l.of("restart")).containsExactly("ok h1", "ok h2", "ok h2");
    assertThat(l.exitCode).isZero();
  }

  @Test
  void flushHandlersInsideABlockRunsTheHandlersWithThePlaysKeywordsNotTheBlocks() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - block:
                - name: change
                  command: /bin/true
                  notify: restart
                - meta: flush_handlers
              vars:
                label: from-block
          handlers:
            - name: restart
              debug: {msg: "{{ label | default('play') }}"}
        """);
    assertThat(l.of("restart")).containsExactly("ok h1");
    assertThat(l.last("restart", "h1").result().get("msg")).isEqualTo("play");
  }

  @Test
  void endPlayStopsThePlayForEveryHostAndItsLaterBatchesAndTheNextPlayRuns() {
    RecordingListener l = fixture().run("""
        - hosts: web
          serial: 2
          tasks:
            - name: before
              command: /bin/true
              notify: restart
            - name: stop
              meta: end_play
            - name: never
              debug: {msg: never}
          post_tasks:
            - name: never either
              debug: {msg: never}
          handlers:
            - name: restart
              debug: {msg: never}
        - hosts: web
          tasks:
            - name: next play
              debug: {msg: next}
        """);
    assertThat(l.batches).containsExactly(List.of("h1", "h2"));
    assertThat(l.of("before")).containsExactly("changed h1", "changed h2");
    assertThat(l.of("never")).isEmpty();
    assertThat(l.of("never either")).isEmpty();
    assertThat(l.of("restart")).as("end_play runs no handler").isEmpty();
    assertThat(l.of("next play")).containsExactly("ok h1", "ok h2", "ok h3", "ok h4");
    assertThat(l.abortReason).isNull();
    assertThat(l.exitCode).isZero();
  }

  @Test
  void endBatchEndsTheBatchAndTheNextBatchRuns() {
    RecordingListener l = fixture().run("""
        - hosts: web
          serial: 2
          tasks:
            - name: first
              debug: {msg: first}
            - meta: end_batch
              when: inventory_hostname == 'h1'
            - name: second
              debug: {msg: second}
        """);
    assertThat(l.batches).containsExactly(List.of("h1", "h2"), List.of("h3", "h4"));
    assertThat(l.of("second")).containsExactly("ok h3", "ok h4");
    assertThat(l.exitCode).isZero();
  }

  @Test
  void endHostEndsThePlayForThatHostOnlyWhichIsNotFailedAndComesBackInTheNextPlay() {
    RecordingListener l = fixture().run("""
        - hosts: h1:h2:h3
          tasks:
            - name: change
              command: /bin/true
              notify: restart
            - name: end h2
              meta: end_host
              when: inventory_hostname == 'h2'
            - name: after
              debug: {msg: "{{ ansible_play_hosts }}"}
          handlers:
            - name: restart
              debug: {msg: restarted}
        - hosts: h1:h2:h3
          tasks:
            - name: next play
              debug: {msg: next}
        """);
    assertThat(l.of("end h2")).as("shown as skipping where it does not hold")
        .containsExactly("skipped h1", "ok h2", "skipped h3");
    assertThat(l.of("after")).containsExactly("ok h1", "ok h3");
    assertThat(l.last("after", "h1").result().get("msg")).isEqualTo(List.of("h1", "h3"));
    assertThat(l.of("restart")).as("an ended host's handlers do not run").containsExactly("ok h1", "ok h3");
    assertThat(l.of("next play")).containsExactly("ok h1", "ok h2", "ok h3");
    Recap.Counts h2 = l.recap.hosts().get("h2");
    assertThat(h2.failed()).isZero();
    assertThat(h2.ok()).as("change and next play; meta tasks are not counted").isEqualTo(2);
    assertThat(l.recap.hosts().get("h1").skipped()).as("a skipped meta is not counted").isZero();
    assertThat(l.exitCode).isZero();
  }

  @Test
  void endHostInABlockSkipsItsAlwaysAndDoesNotCountAsAFailureForTheBatch() {
    RecordingListener l = fixture().run("""
        - hosts: h1:h2
          max_fail_percentage: 0
          tasks:
            - block:
                - meta: end_host
                  when: inventory_hostname == 'h1'
              always:
                - name: always
                  debug: {msg: always}
            - name: after
              debug: {msg: after}
        """);
    assertThat(l.of("always")).containsExactly("ok h2");
    assertThat(l.of("after")).containsExactly("ok h2");
    assertThat(l.abortReason).isNull();
  }

  @Test
  void noopDoesNothing() {
    RecordingListener l = fixture().run("""
        - hosts: h1:h2
          tasks:
            - meta: noop
            - name: after
              debug: {msg: after}
        """);
    assertThat(l.tasksRun()).containsExactly("task meta: noop", "task after");
    assertThat(l.of("meta: noop")).containsExactly("ok h1", "ok h2");
    assertThat(l.of("after")).containsExactly("ok h1", "ok h2");
    assertThat(l.recap.hosts().get("h1").ok()).isEqualTo(1);
  }

  @Test
  void endPlayWithWhenIsDecidedOnceByTheFirstHostOfTheBatchAsAnsibleDoes() {
    String play = """
        - hosts: web
          tasks:
            - name: stop
              meta: end_play
              when: inventory_hostname == '%s'
            - name: after
              debug: {msg: after}
        """;
    RecordingListener first = fixture().run(play.formatted("h1"));
    assertThat(first.of("stop")).containsExactly("ok h1");
    assertThat(first.of("after")).isEmpty();
    RecordingListener other = fixture().run(play.formatted("h2"));
    assertThat(other.of("stop")).as("h1 decides, and its guard does not hold").containsExactly("skipped h1");
    assertThat(other.of("after")).containsExactly("ok h1", "ok h2", "ok h3", "ok h4");
  }

  @Test
  void metaTasksFollowTagsAsOtherTasks() {
    Fixture f = fixture();
    f.options = f.options.withTags(List.of("x"), List.of());
    RecordingListener l = f.run("""
        - hosts: h1
          tasks:
            - meta: end_play
              tags: [y]
            - name: tagged
              debug: {msg: x}
              tags: [x]
        """);
    assertThat(l.of("tagged")).containsExactly("ok h1");
  }

  @Test
  void aMetaGuardThatCannotBeEvaluatedFailsItsHost() {
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - meta: end_host
              when: missing.value
        """);
    HostResult r = l.last("meta: end_host", "h1");
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).contains("play.yml:4:");
    assertThat(l.exitCode).isEqualTo(2);
  }

  @Test
  void argsAreMergedIntoTheActionsArguments() throws Exception {
    Path work = java.nio.file.Files.createDirectories(dir.resolve("work"));
    RecordingListener l = fixture().run("""
        - hosts: h1
          tasks:
            - name: where
              command: /bin/pwd
              args:
                chdir: %s
              register: r
            - name: not again
              shell: echo ran
              args: {creates: %s}
        """.formatted(work, work));
    assertThat(l.last("where", "h1").result().get("stdout")).isEqualTo(work.toString());
    assertThat(l.of("not again")).as("creates came through args").containsExactly("ok h1");
  }
}
