package io.runbook.model;

import java.time.Duration;
import java.util.List;

/**
 * {@code retries}/{@code delay}/{@code until}, plus runbook's exponential back-off. Attempts are
 * {@code retries + 1}: the first try is not a retry (Ansible's documented example runs a task
 * with {@code retries: 2} three times). What is not written takes Ansible's defaults: 3 retries,
 * 5 s apart, the delay constant.
 *
 * @param until    guards that end the retrying when all hold; empty = retry until not failed
 * @param backoff  multiplier applied to the delay after each attempt
 * @param maxDelay cap on the delay once backed off (null = no cap)
 */
public record RetryPolicy(Value<Integer> retries, Value<Duration> delay, List<Guard> until,
    Value<Double> backoff, Value<Duration> maxDelay) {

  public static final int DEFAULT_RETRIES = 3;
  public static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);

  public RetryPolicy {
    retries = retries != null ? retries : Value.of(DEFAULT_RETRIES);
    delay = delay != null ? delay : Value.of(DEFAULT_DELAY);
    until = List.copyOf(until);
    backoff = backoff != null ? backoff : Value.of(1.0);
  }
}
