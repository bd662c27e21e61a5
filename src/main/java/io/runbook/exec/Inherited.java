package io.runbook.exec;

import io.runbook.model.TaskOptions;
import io.runbook.model.Value;
import io.runbook.yaml.YNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keywords a task takes from the blocks, imports and includes around it, as Ansible inherits
 * them: guards add up (all must hold), tags add up, vars stack (inner wins), and the innermost
 * setting of the rest wins.
 *
 * @param varLayers    task and block vars, innermost first
 * @param hostVars     per-host variables from include_tasks loops and vars
 * @param rescueDepth  how many enclosing blocks have a rescue (failures there do not abort yet)
 */
record Inherited(List<io.runbook.model.Guard> when, Set<String> tags, List<Map<String, YNode>> varLayers,
    Map<String, Map<String, Object>> hostVars, YNode noLog, YNode ignoreErrors,
    YNode environment, Boolean checkMode, Value<Duration> timeout, YNode delegateTo, int rescueDepth,
    Boolean become, YNode becomeUser) {

  static Inherited forPlay(List<String> playTags) {
    return new Inherited(List.of(), new LinkedHashSet<>(playTags), List.of(), Map.of(), null, null,
        null, null, null, null, 0, null, null);
  }

  /** What a play gives every task: tags, {@code environment}, {@code become}. */
  static Inherited forPlay(io.runbook.model.Play play) {
    return new Inherited(List.of(), new LinkedHashSet<>(play.tags()), List.of(), Map.of(), null, null,
        play.environment(), null, null, null, 0, play.become(), play.becomeUser());
  }

  /** These keywords with {@code o}'s on top. */
  Inherited plus(TaskOptions o) {
    List<io.runbook.model.Guard> guards = new ArrayList<>(when);
    guards.addAll(o.when());
    Set<String> allTags = new LinkedHashSet<>(tags);
    allTags.addAll(o.tags());
    List<Map<String, YNode>> vars = varLayers;
    if (!o.vars().isEmpty()) {
      vars = new ArrayList<>();
      vars.add(o.vars());
      vars.addAll(varLayers);
    }
    return new Inherited(guards, allTags, vars, hostVars, first(o.noLog(), noLog),
        first(o.ignoreErrors(), ignoreErrors), first(o.environment(), environment),
        o.checkMode() != null ? o.checkMode() : checkMode, o.timeout() != null ? o.timeout() : timeout,
        first(o.delegateTo(), delegateTo), rescueDepth,
        o.become() != null ? o.become() : become, first(o.becomeUser(), becomeUser));
  }

  /** The same without guards: an include's own {@code when} does not repeat on its tasks. */
  Inherited withoutGuards(List<io.runbook.model.Guard> keep) {
    return new Inherited(List.copyOf(keep), tags, varLayers, hostVars, noLog, ignoreErrors,
        environment, checkMode, timeout, delegateTo, rescueDepth, become, becomeUser);
  }

  Inherited insideRescuableBlock() {
    return new Inherited(when, tags, varLayers, hostVars, noLog, ignoreErrors, environment,
        checkMode, timeout, delegateTo, rescueDepth + 1, become, becomeUser);
  }

  Inherited withHostVars(Map<String, Map<String, Object>> perHost) {
    Map<String, Map<String, Object>> merged = new HashMap<>(hostVars);
    perHost.forEach((h, v) -> {
      Map<String, Object> m = new HashMap<>(merged.getOrDefault(h, Map.of()));
      m.putAll(v);
      merged.put(h, m);
    });
    return new Inherited(when, tags, varLayers, hostVars.isEmpty() && perHost.isEmpty()
        ? Map.of() : merged, noLog, ignoreErrors, environment, checkMode, timeout, delegateTo,
        rescueDepth, become, becomeUser);
  }

  private static YNode first(YNode a, YNode b) {
    return a != null ? a : b;
  }
}
