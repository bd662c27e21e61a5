package io.runbook.lab;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What every lab process shares: its release, its log, a graceful stop on SIGTERM (the JVM's
 * shutdown hook, so {@code kill} behaves as it does for the Go binaries while {@code kill -9}
 * leaves whatever was registered), and a deadline after which it exits by itself, so that a lab
 * left behind never outlives its use.
 */
abstract class Daemon {
  protected final Flags flags;
  protected final Release release;
  protected final LabLog log;
  private final CountDownLatch stopped = new CountDownLatch(1);

  Daemon(Release release, Flags flags, String component) {
    this.release = release;
    this.flags = flags;
    this.log = new LabLog(component, flags.get("log-file", null));
  }

  /** Starts serving; throws to refuse to start (the message is the process's fatal error). */
  protected abstract void start() throws Exception;

  /** The graceful stop that SIGTERM triggers; must finish within a few seconds. */
  protected abstract void stop();

  final int run() {
    // The hook is there before start() registers anything: a SIGTERM that comes while the
    // component starts waits for the start to finish, then stops it properly.
    CountDownLatch startDone = new CountDownLatch(1);
    boolean[] startedOk = {false};
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        startDone.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!startedOk[0]) {
        return;
      }
      log.info("received a signal to stop");
      try {
        stop();
      } finally {
        log.info("stopped");
        stopped.countDown();
      }
    }, "graceful-stop"));
    try {
      start();
      startedOk[0] = true;
    } catch (Exception e) {
      log.line("FATAL", String.valueOf(e.getMessage()));
      System.err.println("[FATAL] " + e.getMessage());
      return 1;
    } finally {
      startDone.countDown();
    }
    log.info("started, release " + release.version());
    long deadline = Long.parseLong(flags.get("lab-deadline", "0"));
    try {
      if (deadline > 0) {
        long left = deadline * 1000 - System.currentTimeMillis();
        if (!stopped.await(Math.max(0, left), TimeUnit.MILLISECONDS)) {
          log.warn("the lab's deadline has passed; exiting");
          System.exit(0);
        }
      } else {
        stopped.await();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Sleeps without throwing; false when interrupted. */
  static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A daemon thread running {@code body} every {@code periodMillis}, errors logged, not fatal. */
  Thread every(String name, long periodMillis, Runnable body) {
    Thread t = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          body.run();
        } catch (RuntimeException e) {
          log.warn(name + ": " + e.getMessage());
        }
        if (!pause(periodMillis)) {
          return;
        }
      }
    }, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
