package io.runbook.load;

import io.runbook.action.ArgSpec;
import io.runbook.source.Diagnostics;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed reads of YAML nodes that report a wrong shape at its position and carry on. */
final class NodeReader {
  private final Diagnostics diagnostics;
  private final NameUse names = new NameUse();

  NodeReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The variables read and defined in what this reader reads. */
  NameUse names() {
    return names;
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  void error(YNode at, String message) {
    diagnostics.error(at.position(), message);
  }

  /** An error of a known kind (a lint rule's id; see Diagnostic). */
  void error(String code, YNode at, String message) {
    diagnostics.error(code, at.position(), message);
  }

  /** A plain string, or null (with an error) when the node is a list, mapping or null. */
  String string(YNode node, String what) {
    if (node instanceof YScalar s && !s.isNull()) {
      return s.text();
    }
    error(node, "'" + what + "' must be a string, not " + node.describe());
    return null;
  }

  Boolean bool(YNode node, String what) {
    if (node instanceof YScalar s && s.value() instanceof Boolean b) {
      return b;
    }
    error(node, "'" + what + "' must be true or false, not " + node.describe()
        + (node instanceof YScalar s ? " '" + s.text() + "'" : ""));
    return null;
  }

  Integer integer(YNode node, String what) {
    if (node instanceof YScalar s && s.value() instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) {
      return l.intValue();
    }
    error(node, "'" + what + "' must be a whole number, not " + node.describe());
    return null;
  }

  /** A template or a value of the expected kind: kept as a node and rendered at run time. */
  YNode scalarOrTemplate(YNode node, String what) {
    if (node instanceof YScalar) {
      return node;
    }
    error(node, "'" + what + "' must be a single value, not " + node.describe());
    return null;
  }

  YMap map(YNode node, String what) {
    if (node instanceof YMap m) {
      return m;
    }
    error(node, "'" + what + "' must be a mapping, not " + node.describe());
    return null;
  }

  List<YNode> list(YNode node, String what) {
    if (node instanceof YList l) {
      return l.items();
    }
    error(node, "'" + what + "' must be a list, not " + node.describe());
    return List.of();
  }

  /** A string or a list of strings; a comma-separated string is split (as Ansible's tags). */
  List<String> names(YNode node, String what, boolean splitCommas) {
    List<String> out = new ArrayList<>();
    if (node instanceof YScalar s && !s.isNull()) {
      for (String part : splitCommas ? s.text().split(",") : new String[] {s.text()}) {
        if (!part.isBlank()) {
          out.add(part.trim());
        }
      }
    } else if (node instanceof YList l) {
      for (YNode item : l.items()) {
        String name = string(item, what);
        if (name != null) {
          out.add(name);
        }
      }
    } else if (!(node instanceof YScalar s && s.isNull())) {
      error(node, "'" + what + "' must be a string or a list of strings, not " + node.describe());
    }
    return out;
  }

  /** A guard or list of guards (implicit AND). Each stays a node: a bare expression. */
  List<YNode> guards(YNode node) {
    if (node instanceof YList l) {
      return l.items();
    }
    return List.of(node);
  }

  Map<String, YNode> vars(YNode node, String what) {
    Map<String, YNode> out = new LinkedHashMap<>();
    if (node instanceof YScalar s && s.isNull()) {
      return out;
    }
    YMap m = map(node, what);
    if (m != null) {
      variableNames(m, what);
      for (YMap.Entry e : m.entries()) {
        out.put(e.name(), e.value());
      }
    }
    return out;
  }

  /** Reports the keys of a mapping of variables that cannot be variable names. */
  void variableNames(YMap m, String what) {
    for (YMap.Entry e : m.entries()) {
      names.define(e.name());
      String problem = io.runbook.expr.VariableNames.problem(e.name());
      if (problem != null && !(what.equals("set_fact") && e.name().equals("cacheable"))) {
        error(e.key(), "in " + what + ": " + problem);
      }
    }
  }

  /** Reports keys of {@code map} outside {@code known}, suggesting the nearest known key. */
  void unknownKeys(YMap map, Set<String> known, String where) {
    for (YMap.Entry e : map.entries()) {
      if (!known.contains(e.name())) {
        error(e.key(), "unknown " + where + " key '" + e.name() + "'" + nearest(e.name(), known));
      }
    }
  }

  static String nearest(String name, Iterable<String> candidates) {
    String best = ArgSpec.nearest(name, candidates);
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  static Set<String> setOf(String... names) {
    return Set.copyOf(Arrays.asList(names));
  }
}
