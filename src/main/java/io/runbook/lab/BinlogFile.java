package io.runbook.lab;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of binlogs, one {@code <commitTS> <payload>} per line, also kept in memory.
 * Every append reaches the operating system before it returns, so a killed process loses
 * nothing it acknowledged. A line cut short by a crash is dropped on reading.
 */
final class BinlogFile {
  /** One binlog: its commit timestamp and what the transaction wrote. */
  record Entry(long commitTs, String payload) {
    String line() {
      return commitTs + " " + payload;
    }

    static Entry parse(String line) {
      int sp = line.indexOf(' ');
      return new Entry(Long.parseLong(line.substring(0, sp)), line.substring(sp + 1));
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final BufferedWriter out;

  BinlogFile(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    if (Files.exists(file)) {
      entries.addAll(read(file));
    }
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  /** The complete lines of {@code file}; a torn last line is left out. */
  static List<Entry> read(Path file) throws IOException {
    List<Entry> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    String text = Files.readString(file);
    int end = text.lastIndexOf('\n');
    if (end < 0) {
      return out;
    }
    for (String line : text.substring(0, end).split("\n")) {
      if (!line.isBlank()) {
        out.add(Entry.parse(line));
      }
    }
    return out;
  }

  synchronized void append(Entry e) throws IOException {
    out.write(e.line());
    out.write('\n');
    out.flush();
    entries.add(e);
  }

  synchronized long maxCommitTs() {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).commitTs();
  }

  synchronized int size() {
    return entries.size();
  }

  /** Entries with {@code after < commitTs <= upTo}, at most {@code limit}, in file order. */
  synchronized List<Entry> between(long after, long upTo, int limit) {
    List<Entry> out = new ArrayList<>();
    int i = firstAfter(after);
    for (; i < entries.size() && out.size() < limit; i++) {
      Entry e = entries.get(i);
      if (e.commitTs() > upTo) {
        break;
      }
      out.add(e);
    }
    return out;
  }

  /** Entries from position {@code offset} on (the Kafka stand-in's offsets), at most {@code limit}. */
  synchronized List<Entry> from(int offset, int limit) {
    return new ArrayList<>(entries.subList(Math.min(offset, entries.size()),
        Math.min(entries.size(), offset + limit)));
  }

  private int firstAfter(long ts) {
    int lo = 0;
    int hi = entries.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (entries.get(mid).commitTs() <= ts) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  synchronized void close() throws IOException {
    out.close();
  }
}
