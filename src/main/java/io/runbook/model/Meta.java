package io.runbook.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code meta} task does to the run itself. Ansible decides {@code end_play} and
 * {@code end_batch} once per batch, on its first active host, as {@code run_once} does; the
 * others act on each host for which their {@code when} holds.
 */
public enum Meta {
  /** Runs the handlers notified so far, now, for the hosts that notified them. */
  FLUSH_HANDLERS(true),
  /** Ends the play for every host: the rest of its tasks, its handlers and its batches. */
  END_PLAY(false),
  /** Ends the current batch for every host in it; the next batch runs. */
  END_BATCH(false),
  /** Ends the play for this host only; the host is not failed and is back in the next play. */
  END_HOST(true),
  /** Does nothing. */
  NOOP(true);

  private final boolean perHost;

  Meta(boolean perHost) {
    this.perHost = perHost;
  }

  /** As written in a playbook: {@code flush_handlers}. */
  public String written() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** False when the first active host of the batch decides for all of it (end_play, end_batch). */
  public boolean perHost() {
    return perHost;
  }

  /** Whether it takes hosts out of the play (end_play, end_batch, end_host). */
  public boolean ends() {
    return this == END_PLAY || this == END_BATCH || this == END_HOST;
  }

  /** The value as written, or null when runbook has no such meta. */
  public static Meta parse(String written) {
    return Arrays.stream(values()).filter(m -> m.written().equals(written)).findFirst().orElse(null);
  }

  /** Every value a playbook may write, in the order the docs give them. */
  public static List<String> names() {
    return Arrays.stream(values()).map(Meta::written).toList();
  }
}
