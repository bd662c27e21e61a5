package io.runbook.exec;

import io.runbook.action.RunClock;
import io.runbook.transport.ssh.SshDefaults;
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
 * @param ssh       known_hosts, host key policy and connect timeout for SSH hosts
 * @param becomePassword the sudo password for become, or null (never printed)
 */
public record RunOptions(boolean checkMode, boolean diff, int forks, Map<String, Object> extraVars,
    String limit, List<String> tags, List<String> skipTags, RunClock clock, SshDefaults ssh,
    String becomePassword) {

  public RunOptions {
    if (forks < 1) {
      throw new IllegalArgumentException("forks must be at least 1");
    }
    extraVars = Map.copyOf(extraVars);
    tags = List.copyOf(tags);
    skipTags = List.copyOf(skipTags);
  }

  public static RunOptions defaults() {
    return new RunOptions(false, false, 5, Map.of(), null, List.of(), List.of(), RunClock.SYSTEM,
        SshDefaults.standard(), null);
  }

  public RunOptions withCheckMode(boolean check) {
    return new RunOptions(check, diff, forks, extraVars, limit, tags, skipTags, clock, ssh, becomePassword);
  }

  public RunOptions withForks(int n) {
    return new RunOptions(checkMode, diff, n, extraVars, limit, tags, skipTags, clock, ssh, becomePassword);
  }

  public RunOptions withClock(RunClock c) {
    return new RunOptions(checkMode, diff, forks, extraVars, limit, tags, skipTags, c, ssh, becomePassword);
  }

  public RunOptions withTags(List<String> run, List<String> skip) {
    return new RunOptions(checkMode, diff, forks, extraVars, limit, run, skip, clock, ssh, becomePassword);
  }

  public RunOptions withExtraVars(Map<String, Object> vars) {
    return new RunOptions(checkMode, diff, forks, vars, limit, tags, skipTags, clock, ssh, becomePassword);
  }

  public RunOptions withLimit(String pattern) {
    return new RunOptions(checkMode, diff, forks, extraVars, pattern, tags, skipTags, clock, ssh, becomePassword);
  }

  public RunOptions withSsh(SshDefaults s) {
    return new RunOptions(checkMode, diff, forks, extraVars, limit, tags, skipTags, clock, s, becomePassword);
  }

  public RunOptions withBecomePassword(String password) {
    return new RunOptions(checkMode, diff, forks, extraVars, limit, tags, skipTags, clock, ssh, password);
  }

  /** The choices that decide what the run does: its plan's options. */
  public io.runbook.plan.PlanOptions planOptions() {
    return new io.runbook.plan.PlanOptions(checkMode, diff, forks, extraVars, limit, tags, skipTags);
  }

  @Override
  public String toString() {
    return "RunOptions[check=" + checkMode + ", diff=" + diff + ", forks=" + forks + ", limit=" + limit
        + ", tags=" + tags + ", skipTags=" + skipTags + ", becomePassword=" + (becomePassword == null ? "none" : "****") + "]";
  }

  public RunOptions withDiff(boolean d) {
    return new RunOptions(checkMode, d, forks, extraVars, limit, tags, skipTags, clock, ssh, becomePassword);
  }
}
