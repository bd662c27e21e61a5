package io.runbook.lint;

/** How much a finding counts: errors fail the lint; warnings only with {@code --strict}. */
public enum Level {
  ERROR, WARNING;

  public String lower() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
