package io.runbook.yaml;

import io.runbook.source.SourcePosition;

/**
 * A YAML node that remembers where it was written. The model keeps these for action arguments
 * and templates so that an error found at run time still points at its file:line:col.
 */
public sealed interface YNode permits YMap, YList, YScalar {

  SourcePosition position();

  /** The node as plain Java values: LinkedHashMap, ArrayList, String, Long, Double, Boolean, null. */
  Object toPlain();

  /** What this node is, for messages: "a mapping", "a list", "a string", ... */
  String describe();
}
