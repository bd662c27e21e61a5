package io.runbook.model;

import io.runbook.source.SourcePosition;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import java.util.List;

/**
 * Something that must stay true while a play runs ("at least one other Pump is online"): a
 * probe (an {@code http} or {@code command} action run on the controller, its result visible
 * to the guards as {@code probe}), guards that must all hold, and how often to look.
 *
 * @param interval seconds between checks while the play runs (a template or number; null = 5)
 * @param loop     null, or the items (a list or a template) the probe is tried with, in turn, as
 *                 {@code item}: the first that answers (does not fail) is {@code probe}, so one
 *                 member that is down does not hide the others' view of the cluster
 */
public record Invariant(String name, String action, YMap args, List<Guard> that, YNode interval,
    YNode loop, SourcePosition position) {

  public Invariant {
    that = List.copyOf(that);
  }
}
