package io.runbook.load;

import io.runbook.action.Action;
import io.runbook.action.ActionRegistry;
import io.runbook.action.ArgSpec;
import io.runbook.expr.Expressions;
import io.runbook.model.ActionTask;
import io.runbook.model.BlockTask;
import io.runbook.model.Guard;
import io.runbook.model.IncludeTask;
import io.runbook.model.LoopControl;
import io.runbook.model.Meta;
import io.runbook.model.MetaTask;
import io.runbook.model.RetryPolicy;
import io.runbook.model.Rule;
import io.runbook.model.TaskNode;
import io.runbook.model.TaskOptions;
import io.runbook.source.InvalidInputException;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import io.runbook.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns task lists (in playbooks and task files) into {@link TaskNode}s, checking everything. */
final class TaskParser {
  static final Set<String> TASK_KEYS = NodeReader.setOf("name", "when", "register", "retries",
      "delay", "until", "backoff", "max_delay", "failed_when", "changed_when", "ignore_errors",
      "loop", "with_items", "loop_control", "notify", "listen", "tags", "delegate_to", "run_once",
      "become", "become_user", "no_log", "timeout", "check_mode", "environment", "vars");
  /** Keywords only a task that runs an action takes. */
  static final Set<String> ACTION_KEYS = NodeReader.setOf("args");
  private static final Set<String> BLOCK_KEYS = NodeReader.setOf("block", "rescue", "always",
      "rerun_on_resume");
  /** The keywords that mean something on a meta task. */
  private static final List<String> META_KEYS = List.of("name", "when", "tags", "vars", "listen");
  private static final Set<String> LOOP_CONTROL_KEYS =
      NodeReader.setOf("loop_var", "index_var", "label", "pause");
  private static final String[] ACTION_PREFIXES = {"ansible.builtin.", "ansible.legacy."};

  private final NodeReader in;
  private final ActionRegistry actions;
  private final GuardChecker guards;
  private final RetryKeywords retries;
  private final List<Path> sources;
  private final Deque<Path> importing = new ArrayDeque<>();
  private final Map<Path, YNode> taskFiles = new HashMap<>();
  private final java.util.function.Function<Path, YNode> reader;

  TaskParser(NodeReader in, ActionRegistry actions, Expressions expressions, List<Path> sources) {
    this(in, actions, expressions, sources, YamlReader::read);
  }

  TaskParser(NodeReader in, ActionRegistry actions, Expressions expressions, List<Path> sources,
      java.util.function.Function<Path, YNode> reader) {
    this.reader = reader;
    this.in = in;
    this.actions = actions;
    this.guards = new GuardChecker(in, expressions);
    this.retries = new RetryKeywords(in, guards);
    this.sources = sources;
  }

  GuardChecker guards() {
    return guards;
  }

  /** Every file read so far (playbooks, task files, vars files): what a run's journal hashes. */
  List<Path> sources() {
    return sources;
  }

  /** A task list; {@code baseDir} is where relative import paths start. */
  List<TaskNode> tasks(YNode node, String what, Path baseDir) {
    List<TaskNode> out = new ArrayList<>();
    if (node == null || node instanceof YScalar s && s.isNull()) {
      return out;
    }
    for (YNode item : in.list(node, what)) {
      YMap task = in.map(item, "task");
      if (task != null) {
        TaskNode parsed = task(task, baseDir);
        if (parsed != null) {
          out.add(parsed);
        }
      }
    }
    return out;
  }

  private TaskNode task(YMap task, Path baseDir) {
    List<YMap.Entry> actionKeys = new ArrayList<>();
    boolean isBlock = task.has("block");
    for (YMap.Entry e : task.entries()) {
      boolean known = TASK_KEYS.contains(e.name()) || ACTION_KEYS.contains(e.name())
          || isBlock && BLOCK_KEYS.contains(e.name());
      if (!known) {
        actionKeys.add(e);
      }
    }
    if (isBlock) {
      for (YMap.Entry e : actionKeys) {
        in.error(e.key(), "a block cannot also run '" + e.name() + "': put it in a task inside the block");
      }
      notForActions(task, "a block");
      retries.refuseOnBlock(task);
      TaskOptions options = options(task, false);
      Boolean rerun = task.has("rerun_on_resume") ? in.bool(task.get("rerun_on_resume"), "rerun_on_resume") : null;
      return new BlockTask(options, tasks(task.get("block"), "block", baseDir),
          tasks(task.get("rescue"), "rescue", baseDir), tasks(task.get("always"), "always", baseDir),
          Boolean.TRUE.equals(rerun));
    }
    if (actionKeys.isEmpty()) {
      in.error("unknown-action", task, "task has no action: add one of " + String.join(", ", actions.names())
          + (task.has("rescue") || task.has("always") ? ", or a 'block'" : ""));
      return null;
    }
    if (actionKeys.size() > 1) {
      in.error(actionKeys.get(1).key(), "a task runs one action, but this one also has '"
          + actionKeys.get(1).name() + "' after '" + actionKeys.get(0).name()
          + "'; split it into two tasks, or check the spelling of task keywords");
      return null;
    }
    YMap.Entry action = actionKeys.get(0);
    TaskOptions options = options(task, true);
    String name = actionName(action.name());
    switch (name) {
      case "import_tasks":
        notForActions(task, "import_tasks");
        return importTasks(options, action, baseDir);
      case "include_tasks":
        notForActions(task, "include_tasks");
        return includeTasks(options, action, baseDir);
      case "meta":
        return metaTask(task, options, action);
      default:
        return actionTask(options, name, action, task.get("args"));
    }
  }

