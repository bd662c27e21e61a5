package io.runbook.cli;

import io.runbook.action.ActionRegistry;
import io.runbook.action.BuiltinActions;
import io.runbook.expr.Expressions;
import io.runbook.inventory.Inventory;
import io.runbook.load.PlaybookLoader;
import io.runbook.model.Playbook;
import io.runbook.source.Diagnostic;
import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The engine's parts, built once per command. */
final class Engine {
  final Expressions expressions = new Expressions();
  final ActionRegistry actions = BuiltinActions.registry();
  final PlaybookLoader loader = new PlaybookLoader(actions, expressions);

  /** Loads the playbook and the inventory, reporting the mistakes of both together. */
  Inputs load(Path playbook, Path inventory) {
    return load(playbook, inventory, java.util.Set.of());
  }

  /**
   * Loads both; a variable the playbook reads that is defined nowhere (not by the playbook, the
   * inventory or {@code extraNames}) and is a few letters from a magic variable is refused too.
   */
  Inputs load(Path playbook, Path inventory, java.util.Set<String> extraNames) {
    return load(playbook, inventory, extraNames, null);
  }

  /** Loads both, and refuses a {@code --limit} that leaves none of the inventory's hosts. */
  Inputs load(Path playbook, Path inventory, java.util.Set<String> extraNames, String limit) {
    List<Diagnostic> problems = new ArrayList<>();
    Playbook book = null;
    Inventory inv = null;
    try {
      book = loader.load(playbook);
    } catch (InvalidInputException e) {
      problems.addAll(e.diagnostics());
    }
    try {
      inv = inventory == null ? Inventory.empty() : Inventory.load(inventory);
    } catch (InvalidInputException e) {
      problems.addAll(e.diagnostics());
    }
    if (book != null && inv != null) {
      problems.addAll(misspeltMagic(book, inv, extraNames));
    }
    try {
      if (inv != null && !inv.limitLeavesHosts(limit)) {
        problems.add(Diagnostic.error(SourcePosition.none(String.valueOf(inventory)), "--limit " + limit
            + " leaves no host to target: it matches none of the inventory's hosts"));
      }
    } catch (InvalidInputException e) {
      problems.addAll(e.diagnostics()); // a --limit @file that cannot be read
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Inputs(book, inv);
  }

  private static List<Diagnostic> misspeltMagic(Playbook book, Inventory inv, java.util.Set<String> extraNames) {
    List<Diagnostic> out = new ArrayList<>();
    if (book.nearMagic().isEmpty()) {
      return out;
    }
    java.util.Set<String> defined = new java.util.HashSet<>(extraNames);
    for (String host : inv.hosts()) {
      defined.addAll(inv.hostVars(host).keySet());
    }
    for (io.runbook.model.NameRead r : book.nearMagic()) {
      if (!defined.contains(r.name())) {
        out.add(Diagnostic.error(r.position(), "'" + r.name() + "' is defined nowhere (not by the playbook,"
            + " the inventory or -e); did you mean the magic variable '" + r.magic() + "'?").withCode("undefined-variable"));
      }
    }
    return out;
  }

  record Inputs(Playbook playbook, Inventory inventory) {}
}
