package io.runbook.action;

/** One file's content before and after (null when it did not or will not exist). */
public record FileDiff(String path, String before, String after) {}
