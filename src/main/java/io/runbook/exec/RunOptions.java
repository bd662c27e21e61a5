package io.runbook.exec;

import io.runbook.action.RunClock;
import java.util.List;
import java.util.Map;

/**
 * How to run: the command line's choices.
 *
 * @param extraVars the {@code -e} variables, highest precedence
 * @param limit     a host pattern that narrows every play ({@code --limit}), or null
 * @param tags      tags to run (empty = all but {@code never})
 * @param skipTags  tags to skip
 * @param forks     how many hosts work at once
 */
public record RunOptions(boolean checkMode, boolean diff, int forks, Map<String, Object> extraVars,
    String limit, List<String> tags, List<String> skipTags, RunClock clock) {

  public RunOptions {
    if (forks < 1) {
      throw new IllegalArgumentException("forks must be at least 1");
    }
    extraVars = Map.copyOf(extraVars);
    tags = List.copyOf(tags);
    skipTags = List.copyOf(skipTags);
  }

  public static RunOptions defaults() {
    return new RunOptions(false, false, 5, Map.of(), null, List.of(), List.of(), RunClock.SYSTEM);
  }

  public RunOptions withCheckMode(boolean check) {
    return new RunOptions(check, diff, forks, extraVars, limit, tags, skipTags, clock);
  }

  public RunOptions withForks(int n) {
    return new RunOptions(checkMode, diff, n, extraVars, limit, tags, skipTags, clock);
  }

  public RunOptions withClock(RunClock c) {
    return new RunOptions(checkMode, diff, forks, extraVars, limit, tags, skipTags, c);
  }

  public RunOptions withTags(List<String> run, List<String> skip) {
    return new RunOptions(checkMode, diff, forks, extraVars, limit, run, skip, clock);
  }

  public RunOptions withExtraVars(Map<String, Object> vars) {
    return new RunOptions(checkMode, diff, forks, vars, limit, tags, skipTags, clock);
  }

  public RunOptions withLimit(String pattern) {
    return new RunOptions(checkMode, diff, forks, extraVars, pattern, tags, skipTags, clock);
  }

  public RunOptions withDiff(boolean d) {
    return new RunOptions(checkMode, d, forks, extraVars, limit, tags, skipTags, clock);
  }
}
