package io.runbook.exec;

import io.runbook.model.ActionTask;
import io.runbook.model.BlockTask;
import io.runbook.model.IncludeTask;
import io.runbook.model.MetaTask;
import io.runbook.model.TaskNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Where the tasks inside a block are written: the step keys a resume can match against. */
final class TaskPositions {
  private TaskPositions() {}

  static Set<String> of(BlockTask block) {
    Set<String> out = new HashSet<>();
    collect(List.of(block), out);
    return out;
  }

  private static void collect(List<TaskNode> nodes, Set<String> out) {
    for (TaskNode n : nodes) {
      if (n instanceof ActionTask a) {
        out.add(a.options().position().toString());
      } else if (n instanceof BlockTask b) {
        collect(b.block(), out);
        collect(b.rescue(), out);
        collect(b.always(), out);
      } else if (n instanceof IncludeTask || n instanceof MetaTask) {
        out.add(n.options().position().toString());
      }
    }
  }
}
