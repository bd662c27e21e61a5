package io.runbook.exec;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the run knows of one host: its facts and registered results, and whether it is out.
 *
 * <p>Owned by the fork that runs the host's current step; the walker reads it between steps (after
 * joining the forks). Other hosts' forks read it while it runs — through {@code hostvars} and
 * {@code ansible_play_hosts} — so its facts are an immutable snapshot replaced whole on each write,
 * and its in-or-out flags are volatile.
 */
final class HostState {
  final String name;
  /** Registered results and set_fact values: they outlive a play, as in Ansible. */
  private volatile Map<String, Object> facts = Map.of();
  /** Handlers notified on this host and not yet run, by name or listen topic. */
  final Set<String> notified = new LinkedHashSet<>();
  volatile boolean failed;
  volatile boolean unreachable;
  /**
   * Out of the play running now by {@code meta: end_host}, {@code end_batch} or {@code end_play}:
   * not failed, and back in the next play.
   */
  volatile boolean ended;
  /** The task that last failed on this host, and why: for gate and abort messages. */
  String lastFailure;
  /** How many times each task position ran on this host: a step's identity for --resume. */
  final Map<String, Integer> occurrences = new java.util.HashMap<>();
  /** Above zero inside a {@code rerun_on_resume} block that failed this host before: no replay. */
  int rerunning;

  /** The identity of the next run of the task written at {@code at} on this host. */
  String nextStepKey(String at) {
    int n = occurrences.merge(at, 1, Integer::sum);
    return at + "#" + n;
  }

  HostState(String name) {
    this.name = name;
  }

  /** The host's registered results and set_fact values: a consistent, unchanging snapshot. */
  Map<String, Object> facts() {
    return facts;
  }

  synchronized void remember(String name, Object value) {
    Map<String, Object> next = new LinkedHashMap<>(facts);
    next.put(name, value);
    facts = java.util.Collections.unmodifiableMap(next);
  }

  synchronized void rememberAll(Map<String, ?> values) {
    if (values.isEmpty()) {
      return;
    }
    Map<String, Object> next = new LinkedHashMap<>(facts);
    next.putAll(values);
    facts = java.util.Collections.unmodifiableMap(next);
  }

  /** Failed or unreachable: out of the run, and counted by the failure rules. */
  boolean down() {
    return failed || unreachable;
  }

  /** Still taking part in the play: not down, and not ended by a meta task. */
  boolean active() {
    return !down() && !ended;
  }

  /** A play begins: what meta tasks and notifications of the play before meant is over. */
  void enterPlay() {
    ended = false;
    notified.clear();
  }
}
