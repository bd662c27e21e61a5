package io.runbook.report;

import java.io.PrintWriter;

/**
 * One line at the bottom of a terminal that says what the run waits for and for how long,
 * redrawn every second by a daemon thread while a wait lasts.
 */
final class LiveLine {
  private final PrintWriter out;
  private String what;
  private long since;
  private Thread ticker;

  LiveLine(PrintWriter out) {
    this.out = out;
  }

  synchronized void show(String text) {
    clear();
    what = text;
    since = System.nanoTime();
    redraw();
    if (what != null && ticker == null) {
      ticker = new Thread(this::tick, "runbook-live-line");
      ticker.setDaemon(true);
      ticker.start();
    }
  }

  synchronized void clear() {
    if (what != null) {
      out.print("\r\u001b[2K");
      out.flush();
    }
  }

  synchronized void redraw() {
    if (what != null) {
      long seconds = (System.nanoTime() - since) / 1_000_000_000L;
      out.print("\r\u001b[2K  " + what + " (" + seconds + "s)");
      out.flush();
    }
  }

  private void tick() {
    try {
      while (true) {
        Thread.sleep(1000);
        synchronized (this) {
          if (what == null) {
            ticker = null;
            return;
          }
          redraw();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
