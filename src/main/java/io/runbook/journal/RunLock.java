package io.runbook.journal;

import io.runbook.source.Diagnostic;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The controller's side of the run lock: one file per target host in a machine-wide lock
 * directory, named by what the run connects to ({@link Key#identity()}), so two runs on the same
 * hosts meet here whatever folder, state dir or copy of the inventory they started from. Each
 * file holds an OS lock (released by the kernel if the process dies) and the owner's record,
 * which a clean end erases. A record left behind by a process that is gone means a run died
 * mid-way: that lock is stale, reported, and taken over only when the operator says so.
 */
public final class RunLock implements AutoCloseable {
  /**
   * The files this JVM holds, with their records. The kernel's lock belongs to the process, and
   * closing any channel on a file drops it, so this process never opens a file it holds.
   */
  private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

  /** A host of the run, and what the run connects to for it. */
  public record Key(String host, String identity) {}

  private record Held(Path file, FileChannel channel, FileLock lock) {}

  /** Why a host's lock was refused: held by a live run, or left by a dead one. */
  private record Refusal(Key key, boolean stale, LockOwner owner) {}

  private final List<Held> held;

  private RunLock(List<Held> held) {
    this.held = held;
  }

  /** {@code $RUNBOOK_LOCK_DIR}, else {@code ~/.runbook/locks}: every run of this user meets there. */
  public static Path defaultDirectory(Map<String, String> env, String userHome) {
    String dir = env.get("RUNBOOK_LOCK_DIR");
    return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(userHome, ".runbook", "locks");
  }

  /**
   * Locks every host of {@code keys} for {@code owner}, or none: refuses (InvalidInputException,
   * so nothing runs) when another live run holds one, or when a dead run left one and neither
   * {@code breakStale} nor {@code resuming} (the id of the run being resumed) takes it over.
   */
  public static RunLock acquire(Path lockDir, List<Key> keys, LockOwner owner, boolean breakStale,
      String resuming, SourcePosition at) {
    List<Held> held = new ArrayList<>();
    List<Refusal> refused = new ArrayList<>();
    Path dir;
    try {
      dir = Files.createDirectories(lockDir).toRealPath();
    } catch (IOException e) {
      throw new InvalidInputException(at, "cannot make the lock directory " + lockDir + ": " + e
          + " (set RUNBOOK_LOCK_DIR to a folder you may write)");
    }
    // One lock per machine: several inventory hosts may be one (TiUP's host:port instances on
    // one address). Always in the same order, so that of two runs racing for them one wins.
    List<Key> sorted = keys.stream()
        .collect(java.util.stream.Collectors.toMap(Key::identity, k -> k, (first, same) -> first,
            java.util.LinkedHashMap::new))
        .values().stream().sorted(Comparator.comparing(Key::identity)).toList();
    try {
      for (Key key : sorted) {
        Path file = dir.resolve(LockNames.file(key.identity()) + ".lock");
        Refusal r = take(file, key, owner, breakStale, resuming, held);
        if (r != null) {
          refused.add(r);
        }
      }
    } catch (IOException e) {
      new RunLock(held).close();
      throw new InvalidInputException(at, "cannot take the run lock in " + dir + ": " + e.getMessage());
    }
    if (!refused.isEmpty()) {
      new RunLock(held).close();
      throw new InvalidInputException(messages(refused, at));
    }
    return new RunLock(held);
  }

  /** Takes one host's file into {@code held}, or says why not. */
  private static Refusal take(Path file, Key key, LockOwner owner, boolean breakStale,
      String resuming, List<Held> held) throws IOException {
    String here = HELD_HERE.putIfAbsent(file, owner.toJson());
    if (here != null) {
      return new Refusal(key, false, LockOwner.parse(here).orElse(null));
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    shareWithGroup(file);
    FileLock lock = ch.tryLock();
    LockOwner before = LockOwner.parse(read(ch)).orElse(null);
    if (lock == null) {
      ch.close();
      HELD_HERE.remove(file);
      return new Refusal(key, false, before);
    }
    if (before != null && !breakStale && !before.runId().equals(resuming) && before.journalBegan()) {
      lock.release();
      ch.close();
      HELD_HERE.remove(file);
      return new Refusal(key, true, before);
    }
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(owner.toJson().getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(true);
    held.add(new Held(file, ch, lock));
    return null;
  }

  /** One line per holder: the first of its hosts, how many more, and what to do. */
  private static List<Diagnostic> messages(List<Refusal> refused, SourcePosition at) {
    Map<String, List<Refusal>> byHolder = new LinkedHashMap<>();
    for (Refusal r : refused) {
      String holder = (r.stale() ? "stale " : "live ") + (r.owner() == null ? "?" : r.owner().runId());
      byHolder.computeIfAbsent(holder, h -> new ArrayList<>()).add(r);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (List<Refusal> same : byHolder.values()) {
      Refusal first = same.get(0);
      String hosts = first.key().host() + " (" + first.key().identity() + ")"
          + (same.size() > 1 ? " and " + (same.size() - 1) + " more host" + (same.size() > 2 ? "s" : "") : "");
      String holder = first.owner() == null ? "a run whose owner record is not written yet" : first.owner().describe();
      out.add(Diagnostic.error(at, first.stale()
          ? hosts + ": locked by " + holder + ", which ended without releasing the lock (process"
              + " gone): " + first.owner().staleAdvice()
          : hosts + ": in use by " + holder + "; wait for it to finish"));
    }
    return out;
  }

  /** Operators who share a lock directory (a group folder) must all be able to lock its files. */
  private static void shareWithGroup(Path file) {
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
    } catch (IOException | UnsupportedOperationException e) {
      // another user's file (it was made group-writable when created), or no POSIX permissions
    }
  }

  private static String read(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), 64 * 1024));
    ch.read(buf, 0);
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
  }

  /** The lock files held, for messages and tests. */
  public List<Path> files() {
    return held.stream().map(Held::file).toList();
  }

  /** Erases the owner records and releases the locks: the run ended, whatever its result. */
  @Override
  public void close() {
    for (Held h : held) {
      try {
        h.channel().truncate(0);
        h.channel().force(true);
        h.lock().release();
        h.channel().close();
      } catch (IOException e) {
        // the kernel releases the lock with the process anyway
      } finally {
        HELD_HERE.remove(h.file());
      }
    }
  }
}
