package io.runbook.cli;

import io.runbook.action.ActionRegistry;
import io.runbook.action.BuiltinActions;
import io.runbook.expr.Expressions;
import io.runbook.inventory.Inventory;
import io.runbook.load.PlaybookLoader;
import io.runbook.model.Playbook;
import io.runbook.source.Diagnostic;
import io.runbook.source.InvalidInputException;
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
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return new Inputs(book, inv);
  }

  record Inputs(Playbook playbook, Inventory inventory) {}
}