  /** {@code args} gives an action its arguments: a block, an import or an include has none. */
  private void notForActions(YMap task, String what) {
    task.entry("args").ifPresent(e -> in.error(e.key(), "'args' gives an action its arguments, and "
        + what + " runs no action" + (what.equals("a block") ? ": put it on a task inside the block" : "")));
  }

  /**
   * {@code meta: end_play} and the others runbook supports. Only {@code name}, {@code when},
   * {@code tags}, {@code vars} and (in handlers) {@code listen} mean something on a meta task;
   * any other keyword is refused rather than ignored as Ansible does.
   */
  private TaskNode metaTask(YMap task, TaskOptions options, YMap.Entry entry) {
    Meta meta = null;
    if (entry.value() instanceof YScalar s && s.isString()) {
      meta = Meta.parse(s.text().trim());
      if (meta == null) {
        in.error(ArgSpec.ARGUMENTS, s, "unknown meta '" + s.text() + "'" + unsupportedMeta(s.text().trim())
            + ": runbook's meta tasks are " + String.join(", ", Meta.names()));
      }
    } else {
      in.error(ArgSpec.ARGUMENTS, entry.value(), "'meta' takes one of " + String.join(", ", Meta.names())
          + ", not " + entry.value().describe());
    }
    for (YMap.Entry e : task.entries()) {
      if (e != entry && !META_KEYS.contains(e.name())) {
        in.error(e.key(), "'" + e.name() + "' has no effect on a meta task (it takes "
            + String.join(", ", META_KEYS) + ")");
      }
    }
    if (meta == Meta.NOOP && task.has("when")) {
      in.error(task.entry("when").get().key(), "'when' has no effect on meta: noop, which does nothing");
    }
    return meta == null ? null : new MetaTask(options, meta, entry.key().position());
  }

  /** Why runbook has no such meta, for the ones Ansible has. */
  private static String unsupportedMeta(String value) {
    return switch (value) {
      case "clear_facts" -> " (runbook gathers no facts)";
      case "clear_host_errors" -> " (a host that failed stays out of the run)";
      case "refresh_inventory" -> " (the inventory is read once, before the run)";
      case "reset_connection" -> " (connections are opened as needed and closed when the run ends)";
      case "end_role", "role_complete" -> " (runbook has no roles)";
      default -> NodeReader.nearest(value, Meta.names());
    };
  }

  private static String actionName(String written) {
    for (String prefix : ACTION_PREFIXES) {
      if (written.startsWith(prefix)) {
        return written.substring(prefix.length());
      }
    }
    return written;
  }

  private TaskNode actionTask(TaskOptions options, String name, YMap.Entry entry, YNode argsNode) {
    Action action = actions.get(name);
    if (action == null) {
      String hint = NodeReader.nearest(name, actions.names());
      in.error("unknown-action", entry.key(), "unknown action or task keyword '" + entry.name() + "'"
          + (hint.isEmpty() ? " (actions: " + String.join(", ", actions.names()) + ")" : hint));
      return null;
    }
    YMap extra = argsKeyword(argsNode);
    if (argsNode != null && extra == null) {
      return null;
    }
    YMap args = action.spec().check(name, entry.key().position(), entry.value(), extra, in.diagnostics());
    if (args == null) {
      return null;
    }
    guards.templates(args);
    if (name.equals("set_fact")) {
      in.variableNames(args, "set_fact");
    }
    if (name.equals("shell")) {
      checkShellPlaces(args);
    }
    if (name.equals("assert") && args.get("that") != null) {
      guards.check(in.guards(args.get("that")));
    }
    return new ActionTask(options, name, args, entry.key().position());
  }

