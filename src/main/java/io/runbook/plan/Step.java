package io.runbook.plan;

import io.runbook.model.ActionTask;
import io.runbook.model.BlockTask;
import io.runbook.model.IncludeTask;
import io.runbook.model.MetaTask;
import io.runbook.model.TaskNode;
import java.util.List;

/**
 * One step of the plan: a model node (which carries its compiled guards, templates and values)
 * under a stable id. A block's sections are steps too; an include, and a loop over a template,
 * are {@linkplain #dynamic() dynamic}: the tasks an include reads are expanded under its id when
 * the run reaches it.
 *
 * @param id     stable within a plan: {@code p1.t3}, {@code p1.t3.b2} (second task of its block),
 *               {@code p1.t3.r1} (rescue), {@code p1.t3.a1} (always), {@code p1.t4[x.yml].1}
 *               (first task read by an include)
 */
public record Step(String id, StepKind kind, Section section, TaskNode node, List<Step> block,
    List<Step> rescue, List<Step> always) {

  public Step {
    block = List.copyOf(block);
    rescue = List.copyOf(rescue);
    always = List.copyOf(always);
  }

  /**
   * Expanded only when the run reaches it: an include reads its file then, and a loop over a
   * template learns its items then (one step per host either way, its items inside it).
   */
  public boolean dynamic() {
    return kind == StepKind.INCLUDE
        || kind == StepKind.ACTION && node.options().loop() instanceof io.runbook.yaml.YScalar loop
            && loop.value() instanceof String text && text.contains("{{");
  }

  public ActionTask action() {
    return (ActionTask) node;
  }

  public BlockTask blockNode() {
    return (BlockTask) node;
  }

  public IncludeTask include() {
    return (IncludeTask) node;
  }

  public MetaTask meta() {
    return (MetaTask) node;
  }

  /** The step's name as the plan and the console show it. */
  public String name() {
    return node.accept(new TaskNode.Visitor<String>() {
      @Override
      public String visitAction(ActionTask task) {
        return task.displayName();
      }

      @Override
      public String visitBlock(BlockTask b) {
        return b.options().name() != null ? b.options().name() : "block";
      }

      @Override
      public String visitInclude(IncludeTask i) {
        return String.valueOf(i.file().toPlain());
      }

      @Override
      public String visitMeta(MetaTask m) {
        return m.displayName();
      }
    });
  }

  /** Whether {@code key} (a step id, possibly with a {@code #n}) is this step or inside it. */
  public boolean contains(String key) {
    return key.equals(id) || key.startsWith(id + ".") || key.startsWith(id + "[") || key.startsWith(id + "#");
  }
}
