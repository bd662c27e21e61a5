package io.runbook.lint.rules;

import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What a task does to a service, and whether it checks one is healthy: for the rolling rules. */
final class ServiceTasks {
  private static final Pattern SYSTEMCTL_STOP =
      Pattern.compile("\\bsystemctl\\s+(?:-\\S+\\s+)*(?:stop|restart|try-restart|reload-or-restart)\\b");
  private static final Pattern SYSTEMCTL_START =
      Pattern.compile("\\bsystemctl\\s+(?:-\\S+\\s+)*(?:start|restart|try-restart|reload-or-restart)\\b");
  private static final Pattern STOP_SCRIPT = Pattern.compile("\\bstop_[\\w.-]*\\.sh\\b");
  private static final Pattern START_SCRIPT = Pattern.compile("\\bstart_[\\w.-]*\\.sh\\b");
  private static final Pattern SINGLE_VAR = Pattern.compile("^\\{\\{\\s*(\\w+)\\s*}}$");

  private ServiceTasks() {}

  /** The node of {@code task} that stops or restarts a service, or null. */
  static YNode stopping(PlayTasks.Ref ref) {
    return changing(ref, Set.of("stopped", "restarted"), SYSTEMCTL_STOP, STOP_SCRIPT);
  }

  /** The node of {@code task} that starts or restarts a service, or null. */
  static YNode starting(PlayTasks.Ref ref) {
    return changing(ref, Set.of("started", "restarted"), SYSTEMCTL_START, START_SCRIPT);
  }

  /** A later wait_for (not one waiting for a port to close), http, or any task with until. */
  static boolean checksHealth(YMap task) {
    if (task.has("until")) {
      return true;
    }
    if (action(task, "http") != null) {
      return true;
    }
    YNode waitFor = action(task, "wait_for");
    if (waitFor == null) {
      return false;
    }
    String state = waitFor instanceof YMap m && m.get("state") instanceof YScalar s ? s.text() : "started";
    return !Set.of("stopped", "absent", "drained").contains(state);
  }

  private static YNode changing(PlayTasks.Ref ref, Set<String> states, Pattern systemctl, Pattern script) {
    YMap task = ref.task();
    if (action(task, "service") instanceof YMap args && args.get("state") instanceof YScalar state) {
      String value = resolve(state.text(), ref.vars());
      return value != null && states.contains(value) ? state : null;
    }
    for (String name : new String[] {"command", "shell"}) {
      YNode args = action(task, name);
      if (args != null) {
        String text = words(args, new StringBuilder()).toString();
        if (systemctl.matcher(text).find() || script.matcher(text).find()) {
          return args;
        }
      }
    }
    return null;
  }

  /** A literal state, or {@code {{ v }}} with v set statically around the task; else null. */
  private static String resolve(String text, Map<String, YNode> vars) {
    var m = SINGLE_VAR.matcher(text.strip());
    if (!m.matches()) {
      return text.contains("{{") ? null : text.strip();
    }
    return vars.get(m.group(1)) instanceof YScalar s && !s.text().contains("{{") ? s.text().strip() : null;
  }

  /** The value of the task's action {@code name}, with or without the ansible.builtin. prefix. */
  static YNode action(YMap task, String name) {
    YNode v = task.get(name);
    return v != null ? v : task.get("ansible.builtin." + name);
  }

  private static StringBuilder words(YNode node, StringBuilder out) {
    if (node instanceof YScalar s && s.isString()) {
      out.append(s.text()).append(' ');
    } else if (node instanceof YList l) {
      l.items().forEach(i -> words(i, out));
    } else if (node instanceof YMap m) {
      for (String key : new String[] {"cmd", "argv", "_raw_params"}) {
        words(m.get(key), out);
      }
    }
    return out;
  }
}
