package io.runbook.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file; {@code -Dgolden.update=true} rewrites the file instead
 * (review the diff before committing).
 */
public final class Golden {
  private Golden() {}

  public static void assertMatches(String actual, Path golden) {
    String normalized = actual.replace("\r\n", "\n").replaceAll("\u001b\\[[0-9;]*m", "");
    try {
      if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, normalized);
        if (!Boolean.getBoolean("golden.update")) {
          throw new AssertionError("golden file " + golden + " did not exist; written now, check it");
        }
        return;
      }
      assertThat(normalized).isEqualTo(Files.readString(golden));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
