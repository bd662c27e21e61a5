package io.runbook.inventory;

import io.runbook.source.SourcePosition;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A group as the parsers build it: its own hosts, child groups and variables, in file order. */
final class Group {
  final String name;
  final Set<String> hosts = new LinkedHashSet<>();
  final Set<String> children = new LinkedHashSet<>();
  final Set<String> parents = new LinkedHashSet<>();
  /** Variables written in the inventory file itself. */
  final Map<String, Object> vars = new LinkedHashMap<>();
  /** Variables from group_vars/ files, which win over the inventory file's. */
  final Map<String, Object> fileVars = new LinkedHashMap<>();
  SourcePosition position;

  Group(String name, SourcePosition position) {
    this.name = name;
    this.position = position;
  }
}
