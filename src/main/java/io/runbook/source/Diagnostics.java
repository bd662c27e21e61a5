package io.runbook.source;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects diagnostics so that one pass reports every mistake, not only the first. */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public void error(SourcePosition at, String message) {
    items.add(Diagnostic.error(at, message));
  }

  /** An error of a known kind: {@code code} is the id of the lint rule that reports it. */
  public void error(String code, SourcePosition at, String message) {
    items.add(Diagnostic.error(at, message).withCode(code));
  }

  public void warning(SourcePosition at, String message) {
    items.add(Diagnostic.warning(at, message));
  }

  public void add(Diagnostic d) {
    items.add(d);
  }

  public void addAll(List<Diagnostic> more) {
    items.addAll(more);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public List<Diagnostic> all() {
    return Collections.unmodifiableList(items);
  }

  /** Throws when any error was collected; warnings alone pass. */
  public void throwIfErrors() {
    if (hasErrors()) {
      throw new InvalidInputException(List.copyOf(items));
    }
  }
}
