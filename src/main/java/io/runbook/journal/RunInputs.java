package io.runbook.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a run was started with, as digests: each file its playbook loads (by its path from the
 * playbook's folder), the inventory as it resolved, and the extra vars — the plan's inputs, which
 * the journal keeps so that a resume can tell what changed since.
 */
public record RunInputs(Map<String, String> files, String inventory, String extraVars) {

  public RunInputs {
    files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
  }

  /** What differs from {@code then}, one phrase each; empty when nothing did. */
  public List<String> changesSince(RunInputs then) {
    List<String> out = new ArrayList<>();
    files.forEach((file, digest) -> {
      if (!then.files.containsKey(file)) {
        out.add(file + " is new");
      } else if (!then.files.get(file).equals(digest)) {
        out.add(file + " changed");
      }
    });
    then.files.keySet().stream().filter(f -> !files.containsKey(f)).forEach(f -> out.add(f + " is no longer used"));
    if (!Objects.equals(inventory, then.inventory)) {
      out.add("the inventory changed (its hosts, groups or variables)");
    }
    if (!Objects.equals(extraVars, then.extraVars)) {
      out.add("the extra vars (-e) changed");
    }
    return out;
  }
}
