package io.runbook.model;

import io.runbook.yaml.YNode;
import java.util.List;

/**
 * {@code retries}/{@code delay}/{@code until}, plus runbook's exponential back-off. Attempts are
 * {@code retries + 1}: the first try is not a retry (Ansible's documented example runs a task
 * with {@code retries: 2} three times).
 *
 * @param until    guards that end the retrying when all hold; empty = retry until not failed
 * @param backoff  multiplier applied to the delay after each attempt (null = constant delay)
 * @param maxDelay cap on the delay in seconds once backed off (null = no cap)
 */
public record RetryPolicy(YNode retries, YNode delay, List<Guard> until, YNode backoff,
    YNode maxDelay) {

  public RetryPolicy {
    until = List.copyOf(until);
  }

  /** Ansible's defaults apply when only {@code until} is given: 3 retries, 5 s apart. */
  public static final long DEFAULT_RETRIES = 3;
  public static final double DEFAULT_DELAY_SECONDS = 5;
}