  /**
   * The task's {@code args:} as a mapping written in the playbook (null when absent, or wrong:
   * then reported). Ansible also takes a template here; runbook checks arguments when the
   * playbook loads, so they cannot come from a variable.
   */
  private YMap argsKeyword(YNode node) {
    if (node == null) {
      return null;
    }
    if (node instanceof YScalar s && s.isNull()) {
      return new YMap(List.of(), s.position());
    }
    if (node instanceof YScalar s && Expressions.isTemplate(s.text())) {
      in.error(ArgSpec.ARGUMENTS, node, "'args' must be a mapping written in the playbook, not a template:"
          + " arguments are checked when the playbook loads (write them out, or put them in the action)");
      return null;
    }
    return in.map(node, "args");
  }

  private TaskNode importTasks(TaskOptions options, YMap.Entry entry, Path baseDir) {
    if (options.loop() != null) {
      in.error(entry.key(), "import_tasks is static and cannot loop; use include_tasks");
    }
    String file = fileArgument(entry);
    if (file == null) {
      return null;
    }
    if (Expressions.isTemplate(file)) {
      in.error(entry.value(), "import_tasks is read before the run and cannot use templates;"
          + " use include_tasks for a path that depends on variables");
      return null;
    }
    Path path = baseDir.resolve(file).normalize();
    if (importing.contains(path)) {
      in.error(entry.value(), "import_tasks of " + file + " imports itself (" + importing + ")");
      return null;
    }
    YNode root = readTaskFile(path, entry.value());
    if (root == null) {
      return null;
    }
    importing.push(path);
    try {
      return new BlockTask(options, tasks(root, "task file", path.getParent()), List.of(), List.of());
    } finally {
      importing.pop();
    }
  }

  private TaskNode includeTasks(TaskOptions options, YMap.Entry entry, Path baseDir) {
    String file = fileArgument(entry);
    if (file == null) {
      return null;
    }
    if (!Expressions.isTemplate(file)) {
      // A fixed path is checked now, so a mistake in it stops the run before any host is touched.
      Path path = baseDir.resolve(file).normalize();
      YNode root = readTaskFile(path, entry.value());
      if (root != null && !importing.contains(path)) {
        importing.push(path);
        try {
          tasks(root, "task file", path.getParent());
        } finally {
          importing.pop();
        }
      }
    } else {
      in.names().openEnded(); // what the file defines is known only when it is included
      guards.templates(entry.value());
    }
    YNode fileNode = entry.value() instanceof YMap m ? m.get("file") : entry.value();
    return new IncludeTask(options, fileNode, baseDir);
  }

  private String fileArgument(YMap.Entry entry) {
    YNode value = entry.value();
    if (value instanceof YMap m) {
      in.unknownKeys(m, Set.of("file"), entry.name());
      value = m.get("file");
      if (value == null) {
        in.error(m, entry.name() + " needs 'file'");
        return null;
      }
    }
    return in.string(value, entry.name());
  }

  YNode readTaskFile(Path path, YNode reference) {
    YNode cached = taskFiles.get(path);
    if (cached != null) {
      return cached;
    }
    try {
      YNode root = reader.apply(path);
      if (!(root instanceof YList) && !(root instanceof YScalar s && s.isNull())) {
        in.error(root, "a task file must be a list of tasks, not " + root.describe());
        return null;
      }
      taskFiles.put(path, root);
      sources.add(path);
      return root;
    } catch (InvalidInputException e) {
      if (!java.nio.file.Files.exists(path)) {
        in.error("missing-file", reference, "task file " + path + " does not exist");
      } else {
        in.diagnostics().addAll(e.diagnostics());
      }
      return null;
    }
  }

