package io.runbook.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbook.model.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PauseActionTests {
  private final PauseAction action = new PauseAction();
  private final TestActionContext ctx = new TestActionContext();

  @Test
  void waitsTheGivenSecondsOnTheRunClock() {
    ActionResult r = action.execute(ctx, Map.of("seconds", 30L));
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(ctx.clock.sleeps).containsExactly(Duration.ofSeconds(30));
    assertThat(ctx.waits).containsExactly("pause 30s");
    assertThat(r.data()).containsEntry("delta", 30L);
  }

  @Test
  void acceptsMinutesAndFractions() {
    action.execute(ctx, Map.of("minutes", 1.5));
    action.execute(ctx, Map.of("seconds", 0.25));
    assertThat(ctx.clock.sleeps).containsExactly(Duration.ofSeconds(90), Duration.ofMillis(250));
  }

  @Test
  void runsOnTheControllerOnly() {
    assertThat(action.controllerOnly()).isTrue();
  }

  @Test
  void refusesPromptsWithoutATerminal() {
    ActionResult r = action.execute(ctx, Map.of("prompt", "Press enter"));
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).contains("terminal").contains("seconds");
    assertThat(action.execute(ctx, Map.of()).status()).isEqualTo(Status.FAILED);
  }

  @Test
  void refusesSecondsAndMinutesTogetherAndNegativeTimes() {
    assertThatThrownBy(() -> action.execute(ctx, Map.of("seconds", 1L, "minutes", 1L)))
        .isInstanceOf(ActionException.class);
    assertThatThrownBy(() -> action.execute(ctx, Map.of("seconds", -1L)))
        .isInstanceOf(ActionException.class).hasMessageContaining("0 or more");
  }

  @Test
  void doesNotWaitInCheckMode() {
    ctx.checkMode = true;
    ActionResult r = action.execute(ctx, Map.of("minutes", 10L));
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(ctx.clock.sleeps).isEmpty();
  }
}
