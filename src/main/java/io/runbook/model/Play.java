package io.runbook.model;

import io.runbook.source.SourcePosition;
import io.runbook.yaml.YNode;
import java.util.List;
import java.util.Map;

/**
 * One play: which hosts, in which batches, with which failure rules, doing which tasks.
 *
 * @param hosts             the host pattern (may be a template), never empty
 * @param serial            batch sizes; the last repeats; empty = one batch
 * @param maxFailPercentage null when not set; the run stops when a batch's failures exceed it
 * @param vars              play vars, rendered lazily so that they may refer to each other
 * @param varsFiles         paths (may be templates) of YAML files whose keys become play vars
 * @param beforeBatch       gate tasks run on the controller before each batch is touched
 * @param afterBatch        gate tasks run on the controller after each batch is done
 * @param invariants        what must stay true while the play runs
 * @param secretVars        play vars declared {@code {secret: true, value: ...}}: masked everywhere
 */
public record Play(
    String name,
    SourcePosition position,
    YNode hosts,
    List<Value<BatchSize>> serial,
    Value<Percent> maxFailPercentage,
    boolean anyErrorsFatal,
    HostOrder order,
    Map<String, YNode> vars,
    List<VarsFile> varsFiles,
    List<TaskNode> preTasks,
    List<TaskNode> tasks,
    List<TaskNode> postTasks,
    List<TaskNode> handlers,
    List<String> tags,
    Integer forks,
    Integer timeout,
    YNode environment,
    Boolean become,
    YNode becomeUser,
    YNode connection,
    List<TaskNode> beforeBatch,
    List<TaskNode> afterBatch,
    List<Invariant> invariants,
    java.util.Set<String> secretVars) {

  /** The orders Ansible offers for hosts within a play. */
  public enum HostOrder {
    INVENTORY, REVERSE_INVENTORY, SORTED, REVERSE_SORTED, SHUFFLE;

    public static HostOrder parse(String s) {
      return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** The name shown in PLAY headers: the play's name, or its host pattern as Ansible does. */
  public String displayName() {
    return name != null ? name : String.valueOf(hosts.toPlain());
  }
}
