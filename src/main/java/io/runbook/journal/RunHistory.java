package io.runbook.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runs recorded under a state directory, read back from their journals. A journal whose
 * last line was cut off mid-write (a controller killed at that instant) is read up to its last
 * whole line.
 */
public final class RunHistory {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one journal says about its run. */
  public record Run(String id, String started, String playbook, String status,
      Map<String, String> lastStepByHost, List<String> failures, JsonNode stats) {}

  private final Path stateDir;

  public RunHistory(Path stateDir) {
    this.stateDir = stateDir;
  }

  /** Every run, oldest first (by when it started: ids made in the same second sort randomly). */
  public List<Run> runs() throws IOException {
    Path runs = stateDir.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    List<Run> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(runs)) {
      for (Path d : dirs.sorted(Comparator.comparing(Path::toString)).toList()) {
        Path journal = d.resolve("journal.jsonl");
        if (Files.exists(journal)) {
          out.add(read(d.getFileName().toString(), journal));
        }
      }
    }
    out.sort(Comparator.comparing(RunHistory::startInstant));
    return out;
  }

  /** One run by id, or the newest for {@code last}; null when there is none. */
  public Run find(String id) throws IOException {
    List<Run> all = runs();
    if (id.equals("last")) {
      return all.isEmpty() ? null : all.get(all.size() - 1);
    }
    return all.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
  }

  private static java.time.Instant startInstant(Run r) {
    try {
      return java.time.Instant.parse(r.started());
    } catch (java.time.format.DateTimeParseException e) {
      return java.time.Instant.EPOCH;
    }
  }

  private static Run read(String id, Path journal) throws IOException {
    String started = "?";
    String playbook = "?";
    String status = "unfinished (the controller stopped mid-run; see the last step of each host)";
    Map<String, String> last = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    JsonNode stats = null;
    for (String line : Files.readAllLines(journal)) {
      JsonNode e;
      try {
        e = JSON.readTree(line);
      } catch (IOException cut) {
        break; // the line being written when the controller died
      }
      switch (e.path("event").asText()) {
        case "run_start" -> {
          started = e.path("ts").asText();
          playbook = e.path("playbook").asText();
        }
        case "host_result" -> {
          String host = e.path("host").asText();
          String what = e.path("status").asText() + ": " + e.path("task").asText() + " (" + e.path("at").asText() + ")";
          last.put(host, what);
          if (e.path("status").asText().equals("failed") && !e.path("ignored").asBoolean()
              || e.path("status").asText().equals("unreachable")) {
            failures.add(host + ": " + e.path("task").asText() + ": " + e.path("msg").asText());
          }
        }
        case "run_aborted" -> failures.add("run stopped: " + e.path("reason").asText());
        case "run_end" -> {
          int code = e.path("exit_code").asInt();
          status = switch (code) {
            case 0 -> "ok";
            case 2 -> "failed (exit 2)";
            case 3 -> "unreachable hosts (exit 3)";
            case 99 -> "interrupted (exit 99)";
            default -> "exit " + code;
          };
          stats = e.path("stats");
        }
        default -> { }
      }
    }
    return new Run(id, started, playbook, status, last, failures, stats);
  }
}
