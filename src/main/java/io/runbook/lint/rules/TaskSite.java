package io.runbook.lint.rules;

import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * A task (or block) and where it sits: its play (null in a task file), its section
 * (pre_tasks, tasks, post_tasks, handlers, before_batch, after_batch) and the blocks around it,
 * outermost first.
 */
record TaskSite(YMap task, YMap play, String section, List<YMap> blocks) {
  private static final String[] ACTION_PREFIXES = {"ansible.builtin.", "ansible.legacy."};

  boolean isBlock() {
    return task.has("block");
  }

  /** The action's entry (the first key that is not a task keyword), or null. */
  YMap.Entry action() {
    if (isBlock()) {
      return null;
    }
    return task.entries().stream().filter(e -> !TaskWalk.KEYWORDS.contains(e.name())).findFirst()
        .orElse(null);
  }

  /** The action's name without Ansible's collection prefix, or "" when there is none. */
  String actionName() {
    YMap.Entry a = action();
    if (a == null) {
      return "";
    }
    for (String prefix : ACTION_PREFIXES) {
      if (a.name().startsWith(prefix)) {
        return a.name().substring(prefix.length());
      }
    }
    return a.name();
  }

  /**
   * An argument of the action; a plain string after the action is its free-form {@code cmd}, and
   * the task's {@code args:} mapping gives the others (merged into the action's, as the loader does).
   */
  YNode arg(String name) {
    YMap.Entry a = action();
    if (a == null) {
      return null;
    }
    YNode own = a.value() instanceof YMap args ? args.get(name)
        : name.equals("cmd") && a.value() instanceof YScalar s && s.isString() ? s : null;
    if (own == null && task.get("args") instanceof YMap extra) {
      return extra.get(name);
    }
    return own;
  }

  /** The task, then its blocks innermost first, then its play: where a keyword may be set. */
  List<YMap> scopes() {
    List<YMap> out = new ArrayList<>();
    out.add(task);
    for (int i = blocks.size() - 1; i >= 0; i--) {
      out.add(blocks.get(i));
    }
    if (play != null) {
      out.add(play);
    }
    return out;
  }

  /** Whether {@code key} is on in this task or around it: present and not literally false. */
  boolean inheritsOn(String key) {
    return scopes().stream().anyMatch(m -> isOn(m.get(key)));
  }

  static boolean isOn(YNode value) {
    return value != null && !(value instanceof YScalar s && (Boolean.FALSE.equals(s.value()) || s.isNull()));
  }
}
