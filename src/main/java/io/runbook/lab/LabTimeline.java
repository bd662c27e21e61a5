package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run did to replication over time, from the lab's own records: the longest stall (the
 * longest a committed transaction waited to reach downstream) and the longest window with no
 * Pump online in PD.
 *
 * @param longestStallMillis the longest wait between a commit and its apply downstream
 * @param stallCommittedAt when the transaction that waited that long was committed (epoch ms)
 * @param noPumpMillis the longest time with no Pump online, once one had been
 * @param noPumpFrom when that window began (epoch ms), or 0 when there was none
 */
record LabTimeline(long longestStallMillis, long stallCommittedAt, long noPumpMillis, long noPumpFrom) {

  static LabTimeline read(Path root) throws IOException {
    long stall = 0;
    long stallAt = 0;
    for (BinlogFile.Entry e : LabSink.read(root).appliedAt(root)) {
      long committed = Tso.physicalMillis(e.commitTs());
      long waited = Long.parseLong(e.payload()) - committed;
      if (waited > stall) {
        stall = waited;
        stallAt = committed;
      }
    }
    long[] window = noPumpWindow(root.resolve("pd1").resolve("data.pd").resolve(PdServer.PUMP_STATES));
    return new LabTimeline(stall, stallAt, window[0], window[1]);
  }

  /** Replays the Pump states: the longest stretch with none online, after the first was. */
  private static long[] noPumpWindow(Path history) throws IOException {
    if (!Files.exists(history)) {
      return new long[] {0, 0};
    }
    Map<String, String> states = new HashMap<>();
    long longest = 0;
    long longestFrom = 0;
    long emptySince = -1;
    boolean seenOnline = false;
    List<String> lines = Files.readAllLines(history);
    for (String line : lines) {
      String[] f = line.split(" ");
      if (f.length < 3) {
        continue;
      }
      long at = Long.parseLong(f[0]);
      states.put(f[1], f[2]);
      boolean anyOnline = states.containsValue("online");
      if (anyOnline) {
        seenOnline = true;
        if (emptySince >= 0 && at - emptySince > longest) {
          longest = at - emptySince;
          longestFrom = emptySince;
        }
        emptySince = -1;
      } else if (seenOnline && emptySince < 0) {
        emptySince = at;
      }
    }
    if (emptySince >= 0 && System.currentTimeMillis() - emptySince > longest) {
      longest = System.currentTimeMillis() - emptySince;
      longestFrom = emptySince;
    }
    return new long[] {longest, longestFrom};
  }
}
