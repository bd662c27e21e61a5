package io.runbook.model;

import io.runbook.source.SourcePosition;

/**
 * A variable that an expression reads, which nothing in the playbook defines and which is a few
 * letters from a magic variable: refused unless the inventory or the extra vars define it.
 *
 * @param name the name as written
 * @param position where the expression reading it starts
 * @param magic the magic variable it is close to
 */
public record NameRead(String name, SourcePosition position, String magic) {}
