package io.runbook.plan;

import io.runbook.model.Meta;
import io.runbook.model.Play;
import io.runbook.model.TaskOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the plan foresees for each step of one play on each host, batch by batch: the verdict of
 * its guards, and the hosts a meta task certainly takes out of the play by then (an
 * {@code end_host}, {@code end_batch} or {@code end_play} whose guard holds when planned), whose
 * later steps are {@link Verdict#ENDED}.
 */
final class Forecast {
  private final Foresight foresight;
  private final Play play;
  private final List<String> playHosts;
  private final Map<String, Map<String, Verdict>> verdicts = new LinkedHashMap<>();
  private boolean playEnded;

  Forecast(Foresight foresight, Play play, List<String> playHosts) {
    this.foresight = foresight;
    this.play = play;
    this.playHosts = playHosts;
  }

  Map<String, Map<String, Verdict>> verdicts() {
    Map<String, Map<String, Verdict>> out = new LinkedHashMap<>();
    verdicts.forEach((id, byHost) -> out.put(id, java.util.Collections.unmodifiableMap(byHost)));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** One batch through every section, in the order the run takes them. */
  void batch(List<String> batch, Map<Section, List<Step>> sections) {
    Batch b = new Batch(batch);
    if (playEnded) {
      b.ended.addAll(batch); // end_play ended the play in an earlier batch: this one never starts
      b.ended.add("localhost");
    }
    for (Section s : Section.values()) {
      List<String> hosts = s == Section.BEFORE_BATCH || s == Section.AFTER_BATCH ? List.of("localhost") : batch;
      b.walk(sections.getOrDefault(s, List.of()), hosts, List.of(), false);
    }
    playEnded |= b.endsPlay;
  }

  private final class Batch {
    final List<String> batch;
    final Set<String> ended = new HashSet<>();
    boolean endsPlay;

    Batch(List<String> batch) {
      this.batch = batch;
    }

    void walk(List<Step> steps, List<String> hosts, List<TaskOptions> around, boolean rescue) {
      for (Step step : steps) {
        List<TaskOptions> chain = new ArrayList<>(around);
        chain.add(step.node().options());
        if (step.kind() == StepKind.BLOCK) {
          walk(step.block(), hosts, chain, rescue);
          walk(step.rescue(), hosts, chain, true);
          walk(step.always(), hosts, chain, rescue);
          continue;
        }
        Map<String, Verdict> byHost = verdicts.computeIfAbsent(step.id(), id -> new LinkedHashMap<>());
        if (step.kind() == StepKind.META && !rescue) {
          meta(step, hosts, chain, byHost);
          continue;
        }
        String first = hosts.stream().filter(h -> !ended.contains(h)).findFirst().orElse(null);
        for (String h : hosts) {
          byHost.put(h, ended.contains(h) ? Verdict.ENDED
              : rescue ? Verdict.IF_BLOCK_FAILS
              : step.section() == Section.HANDLERS ? Verdict.IF_NOTIFIED
              : once(step) && !h.equals(first) ? Verdict.WITH_FIRST_HOST
              : decide(chain, h));
        }
      }
    }

    /** A meta step's verdicts; the hosts it certainly ends are ended for the steps after it. */
    private void meta(Step step, List<String> hosts, List<TaskOptions> chain, Map<String, Verdict> byHost) {
      Meta meta = step.meta().meta();
      List<String> left = hosts.stream().filter(h -> !ended.contains(h)).toList();
      // end_play and end_batch are decided by the first host of the batch still in the play
      Verdict once = meta.perHost() || left.isEmpty() ? null : guarded(step, chain, left.get(0));
      Set<String> endsHere = new HashSet<>();
      for (String h : hosts) {
        Verdict v = ended.contains(h) ? Verdict.ENDED
            : once == null ? guarded(step, chain, h)
            : h.equals(left.get(0)) ? once : Verdict.WITH_FIRST_HOST;
        byHost.put(h, v);
        if (v == acts(meta) || v == Verdict.WITH_FIRST_HOST && once == acts(meta)) {
          endsHere.add(h);
        }
      }
      if (step.section() == Section.HANDLERS || endsHere.isEmpty()) {
        return;
      }
      switch (meta) {
        case END_HOST -> ended.addAll(endsHere);
        case END_PLAY, END_BATCH -> {
          ended.addAll(batch);
          endsPlay |= meta == Meta.END_PLAY;
        }
        default -> { }
      }
    }

    private Verdict guarded(Step step, List<TaskOptions> chain, String host) {
      if (step.section() == Section.HANDLERS) {
        return Verdict.IF_NOTIFIED;
      }
      Verdict v = decide(chain, host);
      return v == Verdict.RUNS ? acts(step.meta().meta()) : v;
    }

    private Verdict decide(List<TaskOptions> chain, String host) {
      return foresight.guards(play, playHosts, batch, host, chain);
    }
  }

  /** run_once and pause run on the batch's first host; the others take its result. */
  private static boolean once(Step step) {
    return step.kind() == StepKind.ACTION
        && (step.action().options().runOnce() || step.action().action().equals("pause"));
  }

  /** What a meta does for a host whose guard holds. */
  static Verdict acts(Meta meta) {
    return switch (meta) {
      case FLUSH_HANDLERS -> Verdict.FLUSHES_HANDLERS;
      case END_PLAY -> Verdict.ENDS_PLAY;
      case END_BATCH -> Verdict.ENDS_BATCH;
      case END_HOST -> Verdict.ENDS_HOST;
      case NOOP -> Verdict.DOES_NOTHING;
    };
  }
}
