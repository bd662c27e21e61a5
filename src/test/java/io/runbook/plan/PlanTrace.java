package io.runbook.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds a run to its plan: the (batch, host, step id) sequence the run started, against the one
 * the plan foresaw. Steps the plan cannot foresee (handlers, rescues, what includes read) are
 * left out of the run's side; a planned start may be missing only for a host that left the run
 * early (it failed, or a meta task ended it), or after the run was aborted.
 */
public final class PlanTrace {
  private PlanTrace() {}

  /** One step started on one host. */
  public record Start(int batch, String host, String step) {
    @Override
    public String toString() {
      return "batch " + batch + " " + host + " " + step;
    }
  }

  /**
   * Asserts that the run a journal recorded followed its plan: its {@code step_start} lines
   * against the plan; hosts that failed, were unreachable or were ended by a meta task left early.
   */
  public static void assertJournalFollows(PlanView plan, java.nio.file.Path journal) throws java.io.IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<Start> started = new ArrayList<>();
    LeftEarly left = new LeftEarly();
    for (String line : java.nio.file.Files.readAllLines(journal)) {
      com.fasterxml.jackson.databind.JsonNode e = json.readTree(line);
      switch (e.path("event").asText()) {
        case "step_start" -> started.add(new Start(e.path("batch").asInt(), e.path("host").asText(),
            e.path("step").asText()));
        case "run_aborted" -> left.aborted();
        case "host_result" -> left.result(e.path("host").asText(), e.path("status").asText(),
            e.path("ignored").asBoolean(), e.path("action").asText(), e.at("/result/msg").asText(""));
        default -> { }
      }
    }
    assertRunFollows(plan, started, left);
  }

  /** Which hosts left the run before the plan's end, from their results: what may not have started. */
  public static final class LeftEarly {
    private final Set<String> hosts = new java.util.HashSet<>();
    private boolean stopped;

    /** A host's result: {@code status} as the reporters spell it (ok, failed, unreachable, ...). */
    public void result(String host, String status, boolean ignored, String action, String msg) {
      if (status.equals("failed") && !ignored || status.equals("unreachable")) {
        hosts.add(host);
      } else if (action.equals("meta") && status.equals("ok") && msg != null && msg.startsWith("ending")) {
        if (msg.startsWith("ending play for ")) {
          hosts.add(host);
        } else {
          stopped = true; // end_batch, end_play: every host of the batch
        }
      }
    }

    /** The run was aborted: nothing planned after that point need have started. */
    public void aborted() {
      stopped = true;
    }
  }

  /** What the plan says the run starts, in order. */
  public static List<Start> planned(PlanView plan) {
    List<Start> out = new ArrayList<>();
    for (PlanView.Play play : plan.plays()) {
      for (int b = 0; b < play.batches().size(); b++) {
        for (PlanView.ShownStep s : play.steps()) {
          List<String> hosts = isGate(play, s) ? List.of("localhost") : play.batches().get(b);
          for (String h : hosts) {
            Verdict v = s.verdicts().get(h);
            if (v != null && v.starts()) {
              out.add(new Start(b + 1, h, s.id()));
            }
          }
        }
      }
    }
    return out;
  }

  /** A step of a before_batch or after_batch gate: it runs on the controller. */
  private static boolean isGate(PlanView.Play play, PlanView.ShownStep s) {
    return s.id().startsWith("p" + play.number() + ".bb") || s.id().startsWith("p" + play.number() + ".ab");
  }

  /**
   * Asserts that {@code started} follows {@code plan}: equal when nothing failed; otherwise every
   * missing start belongs to a host in {@code leftEarly}, or comes after the run was aborted.
   */
  public static void assertRunFollows(PlanView plan, List<Start> started, LeftEarly left) {
    Set<String> leftEarly = left.hosts;
    boolean aborted = left.stopped;
    Map<String, Map<String, Verdict>> foreseen = new HashMap<>();
    plan.plays().forEach(p -> p.steps().forEach(s -> foreseen.put(s.id(), s.verdicts())));
    List<Start> run = started.stream().filter(s -> {
      Verdict v = foreseen.getOrDefault(s.step(), Map.of()).get(s.host());
      return v != null && v.starts();
    }).toList();
    List<Start> expected = planned(plan);
    if (leftEarly.isEmpty() && !aborted) {
      assertThat(run).as("the run's starts, step for step").containsExactlyElementsOf(expected);
      return;
    }
    int i = 0;
    for (Start e : expected) {
      if (i < run.size() && run.get(i).equals(e)) {
        i++;
      } else if (!aborted) {
        assertThat(leftEarly).as("planned " + e + " did not start: its host must have left the run")
            .contains(e.host());
      }
    }
    assertThat(run.subList(i, run.size())).as("started but not planned, or out of order").isEmpty();
  }
}
