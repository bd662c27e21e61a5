package io.runbook.plan;

/**
 * When a play stops because hosts failed.
 *
 * @param maxFailPercentage null when not set: then only a batch in which every host failed stops
 */
public record FailurePolicy(boolean anyErrorsFatal, Double maxFailPercentage) {}
