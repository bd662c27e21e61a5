package io.runbook.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code runbook lab verify}: every transaction TiDB committed reached downstream exactly once,
 * in commit order, whether downstream is a file or the lab's MariaDB ({@link LabSink}: the rows
 * of {@code lab.binlog} in the order they were applied). Waits (bounded) for the drainer to catch up with what TiDB had committed when
 * the check began; what TiDB commits meanwhile is checked as far as downstream has it.
 */
public final class LabVerifier {
  /**
   * The counts of one verification, the timeline of the run, and the longest stall allowed
   * (null: any).
   */
  public record Result(int committed, int applied, int lost, int duplicated, int outOfOrder,
      int unknown, boolean caughtUp, LabTimeline timeline, Duration maxStall, Checkpoint checkpoint) {
    public boolean ok() {
      return lost == 0 && duplicated == 0 && outOfOrder == 0 && unknown == 0 && caughtUp && !stalledTooLong()
          && !checkpoint.ahead();
    }

    public boolean stalledTooLong() {
      return maxStall != null && timeline.longestStallMillis() > maxStall.toMillis();
    }

    public long longestStallMillis() {
      return timeline.longestStallMillis();
    }

    public long noPumpMillis() {
      return timeline.noPumpMillis();
    }
  }

  /**
   * The checkpoint as read back after the check: where it is, its commit timestamp (-1: none),
   * and whether it is past the last binlog applied (a restart would then skip binlogs).
   */
  public record Checkpoint(String where, long commitTs, boolean ahead) {}

  private final Path root;

  public LabVerifier(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Result verify(Duration catchUp) throws IOException {
    return verify(catchUp, null);
  }

  /** Verifies; with {@code maxStall}, a longer replication stall is a failure too. */
  public Result verify(Duration catchUp, Duration maxStall) throws IOException {
    Path committedFile = root.resolve("tidb1").resolve("data.tidb").resolve("committed.log");
    LabSink sink = LabSink.read(root);
    List<BinlogFile.Entry> committed = BinlogFile.read(committedFile);
    long target = committed.isEmpty() ? 0 : committed.get(committed.size() - 1).commitTs();
    long until = System.currentTimeMillis() + catchUp.toMillis();
    List<BinlogFile.Entry> applied = sink.applied(root);
    while (maxTs(applied) < target && System.currentTimeMillis() < until) {
      Daemon.pause(200);
      applied = sink.applied(root);
    }
    boolean caughtUp = maxTs(applied) >= target;
    // Re-read: what TiDB committed while we waited may already be downstream.
    List<BinlogFile.Entry> committedNow = BinlogFile.read(committedFile);
    Map<Long, String> byTs = new HashMap<>();
    committedNow.forEach(e -> byTs.put(e.commitTs(), e.payload()));
    Map<Long, Integer> seen = new HashMap<>();
    int duplicated = 0;
    int outOfOrder = 0;
    int unknown = 0;
    long previous = Long.MIN_VALUE;
    for (BinlogFile.Entry e : applied) {
      if (seen.merge(e.commitTs(), 1, Integer::sum) > 1) {
        duplicated++;
      }
      if (e.commitTs() <= previous) {
        outOfOrder++;
      }
      previous = Math.max(previous, e.commitTs());
      if (!e.payload().equals(byTs.get(e.commitTs()))) {
        unknown++;
      }
    }
    int lost = 0;
    for (BinlogFile.Entry e : committed) {
      if (!seen.containsKey(e.commitTs())) {
        lost++;
      }
    }
    Map.Entry<String, Long> cp = sink.checkpoint(root);
    Checkpoint checkpoint = new Checkpoint(cp.getKey(), cp.getValue(), cp.getValue() > maxTs(sink.applied(root)));
    return new Result(committed.size(), applied.size(), lost, duplicated, outOfOrder, unknown, caughtUp,
        LabTimeline.read(root), maxStall, checkpoint);
  }

  private static String clock(long epochMillis) {
    return epochMillis == 0 ? "-" : java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
        .format(java.time.Instant.ofEpochMilli(epochMillis).atZone(java.time.ZoneId.systemDefault()));
  }

  private static long maxTs(List<BinlogFile.Entry> entries) {
    return entries.stream().mapToLong(BinlogFile.Entry::commitTs).max().orElse(0);
  }

  /** Prints the counts; true when nothing was lost, duplicated, reordered or invented. */
  public static boolean print(Result r, PrintWriter out) {
    out.printf("lab verify: %d transactions committed by TiDB (at the start of the check), %d binlogs applied downstream%n",
        r.committed(), r.applied());
    out.printf("  lost: %d   duplicated: %d   out of order: %d   not committed by TiDB: %d%n",
        r.lost(), r.duplicated(), r.outOfOrder(), r.unknown());
    if (!r.caughtUp()) {
      out.println("  the drainer did not catch up with TiDB in time");
    }
    Checkpoint cp = r.checkpoint();
    out.printf("  checkpoint: %s (%s)%s%n", cp.commitTs() < 0 ? "none" : "commitTS " + cp.commitTs(), cp.where(),
        cp.ahead() ? ", past the last binlog applied: a restart would skip binlogs" : "");
    LabTimeline t = r.timeline();
    out.printf("  longest replication stall: %.1f s (a transaction committed at %s waited that long to reach downstream)%s%n",
        t.longestStallMillis() / 1000.0, clock(t.stallCommittedAt()),
        r.maxStall() == null ? "" : r.stalledTooLong() ? ", more than --max-stall " + r.maxStall().toSeconds() + " s"
            : ", within --max-stall " + r.maxStall().toSeconds() + " s");
    out.println(t.noPumpMillis() == 0 ? "  no Pump online: never, once the first was"
        : String.format("  no Pump online: %.1f s at the longest, from %s", t.noPumpMillis() / 1000.0,
            clock(t.noPumpFrom())));
    out.println(r.ok() ? "lab verify: OK: every committed transaction reached downstream exactly once, in commit order"
        : "lab verify: FAILED");
    return r.ok();
  }
}
