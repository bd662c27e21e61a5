package io.runbook.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.runbook.model.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recap is a function of each host-step's final outcome, with Ansible's columns per outcome. */
class RecapTests {

  @Test
  void eachOutcomeAddsAnsiblesColumns() {
    Recap.Counts c = Recap.Counts.NONE;
    for (StepOutcome o : StepOutcome.values()) {
      c = c.plus(o);
    }
    // ok: OK, CHANGED, IGNORED, IGNORED_CHANGED; changed: CHANGED, IGNORED_CHANGED
    assertThat(c).isEqualTo(new Recap.Counts(4, 2, 1, 1, 1, 1, 2, 1));
  }

  @Test
  void anIgnoredFailureIsOkAndChangedOnlyWhenItChanged() {
    assertThat(StepOutcome.of(Status.FAILED, true, true, false)).isEqualTo(StepOutcome.IGNORED_CHANGED);
    assertThat(StepOutcome.of(Status.FAILED, false, true, true)).isEqualTo(StepOutcome.IGNORED);
    assertThat(StepOutcome.of(Status.FAILED, true, false, true)).isEqualTo(StepOutcome.RESCUED);
    assertThat(StepOutcome.of(Status.FAILED, true, false, false)).isEqualTo(StepOutcome.FAILED);
    assertThat(StepOutcome.of(Status.OK, false, false, true)).isEqualTo(StepOutcome.OK);
  }

  @Test
  void hostsKeepTheOrderTheyWereTakenInAndAHostWithoutStepsShowsZeros() {
    Recap r = Recap.of(List.of("b", "a", "idle"), List.of(new Recap.Step("a", StepOutcome.CHANGED),
        new Recap.Step("b", StepOutcome.RESCUED), new Recap.Step("a", StepOutcome.FAILED)));
    assertThat(r.hosts()).containsOnlyKeys("b", "a", "idle");
    assertThat(List.copyOf(r.hosts().keySet())).containsExactly("b", "a", "idle");
    assertThat(r.of("a")).isEqualTo(new Recap.Counts(1, 1, 0, 1, 0, 0, 0, 0));
    assertThat(r.of("b").rescued()).isEqualTo(1);
    assertThat(r.of("idle")).isEqualTo(Recap.Counts.NONE);
    assertThat(r.anyFailed()).isTrue();
    assertThat(r.anyUnreachable()).isFalse();
  }
}
