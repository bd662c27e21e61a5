package io.runbook.action;

import java.time.Duration;

/** Time as the engine sees it; tests replace it with a fake that never really sleeps. */
public interface RunClock {

  long nanoTime();

  void sleep(Duration d) throws InterruptedException;

  RunClock SYSTEM = new RunClock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      }
    }
  };
}
