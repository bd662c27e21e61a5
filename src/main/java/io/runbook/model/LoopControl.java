package io.runbook.model;

import io.runbook.yaml.YNode;

/**
 * {@code loop_control}: how loop items are named, shown and spaced.
 *
 * @param loopVar  the item's variable name (default {@code item})
 * @param indexVar a variable holding the 0-based index, or null
 * @param label    a template shown instead of the item (also hides it), or null
 * @param pause    seconds between items, or null
 */
public record LoopControl(String loopVar, String indexVar, YNode label, YNode pause) {
  public static final LoopControl DEFAULT = new LoopControl("item", null, null, null);
}
