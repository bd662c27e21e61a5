package io.runbook.exec;

/**
 * An operator's Ctrl-C: the run finishes the step in flight (whose processes are stopped), then
 * stops before the next one and exits 99.
 */
public final class Interruption {
  private static volatile boolean requested;

  private Interruption() {}

  /** Asks the run to stop at the next safe point, and stops the processes it is waiting for. */
  public static void request() {
    requested = true;
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
  }

  static boolean requested() {
    return requested;
  }

  /** Thrown at a safe point once an interruption was requested. */
  static final class Stop extends RuntimeException {
    Stop() {
      super("interrupted", null, false, false);
    }
  }

  static void checkpoint() {
    if (requested) {
      throw new Stop();
    }
  }
}
