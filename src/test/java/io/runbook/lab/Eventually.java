package io.runbook.lab;

/** Retries an assertion until it holds or the time is up; the last failure is what is thrown. */
final class Eventually {
  interface Check {
    void run() throws Exception;
  }

  private Eventually() {}

  static void within(long millis, Check check) throws Exception {
    long deadline = System.currentTimeMillis() + millis;
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError | Exception e) {
        if (System.currentTimeMillis() > deadline) {
          throw e;
        }
      }
      Thread.sleep(50);
    }
  }
}
