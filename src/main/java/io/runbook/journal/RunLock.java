package io.runbook.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run at a time per inventory: an OS file lock (released by the kernel if the process dies)
 * plus an owner record (user, host, pid, run id, start) inside the lock file, which a clean exit
 * erases. A record left behind by a process that is gone means a run died mid-way: that lock is
 * stale, reported as such, and taken over only when the operator says so.
 */
public final class RunLock implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FileChannel channel;
  private final FileLock lock;
  private final Path file;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code inventory} for {@code runId}; refuses (InvalidInputException, so
   * nothing runs) when another live run holds it, or when a dead run left it and
   * {@code breakStale} is false.
   */
  public static RunLock acquire(Path stateDir, Path inventory, String runId, boolean breakStale) {
    return acquire(stateDir, inventory, runId, breakStale, null);
  }

  /** As above; a stale lock left by {@code resuming} (the run being resumed) is taken over. */
  public static RunLock acquire(Path stateDir, Path inventory, String runId, boolean breakStale,
      String resuming) {
    Path file = stateDir.resolve("locks").resolve(Hashes.sha256(inventory.toAbsolutePath().normalize()
        .toString()).substring(0, 16) + ".lock");
    SourcePosition at = SourcePosition.none(String.valueOf(inventory));
    try {
      Files.createDirectories(file.getParent());
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        lock = null; // held by another run inside this same JVM
      }
      String record = read(ch);
      if (lock == null) {
        ch.close();
        throw new InvalidInputException(at, "inventory " + inventory + " is in use by another run: "
            + describe(record) + "; wait for it to finish");
      }
      if (!record.isBlank() && !breakStale && !(resuming != null && record.contains("\"" + resuming + "\""))
          && startedWork(stateDir, record)) {
        lock.release();
        ch.close();
        throw new InvalidInputException(at, "a run on inventory " + inventory + " ended without"
            + " releasing its lock (" + describe(record) + ", process gone): check what it left"
            + " half-done (runbook runs), then resume it or run again with --break-lock");
      }
      ch.truncate(0);
      Map<String, Object> owner = new LinkedHashMap<>();
      owner.put("user", System.getProperty("user.name"));
      owner.put("host", java.net.InetAddress.getLocalHost().getHostName());
      owner.put("pid", ProcessHandle.current().pid());
      owner.put("run_id", runId);
      owner.put("started", Instant.now().toString());
      owner.put("inventory", inventory.toAbsolutePath().toString());
      ch.write(ByteBuffer.wrap(JSON.writeValueAsBytes(owner)), 0);
      ch.force(true);
      return new RunLock(file, ch, lock);
    } catch (IOException e) {
      throw new InvalidInputException(at, "cannot take the run lock " + file + ": " + e.getMessage());
    }
  }

  /**
   * Whether the dead owner got as far as its journal: a run that died before its journal's
   * first line was written touched no host, so its lock is taken over without asking.
   */
  private static boolean startedWork(Path stateDir, String record) {
    try {
      Object id = JSON.readValue(record, Map.class).get("run_id");
      Path journal = stateDir.resolve("runs").resolve(String.valueOf(id)).resolve("journal.jsonl");
      return Journal.began(journal);
    } catch (IOException e) {
      return true;
    }
  }

  private static String read(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 64 * 1024));
    ch.read(buf, 0);
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
  }

  private static String describe(String record) {
    try {
      Map<?, ?> m = JSON.readValue(record, Map.class);
      return "run " + m.get("run_id") + " by " + m.get("user") + "@" + m.get("host") + ", pid "
          + m.get("pid") + ", since " + m.get("started");
    } catch (IOException e) {
      return "owner unknown";
    }
  }

  public Path file() {
    return file;
  }

  /** Erases the owner record and releases the lock: the run ended, whatever its result. */
  @Override
  public void close() {
    try {
      channel.truncate(0);
      channel.force(true);
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the kernel releases the lock with the process anyway
    }
  }
}
