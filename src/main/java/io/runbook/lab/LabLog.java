package io.runbook.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** A component's log, in the shape of TiDB's: {@code [time] [LEVEL] [component] message}. */
final class LabLog {
  /** The time stamp of TiDB's log lines, as the lab writes them: also binlogctl's. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSS xxx");
  private final String component;
  private final PrintStream out;

  LabLog(String component, String file) {
    this.component = component;
    if (file == null) {
      out = System.err;
      return;
    }
    try {
      Path p = Path.of(file);
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
      out = new PrintStream(Files.newOutputStream(p, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND), true, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open log file " + file, e);
    }
  }

  void info(String message) {
    line("INFO", message);
  }

  void warn(String message) {
    line("WARN", message);
  }

  void error(String message) {
    line("ERROR", message);
  }

  synchronized void line(String level, String message) {
    out.println("[" + TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "] [" + level + "] ["
        + component + "] " + message);
  }
}
