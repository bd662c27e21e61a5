package io.runbook.plan;

import io.runbook.model.Play;
import io.runbook.model.TaskOptions;
import io.runbook.yaml.YNode;
import java.util.List;

/**
 * What the planner asks of the engine that will run the plan: play-level values rendered as
 * the run renders them, and whether a step's guards hold for a host before anything ran. The
 * engine ({@code exec}) answers with its own variable scopes, so the plan cannot judge a guard
 * differently from the run.
 */
public interface Foresight {

  /** The play's host pattern, rendered for the play. */
  Object playValue(Play play, YNode value);

  /** Renders the templates of the play's keywords (serial, max_fail_percentage) for the play. */
  io.runbook.model.Value.Renderer atPlayLevel(Play play);

  /**
   * The verdict of the guards of a step ({@code chain}: the options of the blocks around it,
   * outermost first, then its own) on {@code host} of {@code batch}: {@link Verdict#RUNS},
   * {@link Verdict#SKIPPED}, or {@link Verdict#AT_RUN_TIME} when they read what only the run
   * knows.
   */
  Verdict guards(Play play, List<String> playHosts, List<String> batch, String host,
      List<TaskOptions> chain);
}
