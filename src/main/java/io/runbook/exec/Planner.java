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
import io.runbook.model.Play;
import io.runbook.model.Playbook;
import io.runbook.model.TaskNode;
import io.runbook.plan.RunPlan;
import io.runbook.report.RunListener;
import io.runbook.transport.Checksums;
import io.runbook.yaml.YNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    List<Object> sizes = new ArrayList<>();
    for (YNode size : play.serial()) {
      sizes.add(expressions.render(size, playLevel));
    }
    List<List<String>> batches = Batches.split(hosts, sizes);
    PlayScope scope = new PlayScope(run, play, hosts);
    try {
      scope.loadVarsFiles((path, at) -> Map.of());
    } catch (RuntimeException e) {
      // a vars file that only the run can find: guards that read it are decided at run time
    }
    List<List<RunPlan.Step>> perBatch = new ArrayList<>();
    Inherited inh = Inherited.forPlay(play);
    for (List<String> batch : batches) {
      List<RunPlan.Step> steps = new ArrayList<>();
      perBatch.add(steps);
      scope.batch(batch);
      walk("before_batch", play.beforeBatch(), List.of("localhost"), inh, scope, steps, run);
      for (List<TaskNode> section : List.of(play.preTasks(), play.tasks(), play.postTasks())) {
        walk("task", section, batch, inh, scope, steps, run);
      }
      walk("handler", play.handlers(), batch, inh, scope, steps, run);
      walk("after_batch", play.afterBatch(), List.of("localhost"), inh, scope, steps, run);
    }
    List<String> invariants = play.invariants().stream()
        .map(i -> i.name() + ": " + i.action() + " probe, " + i.that().stream().map(io.runbook.model.Guard::text)
            .collect(java.util.stream.Collectors.joining(" and ")) + " (" + i.position() + ")").toList();
    return new RunPlan.Play(play.displayName(), pattern, batches, merge(perBatch), invariants);
  }

  private void walk(String kind, List<TaskNode> nodes, List<String> hosts, Inherited inh,
      PlayScope scope, List<RunPlan.Step> out, RunContext run) {
    for (TaskNode node : nodes) {
      Inherited here = inh.plus(node.options());
      if (node instanceof BlockTask b) {
        walk(kind, b.block(), hosts, here, scope, out, run);
        walk(kind, b.rescue(), hosts, here, scope, out, run);
        walk(kind, b.always(), hosts, here, scope, out, run);
        continue;
      }
      if (kind.equals("task") && !run.tags.selects(here.tags())) {
        continue;
      }
      Map<String, String> verdicts = new LinkedHashMap<>();
      for (String h : hosts) {
        verdicts.put(h, kind.equals("handler") ? "if notified" : verdict(here, scope, h));
      }
      if (node instanceof ActionTask t) {
        out.add(new RunPlan.Step(kind, t.displayName(), t.action(), t.options().position().toString(), verdicts));
      } else {
        IncludeTask i = (IncludeTask) node;
        out.add(new RunPlan.Step("include", String.valueOf(i.file().toPlain()), "include_tasks",
            i.options().position().toString(), verdicts));
      }
    }
  }

  private String verdict(Inherited inh, PlayScope scope, String host) {
    try {
      return Guards.allHold(expressions, inh.when(), scope.forHost(host, inh)) ? "runs" : "skipped";
    } catch (ExpressionException e) {
      return "at run time";
    }
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
