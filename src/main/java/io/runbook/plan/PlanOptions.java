package io.runbook.plan;

import java.util.List;
import java.util.Map;

/**
 * The command line's choices that decide what a run does, and so are part of its plan and hash.
 *
 * @param limit null when not given
 */
public record PlanOptions(boolean checkMode, boolean diff, int forks, Map<String, Object> extraVars,
    String limit, List<String> tags, List<String> skipTags) {

  public PlanOptions {
    extraVars = Map.copyOf(extraVars);
    tags = List.copyOf(tags);
    skipTags = List.copyOf(skipTags);
  }
}
