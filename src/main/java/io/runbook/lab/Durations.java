package io.runbook.lab;

/** Go-style durations as TiDB's config writes them: {@code "15s"}, {@code "500ms"}, {@code "1m"}. */
final class Durations {
  private Durations() {}

  static long millis(String text) {
    String t = text.strip();
    if (t.endsWith("ms")) {
      return Math.round(Double.parseDouble(t.substring(0, t.length() - 2)));
    }
    double n = Double.parseDouble(t.substring(0, t.length() - 1));
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Math.round(n * 1000);
      case 'm' -> Math.round(n * 60_000);
      case 'h' -> Math.round(n * 3_600_000);
      default -> throw new IllegalArgumentException("not a duration: '" + text + "'");
    };
  }
}
