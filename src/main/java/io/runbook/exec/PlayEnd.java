package io.runbook.exec;

/** Whether {@code meta: end_play} ended the play running now: then no further batch starts. */
final class PlayEnd {
  private volatile boolean ended;

  void end() {
    ended = true;
  }

  boolean ended() {
    return ended;
  }
}
