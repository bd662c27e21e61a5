package io.runbook.action;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The built-in actions by name. */
public final class ActionRegistry {
  private final Map<String, Action> actions = new TreeMap<>();

  public ActionRegistry(Iterable<Action> all) {
    for (Action a : all) {
      actions.put(a.name(), a);
    }
  }

  public Action get(String name) {
    return actions.get(name);
  }

  public boolean has(String name) {
    return actions.containsKey(name);
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(actions.keySet());
  }
}
