package io.runbook.plan;

import io.runbook.model.BatchSize;
import io.runbook.model.Play;
import io.runbook.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a play's hosts into batches per {@code serial}: sizes are numbers or percentages of the
 * play's host count (never less than one host, see {@link BatchSize}), and the last size repeats,
 * as in Ansible. Example: 20 hosts with {@code serial: "30%"} give 6, 6, 6, 2.
 */
final class Batches {
  private Batches() {}

  /** The play's {@code serial}, each template rendered for the play. */
  static List<BatchSize> sizes(Play play, Value.Renderer render) {
    return play.serial().stream().map(size -> size.get(render)).toList();
  }

  /** Empty {@code sizes} mean one batch. */
  static List<List<String>> split(List<String> hosts, List<BatchSize> sizes) {
    List<List<String>> batches = new ArrayList<>();
    if (hosts.isEmpty()) {
      return batches;
    }
    if (sizes.isEmpty()) {
      batches.add(List.copyOf(hosts));
      return batches;
    }
    int next = 0;
    int sizeIndex = 0;
    while (next < hosts.size()) {
      BatchSize size = sizes.get(Math.min(sizeIndex++, sizes.size() - 1));
      int end = Math.min(hosts.size(), next + size.of(hosts.size()));
      batches.add(List.copyOf(hosts.subList(next, end)));
      next = end;
    }
    return batches;
  }
}
