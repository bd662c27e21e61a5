package io.runbook.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What an earlier run finished, read from its journal: the steps that {@code --resume} replays
 * instead of running again. A step counts as finished when its {@code step_end} was forced to
 * disk with a result that can be replayed (ok, changed, skipped, unknown, or a failure that
 * {@code ignore_errors} let pass); the step that failed or was cut off runs again. A journal of a
 * resumed run begins with what it inherited, so reading the last run of a chain reads the chain.
 */
public final class ResumeState {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FINISHED = Set.of("ok", "changed", "skipped", "unknown", "failed");

  /** A finished step, as the journal kept it. */
  record Done(String runId, String status, boolean changed, boolean ignored,
      Map<String, Object> registered, Map<String, Object> facts) {}

  private final Map<String, Done> done = new HashMap<>();
  /** Per host, the steps that failed it (their ids, without the occurrence count). */
  private final Map<String, Set<String>> failedAt = new HashMap<>();

  private ResumeState() {}

  /** Reads the journal of run {@code runId}; a line cut off by a crash ends the reading. */
  @SuppressWarnings("unchecked")
  public static ResumeState read(String runId, Path journal) throws IOException {
    ResumeState state = new ResumeState();
    for (String line : Files.readAllLines(journal)) {
      JsonNode e;
      try {
        e = JSON.readTree(line);
      } catch (IOException cut) {
        break;
      }
      if (!e.path("event").asText().equals("step_end")) {
        continue;
      }
      String status = e.path("status").asText();
      String key = e.path("key").asText();
      Set<String> failed = state.failedAt.computeIfAbsent(e.path("host").asText(), h -> new java.util.HashSet<>());
      String step = key.contains("#") ? key.substring(0, key.lastIndexOf('#')) : key;
      if (status.equals("failed") && !e.path("ignored").asBoolean() || status.equals("unreachable")) {
        failed.add(step);
      } else {
        failed.remove(step); // done again later in the chain: what failed there was mended
      }
      if (!e.path("replayable").asBoolean() || !FINISHED.contains(status)
          || status.equals("failed") && !e.path("ignored").asBoolean()) {
        continue;
      }
      // an inherited step names the run of the chain that did it
      String at = key + "|" + e.path("host").asText();
      String by = e.has("run_id") ? e.path("run_id").asText()
          : e.path("replayed").asBoolean() && state.done.containsKey(at) ? state.done.get(at).runId() : runId;
      state.done.put(at, new Done(by, status,
          e.path("changed").asBoolean(), e.path("ignored").asBoolean(),
          JSON.convertValue(e.path("registered"), LinkedHashMap.class),
          JSON.convertValue(e.path("facts"), LinkedHashMap.class)));
    }
    return state;
  }

  /** The finished step {@code key} on {@code host}, or null when it must run. */
  Done done(String key, String host) {
    return done.get(key + "|" + host);
  }

  /** Whether a step inside {@code block} (or the block itself) failed {@code host} in the earlier run. */
  boolean failedWithin(String host, io.runbook.plan.Step block) {
    return failedAt.getOrDefault(host, Set.of()).stream().anyMatch(block::contains);
  }

  public int size() {
    return done.size();
  }
}
