package io.runbook.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A number, percentage or duration written as a template is checked when it is rendered, by the
 * rule that checks a literal when the playbook loads, and a value that breaks it is an error at
 * the template's place.
 */
class KeywordTemplatesTests {
  @TempDir Path dir;

  private RecordingListener run(String playbook, Map<String, Object> extraVars) {
    Fixture f = new Fixture(dir);
    f.options = f.options.withExtraVars(extraVars);
    return f.run(playbook);
  }

  private String play() {
    return dir.resolve("play.yml").toString();
  }

  @Test
  void aTemplatedRetriesBelowZeroFailsTheTaskWithTheLiteralsMessageAtTheTemplate() {
    RecordingListener l = run("""
        - hosts: h1
          tasks:
            - name: flaky
              command: /bin/false
              retries: "{{ n }}"
        """, Map.of("n", "-2"));
    assertThat(l.of("flaky")).containsExactly("failed h1");
    assertThat(l.last("flaky", "h1").message()).isEqualTo(play()
        + ":5:17: 'retries' must be a whole number, 0 or more, not '-2' (what {{ n }} gave)");
    assertThat(l.retries).isEmpty();
  }

  @Test
  void aTemplatedRetriesGivenAsTextIsANumber() {
    Fixture f = new Fixture(dir);
    f.options = f.options.withExtraVars(Map.of("n", "2"));
    RecordingListener l = f.run("""
        - hosts: h1
          tasks:
            - name: flaky
              command: /bin/false
              retries: "{{ n }}"
              delay: "{{ n | int * 3 }}"
        """);
    assertThat(l.last("flaky", "h1").result()).containsEntry("attempts", 3);
    assertThat(f.clock.sleeps).extracting(java.time.Duration::toSeconds).containsExactly(6L, 6L);
  }

  @Test
  void aTemplatedTimeoutBelowZeroFailsTheTask() {
    RecordingListener l = run("""
        - hosts: h1
          tasks:
            - name: bounded
              command: /bin/true
              timeout: "{{ t }}"
        """, Map.of("t", -1));
    assertThat(l.last("bounded", "h1").message()).isEqualTo(play()
        + ":5:17: 'timeout' must be a number of seconds, 0 or more, not -1 (what {{ t }} gave)");
  }

  @Test
  void aTemplatedSerialAboveAHundredPercentIsRefusedByThePlanBeforeAnyHost() {
    // the plan renders play keywords: what they give is checked before the run starts
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> run("""
        - hosts: web
          serial: ["{{ canary }}", "{{ wave }}"]
          tasks:
            - name: work
              command: /bin/true
        """, Map.of("canary", 1, "wave", "150%")))
        .isInstanceOf(io.runbook.source.InvalidInputException.class)
        .hasMessageContaining(play() + ":2:29: 'serial' must be a whole number of hosts, 0 or"
            + " more, or a percentage from 0 to 100 such as \"30%\", not '150%' (what {{ wave }} gave)");
  }

  @Test
  void aTemplatedMaxFailPercentageWrittenWithAPercentSignIsHonoured() {
    RecordingListener l = run("""
        - hosts: web
          max_fail_percentage: "{{ limit }}"
          tasks:
            - name: half fail
              fail: {}
              when: inventory_hostname in ['h1', 'h2']
            - name: next
              debug: {msg: hi}
        """, Map.of("limit", "49%"));
    assertThat(l.abortReason).contains("max_fail_percentage 49 exceeded: 2 of 4");
    assertThat(l.of("next")).isEmpty();
  }
}
