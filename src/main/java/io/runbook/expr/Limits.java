package io.runbook.expr;

import java.time.Duration;

/**
 * The budget of one evaluation: how long it may run, and how large a string or a collection it
 * may build. Hitting one fails the expression with a message that names the bound; the
 * controller's memory stays bounded whatever the playbook or a host's data holds.
 *
 * @param time the longest one evaluation may take
 * @param maxText the most characters of any string it builds
 * @param maxItems the most items of any list or mapping it builds
 */
public record Limits(Duration time, int maxText, int maxItems) {
  public static final Limits DEFAULT = new Limits(Duration.ofSeconds(2), 1 << 20, 100_000);

  public Limits {
    if (time.isNegative() || time.isZero() || maxText < 1 || maxItems < 1) {
      throw new IllegalArgumentException("limits must be positive: " + time + ", " + maxText + ", " + maxItems);
    }
  }
}
