package io.runbook.plan;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Decides from a task's tags (its own plus those inherited from blocks, imports and the play)
 * whether {@code --tags}/{@code --skip-tags} select it, with Ansible's special tags:
 * {@code always} runs unless skipped by name, {@code never} runs only when one of its other tags
 * is asked for, {@code all}, {@code tagged} and {@code untagged} select as their names say.
 */
public final class TagFilter {
  private final Set<String> run;
  private final Set<String> skip;

  public TagFilter(List<String> run, List<String> skip) {
    this.run = Set.copyOf(run);
    this.skip = Set.copyOf(skip);
  }

  public boolean selects(Collection<String> tags) {
    if (!skip.isEmpty()) {
      if (skip.contains("all") && !tags.contains("always")) {
        return false;
      }
      if (tags.stream().anyMatch(skip::contains)) {
        return false;
      }
      if (skip.contains("tagged") && !tags.isEmpty() && !tags.contains("always")) {
        return false;
      }
      if (skip.contains("untagged") && tags.isEmpty()) {
        return false;
      }
    }
    if (tags.contains("always")) {
      return true;
    }
    if (run.isEmpty()) {
      return !tags.contains("never");
    }
    if (tags.stream().anyMatch(t -> !t.equals("never") && run.contains(t))) {
      return true;
    }
    if (tags.contains("never")) {
      return false;
    }
    return run.contains("all")
        || run.contains("tagged") && !tags.isEmpty()
        || run.contains("untagged") && tags.isEmpty();
  }
}
