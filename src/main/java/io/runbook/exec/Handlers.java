package io.runbook.exec;

import io.runbook.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * A play's handlers, flushed after pre_tasks, tasks and post_tasks of each batch and wherever a
 * {@code meta: flush_handlers} says: each handler runs once for every host that notified it and
 * is still in the play, in the order the handlers are written. A handler that ran is no longer
 * notified, so it runs again only when notified again.
 */
final class Handlers {
  private final List<Step> handlers;
  /** Handlers see the play's keywords, never those of the task that flushed them. */
  private final Inherited playLevel;
  private boolean flushing;

  Handlers(List<Step> handlers, Inherited playLevel) {
    this.handlers = List.copyOf(handlers);
    this.playLevel = playLevel;
  }

  /** True while handlers run: a flush_handlers reached from a handler cannot flush again. */
  boolean flushing() {
    return flushing;
  }

  void flush(TaskWalker walker, List<HostState> hosts) throws InterruptedException {
    flushing = true;
    try {
      for (Step handler : handlers) {
        List<String> names = new ArrayList<>(handler.node().options().listen());
        if (handler.node().options().name() != null) {
          names.add(handler.node().options().name());
        }
        List<HostState> notified = hosts.stream()
            .filter(h -> h.active() && names.stream().anyMatch(h.notified::contains)).toList();
        if (notified.isEmpty()) {
          continue;
        }
        notified.forEach(h -> h.notified.removeAll(names));
        walker.walk(List.of(handler), notified, playLevel);
      }
    } finally {
      flushing = false;
    }
  }
}
