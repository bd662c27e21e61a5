package io.runbook.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the plan foresees for each play's steps on its hosts, worked out when first asked for
 * ({@code runbook plan} shows it; a run never needs it). It is a function of the plan's inputs,
 * which the hash covers, so it is not hashed itself.
 */
public final class Forecasts {
  private final Foresight foresight;
  private final Map<Integer, Map<String, Map<String, Verdict>>> byPlay = new HashMap<>();

  Forecasts(Foresight foresight) {
    this.foresight = foresight;
  }

  /** Step id → host → verdict for {@code play} (a gate's host is {@code localhost}). */
  public synchronized Map<String, Map<String, Verdict>> of(PlannedPlay play) {
    return byPlay.computeIfAbsent(play.number(), n -> {
      Forecast forecast = new Forecast(foresight, play.play(), play.hosts());
      for (List<String> batch : play.batches()) {
        forecast.batch(batch, play.sections());
      }
      return forecast.verdicts();
    });
  }
}