  /** The keywords of a task; {@code retrying} is false for a block, which cannot retry. */
  private TaskOptions options(YMap task, boolean retrying) {
    YNode name = task.get("name");
    String register = task.has("register") ? identifier(task.get("register"), "register") : null;
    List<Guard> when = task.has("when") ? guards.check(in.guards(task.get("when"))) : List.of();
    RetryPolicy retry = retrying ? retries.read(task) : null;
    YNode loop = task.has("loop") ? task.get("loop") : task.get("with_items");
    if (task.has("loop") && task.has("with_items")) {
      in.error(task.entry("with_items").get().key(), "a task has either 'loop' or 'with_items', not both");
    }
    if (loop != null) {
      guards.templates(loop);
      loopShape(loop, task.has("loop") ? "loop" : "with_items");
    }
    if (name != null) {
      guards.templates(name);
    }
    return new TaskOptions(
        name == null ? null : in.string(name, "name"),
        task.position(),
        when,
        register,
        retry,
        task.has("failed_when") ? guards.check(in.guards(task.get("failed_when"))) : null,
        task.has("changed_when") ? guards.check(in.guards(task.get("changed_when"))) : null,
        scalar(task, "ignore_errors"),
        loop,
        loopControl(task.get("loop_control")),
        task.has("notify") ? in.names(task.get("notify"), "notify", false) : List.of(),
        task.has("listen") ? in.names(task.get("listen"), "listen", false) : List.of(),
        task.has("tags") ? in.names(task.get("tags"), "tags", true) : List.of(),
        scalar(task, "delegate_to"),
        task.has("run_once") && Boolean.TRUE.equals(in.bool(task.get("run_once"), "run_once")),
        task.has("become") ? in.bool(task.get("become"), "become") : null,
        scalar(task, "become_user"),
        scalar(task, "no_log"),
        task.has("timeout") ? guards.value(task.get("timeout"), Rule.seconds("timeout")) : null,
        task.has("check_mode") ? in.bool(task.get("check_mode"), "check_mode") : null,
        task.get("environment"),
        task.has("vars") ? in.vars(task.get("vars"), "vars") : Map.of());
  }

  private YNode scalar(YMap task, String key) {
    YNode node = task.get(key);
    if (node == null) {
      return null;
    }
    guards.templates(node);
    return in.scalarOrTemplate(node, key);
  }

  /**
   * {@code loop} gives a list: written as one, or by a template. Anything else would fail on
   * every host when the task is reached (as Ansible's {@code loop} does there; its
   * {@code with_items} makes one item of a single value, which runbook's does not).
   */
  private void loopShape(YNode loop, String key) {
    if (loop instanceof YList || loop instanceof YScalar s && s.isString() && !s.unsafe()
        && Expressions.isTemplate(s.text())) {
      return;
    }
    String hint = loop instanceof YMap ? ": to loop over its entries write \"{{ the_mapping | dict2items }}\""
        : loop instanceof YScalar s && !s.isNull() ? " '" + s.text() + "'" : "";
    in.error(loop, "'" + key + "' must be a list, or a template that gives one (\"{{ pump_hosts }}\"), not "
        + loop.describe() + hint);
  }

  /** Every {{ }} of a shell script must stand where its value can be quoted as one word. */
  private void checkShellPlaces(YMap args) {
    YNode mode = args.get("interpolate");
    if (!(args.get("cmd") instanceof YScalar cmd) || !cmd.isString() || cmd.unsafe()
        || mode instanceof YScalar m && "raw".equals(m.text())) {
      return;
    }
    List<String> literals = Expressions.templateLiterals(cmd.text());
    if (literals.size() < 2) {
      return;
    }
    try {
      io.runbook.action.ShellScript.slots(literals);
    } catch (io.runbook.action.ShellScript.Refused e) {
      List<Expressions.Embedded> parts = Expressions.templateExpressions(cmd.text());
      int offset = e.slot < parts.size() ? parts.get(e.slot).offset() : 0;
      in.diagnostics().error(cmd.contentPosition().shift(offset),
          e.getMessage() + " (or set interpolate: raw, if the value is trusted)");
    }
  }

  private String identifier(YNode node, String what) {
    String s = in.string(node, what);
    String problem = s == null ? null : io.runbook.expr.VariableNames.problem(s);
    if (s != null) {
      in.names().define(s);
    }
    if (problem != null) {
      in.error(node, "'" + what + "' must be a variable name: " + problem);
      return null;
    }
    return s;
  }

  private LoopControl loopControl(YNode node) {
    if (node == null) {
      return LoopControl.DEFAULT;
    }
    YMap m = in.map(node, "loop_control");
    if (m == null) {
      return LoopControl.DEFAULT;
    }
    in.unknownKeys(m, LOOP_CONTROL_KEYS, "loop_control");
    String loopVar = m.has("loop_var") ? identifier(m.get("loop_var"), "loop_var") : "item";
    String indexVar = m.has("index_var") ? identifier(m.get("index_var"), "index_var") : null;
    if (m.get("label") != null) {
      guards.templates(m.get("label"));
    }
    return new LoopControl(loopVar == null ? "item" : loopVar, indexVar, m.get("label"), m.get("pause"));
  }
}
