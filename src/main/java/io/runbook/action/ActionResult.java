package io.runbook.action;

import io.runbook.model.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an action did on one host.
 *
 * @param status  how it ended (never UNREACHABLE)
 * @param message a short reason, shown for failures, skips and unknowns (may be null)
 * @param data    the fields a {@code register} sees besides changed/failed/msg (rc, stdout, ...)
 * @param facts   variables to set on the host ({@code set_fact}); empty for most actions
 * @param diffs   before/after pairs for {@code --diff}; empty when nothing to show
 */
public record ActionResult(Status status, String message, Map<String, Object> data,
    Map<String, Object> facts, List<FileDiff> diffs) {

  public ActionResult {
    if (status == Status.UNREACHABLE) {
      // an action that cannot reach its host throws UnreachableException; the run reports it
      throw new IllegalArgumentException("an action does not report UNREACHABLE: it throws");
    }
    data = new LinkedHashMap<>(data == null ? Map.of() : data);
    // set_fact may set a variable to null, which Map.copyOf would refuse
    facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts == null ? Map.of() : facts));
    diffs = List.copyOf(diffs == null ? List.of() : diffs);
  }

  public static ActionResult ok(Map<String, Object> data) {
    return new ActionResult(Status.OK, null, data, null, null);
  }

  public static ActionResult changed(Map<String, Object> data) {
    return new ActionResult(Status.CHANGED, null, data, null, null);
  }

  /** OK or CHANGED depending on {@code changed}. */
  public static ActionResult of(boolean changed, Map<String, Object> data) {
    return changed ? changed(data) : ok(data);
  }

  public static ActionResult failed(String message, Map<String, Object> data) {
    return new ActionResult(Status.FAILED, message, data, null, null);
  }

  public static ActionResult skipped(String reason) {
    return new ActionResult(Status.SKIPPED, reason, null, null, null);
  }

  public static ActionResult unknown(String reason) {
    return new ActionResult(Status.UNKNOWN, reason, null, null, null);
  }

  public ActionResult withDiffs(List<FileDiff> d) {
    return new ActionResult(status, message, data, facts, d);
  }

  public ActionResult withFacts(Map<String, Object> f) {
    return new ActionResult(status, message, data, f, diffs);
  }

  public ActionResult withMessage(String m) {
    return new ActionResult(status, m, data, facts, diffs);
  }
}
