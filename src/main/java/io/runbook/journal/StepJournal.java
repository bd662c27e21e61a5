package io.runbook.journal;

import io.runbook.report.StepRecord;

/**
 * What the executor writes for {@code --resume} and for holding a run to its plan, step by step
 * under the plan's step ids: written by the executor itself, not derived from what is reported.
 */
public interface StepJournal {
  /** No journal: a run that nothing will resume (tests, previews). */
  StepJournal NONE = new StepJournal() { };

  /** A step of the plan begins on a host: the batch (from 1, within the play), the host, the step's id. */
  default void stepStarted(int batch, String host, String step) {}

  /** A step is done on a host (after its host results): what {@code --resume} replays. */
  default void stepFinished(StepRecord step) {}
}
