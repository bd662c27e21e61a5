package io.runbook.load;

import io.runbook.model.BlockTask;
import io.runbook.model.Meta;
import io.runbook.model.MetaTask;
import io.runbook.model.TaskNode;
import java.util.List;

/**
 * Meta tasks where they cannot act: {@code flush_handlers} among the handlers (Ansible fails the
 * run there when it comes to it), and any meta in a batch gate, which runs on the controller
 * rather than on the play's hosts.
 */
final class MetaPlacement {
  private final NodeReader in;

  MetaPlacement(NodeReader in) {
    this.in = in;
  }

  void check(List<TaskNode> handlers, List<TaskNode> beforeBatch, List<TaskNode> afterBatch) {
    walk(handlers, "handlers");
    walk(beforeBatch, "before_batch");
    walk(afterBatch, "after_batch");
  }

  private void walk(List<TaskNode> tasks, String section) {
    for (TaskNode t : tasks) {
      if (t instanceof MetaTask m) {
        check(m, section);
      } else if (t instanceof BlockTask b) {
        walk(b.block(), section);
        walk(b.rescue(), section);
        walk(b.always(), section);
      }
    }
  }

  private void check(MetaTask m, String section) {
    if (section.equals("handlers") && m.meta() == Meta.FLUSH_HANDLERS) {
      in.diagnostics().error(m.metaAt(), "meta: flush_handlers cannot be a handler: handlers are"
          + " being flushed when it would run");
    } else if (!section.equals("handlers")) {
      in.diagnostics().error(m.metaAt(), "meta: " + m.meta().written() + " cannot be in " + section
          + ": a batch gate runs on the controller, not on the play's hosts");
    }
  }
}
