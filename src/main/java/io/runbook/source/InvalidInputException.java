package io.runbook.source;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Bad input found before any host was touched: a playbook, inventory, vars file, expression or
 * option. The command line maps it to exit code 4 and prints each diagnostic on its own line.
 */
public final class InvalidInputException extends RuntimeException {
  private final List<Diagnostic> diagnostics;

  public InvalidInputException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public InvalidInputException(SourcePosition at, String message) {
    this(List.of(Diagnostic.error(at, message)));
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
