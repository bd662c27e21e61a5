package io.runbook.exec;

/** Which files hold secrets by their name (DESIGN.md §5): {@code *secret*} and {@code *vault*}. */
public final class SecretFiles {
  private SecretFiles() {}

  public static boolean isSecret(String path) {
    String name = java.nio.file.Path.of(path).getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.contains("secret") || name.contains("vault");
  }
}
