package io.runbook.load;

import io.runbook.model.MagicVariables;
import io.runbook.model.NameRead;
import io.runbook.source.SourcePosition;
import io.runbook.source.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables a playbook's expressions read and those it defines (vars, vars_files, register,
 * set_fact, loop variables), gathered while it loads, to find magic variables written wrong.
 */
final class NameUse {
  private final Map<String, SourcePosition> reads = new LinkedHashMap<>();
  private final Set<String> defined = new HashSet<>();
  private boolean open;

  void read(Set<String> names, SourcePosition at) {
    for (String n : names) {
      reads.putIfAbsent(n, at);
    }
  }

  void define(String name) {
    defined.add(name);
  }

  /** Some definitions cannot be known before the run (a templated vars_files path): check nothing. */
  void openEnded() {
    open = true;
  }

  /** Names read, defined nowhere in the playbook, within two letters of a magic variable. */
  List<NameRead> nearMagic() {
    List<NameRead> out = new ArrayList<>();
    if (open) {
      return out;
    }
    reads.forEach((name, at) -> {
      if (MagicVariables.provided(name) || defined.contains(name)) {
        return;
      }
      String magic = Suggestions.nearest(name, MagicVariables.NAMES);
      if (magic != null) {
        out.add(new NameRead(name, at, magic));
      }
    });
    return out;
  }
}
