package io.runbook.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.runbook.action.ActionRegistry;
import io.runbook.expr.ExpressionException;
import io.runbook.expr.Expressions;
import io.runbook.inventory.Inventory;
import io.runbook.load.PlaybookLoader;
import io.runbook.model.ActionTask;
import io.runbook.model.BlockTask;
import io.runbook.model.IncludeTask;
import io.runbook.model.Meta;
import io.runbook.model.MetaTask;
import io.runbook.model.Play;
import io.runbook.model.Playbook;
import io.runbook.model.TaskNode;
import io.runbook.plan.RunPlan;
import io.runbook.report.RunListener;
import io.runbook.transport.Checksums;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link RunPlan} of a playbook on an inventory without touching a host: the same
 * host selection, ordering, batches, tag filter and variable scopes as a run, with guards
 * evaluated where everything they read is already known.
 */
public final class Planner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ActionRegistry actions;
  private final Expressions expressions;
  private final PlaybookLoader loader;

  public Planner(ActionRegistry actions, Expressions expressions, PlaybookLoader loader) {
    this.actions = actions;
    this.expressions = expressions;
    this.loader = loader;
  }

  public RunPlan plan(Playbook playbook, Inventory inventory, RunOptions options) {
    RunContext run = new RunContext(playbook, inventory, options, new RunListener() { },
        expressions, actions, loader, null);
    List<RunPlan.Play> plays = new ArrayList<>();
    for (Play play : playbook.plays()) {
      plays.add(play(run, play));
    }
    return new RunPlan(hash(plays), plays);
  }

  private RunPlan.Play play(RunContext run, Play play) {
    VarScope playLevel = new PlayScope(run, play, List.of()).forHost("localhost", Inherited.forPlay(List.of()));
    String pattern = String.valueOf(expressions.render(play.hosts(), playLevel));
    List<String> hosts = new ArrayList<>(run.inventory.select(pattern));
    if (run.options.limit() != null) {
      hosts = new ArrayList<>(run.inventory.limit(hosts, run.options.limit()));
    }
    List<List<String>> batches = Batches.split(hosts,
        Batches.sizes(play, (text, at) -> expressions.renderString(text, at, playLevel)));
    PlayScope scope = new PlayScope(run, play, hosts);
    try {
      scope.loadVarsFiles((path, at) -> Map.of());
    } catch (RuntimeException e) {
      // a vars file that only the run can find: guards that read it are decided at run time
    }
    List<List<RunPlan.Step>> perBatch = new ArrayList<>();
    Inherited inh = Inherited.forPlay(play);
    boolean playEnded = false;
    for (List<String> batch : batches) {
      scope.batch(batch);
      BatchSteps steps = new BatchSteps(run, scope);
      if (playEnded) {
        // meta: end_play ended the play in an earlier batch: this one never starts
        steps.ended.addAll(batch);
        steps.ended.add("localhost");
      }
      steps.walk("before_batch", play.beforeBatch(), List.of("localhost"), inh);
      for (List<TaskNode> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
        steps.walk("task", section, batch, inh);
      }
      steps.walk("handler", play.handlers(), batch, inh);
      steps.walk("after_batch", play.afterBatch(), List.of("localhost"), inh);
      perBatch.add(steps.out);
      playEnded |= steps.endsPlay;
    }
    List<String> invariants = play.invariants().stream()
        .map(i -> i.name() + ": " + i.action() + " probe, " + i.that().stream().map(io.runbook.model.Guard::text)
            .collect(java.util.stream.Collectors.joining(" and ")) + " (" + i.position() + ")").toList();
    return new RunPlan.Play(play.displayName(), pattern, batches, merge(perBatch), invariants);
  }

  /**
   * The steps of one batch, and the hosts a meta task certainly takes out of the play by then
   * (an {@code end_host}, {@code end_batch} or {@code end_play} whose guard holds when planned):
   * their later steps have the verdict {@code ended}.
   */
  private final class BatchSteps {
    final List<RunPlan.Step> out = new ArrayList<>();
    final Set<String> ended = new HashSet<>();
    boolean endsPlay;
    private int inRescue;
    private final RunContext run;
    private final PlayScope scope;

    BatchSteps(RunContext run, PlayScope scope) {
      this.run = run;
      this.scope = scope;
    }

    void walk(String kind, List<TaskNode> nodes, List<String> hosts, Inherited inh) {
      for (TaskNode node : nodes) {
        Inherited here = inh.plus(node.options());
        if (node instanceof BlockTask b) {
          walk(kind, b.block(), hosts, here);
          inRescue++; // runs only if the block fails: ends nothing for certain
          walk(kind, b.rescue(), hosts, here);
          inRescue--;
          walk(kind, b.always(), hosts, here);
          continue;
        }
        if (kind.equals("task") && !run.tags.selects(here.tags())) {
          continue;
        }
        String at = node.options().position().toString();
        if (node instanceof MetaTask m) {
          out.add(new RunPlan.Step(kind, m.displayName(), "meta: " + m.meta().written(), at,
              meta(kind, m, hosts, here)));
          continue;
        }
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (String h : hosts) {
          verdicts.put(h, ended.contains(h) ? "ended" : kind.equals("handler") ? "if notified" : verdict(here, scope, h));
        }
        if (node instanceof ActionTask t) {
          out.add(new RunPlan.Step(kind, t.displayName(), t.action(), at, verdicts));
        } else {
          IncludeTask i = (IncludeTask) node;
          out.add(new RunPlan.Step("include", String.valueOf(i.file().toPlain()), "include_tasks", at, verdicts));
        }
      }
    }

    /** A meta step's verdicts; the hosts it certainly ends are ended for the steps after it. */
    private Map<String, String> meta(String kind, MetaTask m, List<String> hosts, Inherited inh) {
      Map<String, String> verdicts = new LinkedHashMap<>();
      List<String> left = hosts.stream().filter(h -> !ended.contains(h)).toList();
      // end_play and end_batch are decided by the first host of the batch still in the play
      String once = m.meta().perHost() || left.isEmpty() ? null : decide(kind, inh, left.get(0));
      for (String h : hosts) {
        String v = ended.contains(h) ? "ended" : once != null ? once : decide(kind, inh, h);
        verdicts.put(h, v.equals("runs") ? acts(m.meta()) : v);
      }
      if (inRescue == 0 && verdicts.containsValue(acts(m.meta()))) {
        switch (m.meta()) {
          case END_HOST -> verdicts.forEach((h, v) -> {
            if (v.equals(acts(Meta.END_HOST))) {
              ended.add(h);
            }
          });
          case END_PLAY, END_BATCH -> {
            ended.addAll(scope.batch());
            endsPlay |= m.meta() == Meta.END_PLAY;
          }
          default -> { }
        }
      }
      return verdicts;
    }

    private String decide(String kind, Inherited inh, String host) {
      return kind.equals("handler") ? "if notified" : verdict(inh, scope, host);
    }
  }

  private String verdict(Inherited inh, PlayScope scope, String host) {
    try {
      return Guards.allHold(expressions, inh.when(), scope.forHost(host, inh)) ? "runs" : "skipped";
    } catch (ExpressionException e) {
      return "at run time";
    }
  }

  /** What a meta does for a host whose guard holds. */
  private static String acts(Meta meta) {
    return switch (meta) {
      case FLUSH_HANDLERS -> "runs notified handlers";
      case END_PLAY -> "ends the play";
      case END_BATCH -> "ends the batch";
      case END_HOST -> "ends the play for the host";
      case NOOP -> "does nothing";
    };
  }

  /**
   * The same step in every batch becomes one step with every host's verdict. A task file
   * imported several times is several steps: the n-th occurrence in one batch meets the n-th in
   * the others.
   */
  private static List<RunPlan.Step> merge(List<List<RunPlan.Step>> perBatch) {
    Map<String, RunPlan.Step> merged = new LinkedHashMap<>();
    for (List<RunPlan.Step> steps : perBatch) {
      Map<String, Integer> seen = new HashMap<>();
      for (RunPlan.Step s : steps) {
        String step = s.kind() + "|" + s.at() + "|" + s.name();
        String key = step + "#" + seen.merge(step, 1, Integer::sum);
        add(merged, key, s);
      }
    }
    return new ArrayList<>(merged.values());
  }

  private static void add(Map<String, RunPlan.Step> merged, String key, RunPlan.Step s) {
    RunPlan.Step known = merged.get(key);
    if (known == null) {
      merged.put(key, new RunPlan.Step(s.kind(), s.name(), s.action(), s.at(), new LinkedHashMap<>(s.verdicts())));
    } else {
      known.verdicts().putAll(s.verdicts());
    }
  }

  private static String hash(List<RunPlan.Play> plays) {
    try {
      return Checksums.sha256(JSON.writeValueAsString(plays).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
