package io.runbook.report;

import io.runbook.model.Status;
import java.util.List;
import java.util.Map;

/**
 * One task's outcome on one host (or one loop item of it).
 *
 * @param status      the outcome
 * @param message     why it failed, was skipped or unknown (may be null)
 * @param item        the loop item's label, or null when not in a loop
 * @param delegatedTo the host the action ran on when delegated, or null
 * @param result      the registered result (already masked when no_log)
 * @param diffs       before/after pairs for --diff
 * @param ignored     failed but {@code ignore_errors} let the host go on
 */
public record HostResult(TaskEvent task, String host, Status status, String message, String item,
    String delegatedTo, Map<String, Object> result, List<Diff> diffs, boolean ignored) {

  /** One file's content before and after. */
  public record Diff(String path, String before, String after) {}

  public HostResult {
    result = result == null ? Map.of() : result;
    diffs = diffs == null ? List.of() : List.copyOf(diffs);
  }
}
