package io.runbook.plan;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the plan foresees for a step on a host. */
public enum Verdict {
  RUNS("runs"),
  SKIPPED("skipped"),
  /** Its guard reads something only the run will know (a registered result, a fact). */
  AT_RUN_TIME("at run time"),
  IF_NOTIFIED("if notified"),
  /** A rescue step: it runs only for a host that failed inside the block. */
  IF_BLOCK_FAILS("if the block fails"),
  /** run_once or pause: it runs on the batch's first host, the others share its result. */
  WITH_FIRST_HOST("with the first host"),
  /** A meta task took the host out of the play before this step. */
  ENDED("ended"),
  FLUSHES_HANDLERS("runs notified handlers"),
  ENDS_PLAY("ends the play"),
  ENDS_BATCH("ends the batch"),
  ENDS_HOST("ends the play for the host"),
  DOES_NOTHING("does nothing");

  private final String shown;

  Verdict(String shown) {
    this.shown = shown;
  }

  @JsonValue
  public String shown() {
    return shown;
  }

  /** Whether the run starts the step on the host (it may still decide to skip it then). */
  public boolean starts() {
    return this != IF_NOTIFIED && this != IF_BLOCK_FAILS && this != WITH_FIRST_HOST && this != ENDED;
  }
}
