package io.runbook.source;

import java.util.Objects;

/**
 * A place in an input file: 1-based line and column. Every model node and every diagnostic
 * carries one, from the YAML reader to the last error message.
 */
public record SourcePosition(String file, int line, int column) {

  /** For values that come from nowhere in a file (command-line options, computed defaults). */
  public static SourcePosition none(String what) {
    return new SourcePosition(what, 1, 1);
  }

  public SourcePosition {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("positions are 1-based: " + line + ":" + column);
    }
  }

  /** The same place in a file named otherwise (lint shows paths relative to its folder). */
  public SourcePosition withFile(String name) {
    return new SourcePosition(name, line, column);
  }

  /** The same line, {@code offset} characters further right. */
  public SourcePosition shift(int offset) {
    return new SourcePosition(file, line, column + Math.max(0, offset));
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
