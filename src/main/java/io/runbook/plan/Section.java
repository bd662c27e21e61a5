package io.runbook.plan;

import java.util.Locale;

/**
 * Where in a play a step is written. Gates run on the controller; the three task sections run on
 * the batch's hosts, each followed by the handlers they notified.
 */
public enum Section {
  BEFORE_BATCH("bb", "before_batch"),
  PRE_TASKS("pre", "task"),
  TASKS("t", "task"),
  POST_TASKS("post", "task"),
  HANDLERS("h", "handler"),
  AFTER_BATCH("ab", "after_batch");

  private final String idPrefix;
  private final String shownAs;

  Section(String idPrefix, String shownAs) {
    this.idPrefix = idPrefix;
    this.shownAs = shownAs;
  }

  /** The part of a step id that names the section: {@code p1.t3} is the third task of play 1. */
  String idPrefix() {
    return idPrefix;
  }

  /** How the plan output names the kind of step written here. */
  public String shownAs() {
    return shownAs;
  }

  /** Tags select only the tasks of the three task sections; gates and handlers always run. */
  public boolean selectedByTags() {
    return this == PRE_TASKS || this == TASKS || this == POST_TASKS;
  }

  /** The console's announcement: TASK, RUNNING HANDLER, BEFORE BATCH, AFTER BATCH. */
  public String announced() {
    return switch (this) {
      case HANDLERS -> "RUNNING HANDLER";
      case BEFORE_BATCH, AFTER_BATCH -> name().replace('_', ' ').toUpperCase(Locale.ROOT);
      default -> "TASK";
    };
  }
}
