package io.runbook.exec;

import io.runbook.model.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/** A value that doubles itself fails its task at the bound, with the bound named; the run goes on to its recap. */
class RunawayValuesTests {
  @TempDir Path dir;

  @Test
  void fortySelfDoublingLazyVariablesFailTheTaskThatReadsThem() {
    StringBuilder vars = new StringBuilder("      a0: ab\n");
    for (int i = 1; i <= 40; i++) {
      vars.append("      a").append(i).append(": \"{{ a").append(i - 1).append(" ~ a").append(i - 1).append(" }}\"\n");
    }
    RecordingListener l = new Fixture(dir).run("""
        - hosts: h1
          vars:
        %s  tasks:
            - name: read the last one
              debug:
                msg: "{{ a40 | length }}"
        """.formatted(vars.toString().replace("      ", "    ")));
    assertThat(l.of("read the last one")).containsExactly("failed h1");
    assertThat(message(l, "read the last one")).contains("more than 1048576 characters");
  }

  @Test
  void aSelfDoublingSetFactStopsAtTheBound() {
    StringBuilder tasks = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      tasks.append("    - name: double\n      set_fact:\n        x: \"{{ [x, x] }}\"\n");
    }
    RecordingListener l = new Fixture(dir).run("""
        - hosts: h1
          vars:
            x: ab
          tasks:
        %s""".formatted(tasks));
    assertThat(l.of("double")).contains("failed h1");
    assertThat(message(l, "double")).contains("too large in all");
  }

  private static String message(RecordingListener l, String task) {
    return l.results.stream().filter(r -> r.task().name().equals(task) && r.status() == Status.FAILED)
        .map(r -> r.message() + " " + r.result()).findFirst().orElse("");
  }
}
