package io.runbook.report;

import java.util.Map;

/**
 * A task finished on a host, as the journal keeps it for {@code --resume}: what it registered
 * and set, whether it changed something, and whether it may be replayed instead of run again.
 *
 * @param key        the step's identity in the run: where the task is written and how many
 *                   times it already ran on this host before ({@code file:line:col#n})
 * @param replayable false when replaying could be wrong: a failure, an unreachable host, or a
 *                   result that held secrets (the journal keeps only their masks)
 * @param replayed   true when this run did not run the step but took it from the resumed run
 */
public record StepRecord(String key, String host, String task, String status, boolean changed,
    boolean ignored, Map<String, Object> registered, Map<String, Object> facts,
    boolean replayable, boolean replayed) {}
