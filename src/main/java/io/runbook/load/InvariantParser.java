package io.runbook.load;

import io.runbook.action.Action;
import io.runbook.action.ActionRegistry;
import io.runbook.model.Invariant;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a play's {@code invariants}: name, probe (http or command), loop, that, interval. */
final class InvariantParser {
  private static final Set<String> KEYS = NodeReader.setOf("name", "probe", "that", "interval", "loop");
  private static final Set<String> PROBES = NodeReader.setOf("http", "command");
  private final NodeReader in;
  private final ActionRegistry actions;
  private final GuardChecker guards;

  InvariantParser(NodeReader in, ActionRegistry actions, GuardChecker guards) {
    this.in = in;
    this.actions = actions;
    this.guards = guards;
  }

  List<Invariant> parse(YNode node) {
    List<Invariant> out = new ArrayList<>();
    if (node == null || node instanceof YScalar s && s.isNull()) {
      return out;
    }
    for (YNode item : in.list(node, "invariants")) {
      YMap m = in.map(item, "invariant");
      if (m == null) {
        continue;
      }
      in.unknownKeys(m, KEYS, "invariant");
      String name = m.has("name") ? in.string(m.get("name"), "name") : null;
      if (name == null) {
        in.error(m, "an invariant needs a 'name' (it is what a violation reports)");
      }
      YMap probe = m.has("probe") ? in.map(m.get("probe"), "probe") : null;
      if (probe == null || probe.entries().size() != 1 || !PROBES.contains(probe.entries().get(0).name())) {
        in.error(m, "an invariant needs a 'probe' with one action: http or command");
        continue;
      }
      YMap.Entry action = probe.entries().get(0);
      Action a = actions.get(action.name());
      YMap args = a.spec().check(action.name(), action.key().position(), action.value(), in.diagnostics());
      if (args != null) {
        guards.templates(args);
      }
      if (!m.has("that")) {
        in.error(m, "an invariant needs 'that': the guards that must hold (the probe's result is 'probe')");
        continue;
      }
      YNode loop = m.get("loop");
      if (loop != null && !(loop instanceof io.runbook.yaml.YList) && !isTemplate(loop)) {
        in.error(loop, "an invariant's 'loop' must be a list or a template giving one (its items are tried in turn)");
        continue;
      }
      if (loop != null && isTemplate(loop)) {
        guards.templates(loop);
      }
      List<io.runbook.model.Guard> that = guards.check(in.guards(m.get("that")));
      out.add(new Invariant(name, action.name(), args, that, m.get("interval"), loop, m.position()));
    }
    return out;
  }

  private static boolean isTemplate(YNode node) {
    return node instanceof YScalar s && s.value() instanceof String text && text.contains("{{");
  }
}
