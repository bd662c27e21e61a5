package io.runbook.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbook.source.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An invariant's probe with a loop: each item in turn, until one answers. */
class InvariantProbeLoopTests {
  @TempDir Path dir;

  private static final String PLAY = """
      - hosts: web
        serial: 2
        invariants:
          - name: a member answers and says ok
            loop: [m1, m2, m3]
            probe: {command: "cat %1$s/{{ item }}"}
            that: probe.stdout == 'ok'
        tasks:
          - {name: work, command: "true"}
      """;

  @Test
  void theFirstMemberThatAnswersIsTheProbeSoOneThatIsDownHidesNothing() throws Exception {
    Files.writeString(dir.resolve("m2"), "ok"); // m1 is down
    Files.writeString(dir.resolve("m3"), "not ok");
    Fixture f = new Fixture(dir);
    RecordingListener l = f.run(PLAY.formatted(dir));
    assertThat(l.abortReason).isNull();
    assertThat(l.of("work")).hasSize(4);
  }

  @Test
  void whenNoMemberAnswersTheInvariantDoesNotHoldAndNamesTheLastAnswer() {
    Fixture f = new Fixture(dir);
    RecordingListener l = f.run(PLAY.formatted(dir));
    assertThat(l.results).isEmpty();
    assertThat(l.abortReason).contains("invariant 'a member answers and says ok' does not hold")
        .contains("m3");
  }

  @Test
  void aLoopThatIsNeitherAListNorATemplateIsRefusedAtLoad() {
    Fixture f = new Fixture(dir);
    assertThatThrownBy(() -> f.run(PLAY.formatted(dir).replace("loop: [m1, m2, m3]", "loop: 5")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(":5:13: an invariant's 'loop' must be a list or a template");
  }
}
