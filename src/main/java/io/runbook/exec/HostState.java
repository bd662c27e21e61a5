package io.runbook.exec;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What the run knows of one host: its facts and registered results, and whether it is out. */
final class HostState {
  final String name;
  /** Registered results and set_fact values: they outlive a play, as in Ansible. */
  final Map<String, Object> facts = new LinkedHashMap<>();
  /** Handlers notified on this host and not yet run, by name or listen topic. */
  final Set<String> notified = new LinkedHashSet<>();
  boolean failed;
  boolean unreachable;
  /**
   * Out of the play running now by {@code meta: end_host}, {@code end_batch} or {@code end_play}:
   * not failed, and back in the next play.
   */
  boolean ended;
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
