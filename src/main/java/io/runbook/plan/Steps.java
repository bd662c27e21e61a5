package io.runbook.plan;

import io.runbook.model.ActionTask;
import io.runbook.model.BlockTask;
import io.runbook.model.IncludeTask;
import io.runbook.model.MetaTask;
import io.runbook.model.TaskNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns task lists into steps with stable ids, leaving out the tasks that {@code --tags} and
 * {@code --skip-tags} do not select (in the task sections; gates and handlers always run). The
 * planner builds a play's sections with it, and the run the tasks an include reads, under the
 * include's id, by the same rule.
 */
public final class Steps {
  private final TagFilter tags;

  public Steps(TagFilter tags) {
    this.tags = tags;
  }

  /** A play section: ids {@code p<play>.<section><n>}. */
  List<Step> section(int play, Section section, List<TaskNode> nodes, Collection<String> playTags) {
    return build("p" + play + "." + section.idPrefix(), section, nodes, playTags);
  }

  /**
   * The tasks an include read from {@code file}, under the include's id: {@code p1.t4[x.yml].1}.
   * {@code inherited} are the tags around the include, its own included.
   */
  public List<Step> expand(Step include, String file, List<TaskNode> nodes, Collection<String> inherited) {
    return build(include.id() + "[" + file + "].", include.section(), nodes, inherited);
  }

  private List<Step> build(String idBase, Section section, List<TaskNode> nodes, Collection<String> inherited) {
    List<Step> out = new ArrayList<>();
    int n = 0;
    for (TaskNode node : nodes) {
      n++;
      Set<String> here = new LinkedHashSet<>(inherited);
      here.addAll(node.options().tags());
      String id = idBase + n;
      Step step = node.accept(new TaskNode.Visitor<Step>() {
        @Override
        public Step visitAction(ActionTask task) {
          return selected(section, here) ? leaf(id, StepKind.ACTION, section, task) : null;
        }

        @Override
        public Step visitMeta(MetaTask meta) {
          return selected(section, here) ? leaf(id, StepKind.META, section, meta) : null;
        }

        @Override
        public Step visitInclude(IncludeTask include) {
          // selected by the tasks it reads, each with the include's tags among its own
          return leaf(id, StepKind.INCLUDE, section, include);
        }

        @Override
        public Step visitBlock(BlockTask b) {
          List<Step> block = build(id + ".b", section, b.block(), here);
          List<Step> rescue = build(id + ".r", section, b.rescue(), here);
          List<Step> always = build(id + ".a", section, b.always(), here);
          return block.isEmpty() && rescue.isEmpty() && always.isEmpty() ? null
              : new Step(id, StepKind.BLOCK, section, b, block, rescue, always);
        }
      });
      if (step != null) {
        out.add(step);
      }
    }
    return out;
  }

  private boolean selected(Section section, Set<String> tagsHere) {
    return !section.selectedByTags() || tags.selects(tagsHere);
  }

  private static Step leaf(String id, StepKind kind, Section section, TaskNode node) {
    return new Step(id, kind, section, node, List.of(), List.of(), List.of());
  }
}
