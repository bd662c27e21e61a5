package io.runbook.cli;

import sun.misc.Signal;

/**
 * Ctrl-C interrupts the run instead of killing the JVM, so the runner stops at the next safe
 * point, prints its recap and exits 99 as ansible-playbook does. A second Ctrl-C exits at once.
 */
final class Interrupts {
  private static volatile boolean once;

  private Interrupts() {}

  static void onCtrlC() {
    try {
      Signal.handle(new Signal("INT"), s -> {
        if (once) {
          Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        once = true;
        io.runbook.exec.Interruption.request();
      });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // no signals here (an unusual JVM): Ctrl-C then ends the JVM the ordinary way
    }
  }
}
