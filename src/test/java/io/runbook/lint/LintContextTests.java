package io.runbook.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbook.action.BuiltinActions;
import io.runbook.expr.Expressions;
import io.runbook.lint.rules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rules share is computed once per lint, whatever the threads, and lints are repeatable. */
class LintContextTests {
  @TempDir Path dir;

  private final LintContext context =
      new LintContext(BuiltinActions.registry(), new Expressions(), List.of());

  @Test
  void aMemoAskedForByTwoThreadsAtOnceIsComputedOnceAndBothGetIt() throws Exception {
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch bothAsking = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Object>> answers = pool.invokeAll(List.of(() -> ask(computed, bothAsking),
          () -> ask(computed, bothAsking)), 10, TimeUnit.SECONDS);
      assertThat(answers.get(0).get()).isSameAs(answers.get(1).get());
    } finally {
      pool.shutdownNow();
    }
    assertThat(computed).hasValue(1);
  }

  private Object ask(AtomicInteger computed, CountDownLatch bothAsking) throws InterruptedException {
    bothAsking.countDown();
    bothAsking.await(5, TimeUnit.SECONDS);
    return context.memo("shared", () -> {
      computed.incrementAndGet();
      sleep(); // long enough for the other thread to ask while this one computes
      return new Object();
    });
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aMemoOfNullIsKeptAndAFailedOneFailsEveryCallerWithItsOwnException() {
    AtomicInteger computed = new AtomicInteger();
    assertThat((Object) context.memo("nothing", () -> {
      computed.incrementAndGet();
      return null;
    })).isNull();
    assertThat((Object) context.memo("nothing", () -> computed.incrementAndGet())).isNull();
    assertThat(computed).hasValue(1);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> context.memo("broken", () -> {
        throw new IllegalArgumentException("bad inventory");
      })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad inventory");
    }
  }

  @Test
  void manyFilesLintedInParallelGiveTheSameFindingsInTheSameOrderEveryTime() throws Exception {
    for (int i = 0; i < 40; i++) {
      Files.writeString(dir.resolve(String.format("site%02d.yml", i)), """
          - hosts: pumps
            tasks:
              - shell: systemctl restart pump
                ignore_errors: yes
          """);
    }
    Linter linter = new Linter(Rules.all(), LintConfig.defaults(), Profile.PRODUCTION);
    Linter.Result first = linter.lint(List.of(dir), dir, BuiltinActions.registry(), new Expressions());
    Linter.Result again = linter.lint(List.of(dir), dir, BuiltinActions.registry(), new Expressions());
    assertThat(first.files()).extracting(LintFile::shown).isSorted().hasSize(40);
    assertThat(first.findings()).hasSizeGreaterThan(40 * 3).isEqualTo(again.findings());
  }
}
