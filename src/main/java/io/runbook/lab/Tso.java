package io.runbook.lab;

/**
 * PD's timestamps (TSO): physical milliseconds shifted left by 18 bits, plus a logical counter in
 * the low bits. Commit timestamps of binlogs, {@code maxCommitTS} and checkpoints are all TSOs.
 */
final class Tso {
  static final int LOGICAL_BITS = 18;

  private Tso() {}

  static long of(long physicalMillis, long logical) {
    return (physicalMillis << LOGICAL_BITS) | logical;
  }

  static long physicalMillis(long tso) {
    return tso >>> LOGICAL_BITS;
  }

  /** A TSO for "now minus {@code lagMillis}" by this machine's clock, logical part zero. */
  static long fromClock(long lagMillis) {
    return of(System.currentTimeMillis() - lagMillis, 0);
  }
}
