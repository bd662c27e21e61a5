package io.runbook.load;

import io.runbook.action.ActionRegistry;
import io.runbook.expr.Expressions;
import io.runbook.model.BatchSize;
import io.runbook.model.Percent;
import io.runbook.model.Play;
import io.runbook.model.Playbook;
import io.runbook.model.Rule;
import io.runbook.model.TaskNode;
import io.runbook.model.Value;
import io.runbook.model.VarsFile;
import io.runbook.source.Diagnostics;
import io.runbook.source.InvalidInputException;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import io.runbook.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a playbook and everything it imports statically, and checks all of it (structure,
 * keywords, action arguments, guards and templates) before anything runs. Every mistake in every
 * file is reported together in one {@link InvalidInputException}.
 */
public final class PlaybookLoader {
  static final Set<String> PLAY_KEYS = NodeReader.setOf("name", "hosts", "serial",
      "max_fail_percentage", "any_errors_fatal", "order", "vars", "vars_files", "pre_tasks",
      "tasks", "post_tasks", "handlers", "become", "become_user", "connection", "timeout", "tags",
      "environment", "forks", "gather_facts", "before_batch", "after_batch", "invariants");

  private final ActionRegistry actions;
  private final Expressions expressions;
  private final java.util.function.Function<Path, YNode> reader;

  public PlaybookLoader(ActionRegistry actions, Expressions expressions) {
    this(actions, expressions, YamlReader::read);
  }

  /**
   * {@code reader} reads the YAML of the playbook and the files it imports: lint passes the files
   * it already parsed, so that each is read once.
   */
  public PlaybookLoader(ActionRegistry actions, Expressions expressions,
      java.util.function.Function<Path, YNode> reader) {
    this.actions = actions;
    this.expressions = expressions;
    this.reader = reader;
  }

  /** Loads and checks; throws {@link InvalidInputException} listing every problem found. */
  public Playbook load(Path file) {
    Diagnostics diagnostics = new Diagnostics();
    Playbook playbook = parse(file, diagnostics);
    diagnostics.throwIfErrors();
    return playbook;
  }

  /** What {@link #check} found, and the files it read (the playbook and what it imports). */
  public record Checked(List<io.runbook.source.Diagnostic> diagnostics, List<Path> sources) {}

  /** Every problem and warning the loader finds in a playbook and what it imports (for lint). */
  public Checked check(Path file) {
    Diagnostics diagnostics = new Diagnostics();
    Playbook playbook = parse(file, diagnostics);
    return new Checked(diagnostics.all(), playbook.sources());
  }

  /** Every problem and warning in a task file on its own (for lint). */
  public List<io.runbook.source.Diagnostic> checkTasks(Path file) {
    Diagnostics diagnostics = new Diagnostics();
    parseTasks(file, diagnostics);
    return diagnostics.all();
  }

  private Playbook parse(Path file, Diagnostics diagnostics) {
    NodeReader in = new NodeReader(diagnostics);
    List<Path> sources = new ArrayList<>();
    TaskParser tasks = new TaskParser(in, actions, expressions, sources, reader);
    List<Play> plays = new ArrayList<>();
    playbook(file, in, tasks, plays, sources, new ArrayDeque<>());
    return new Playbook(file, plays, sources, in.names().nearMagic());
  }

  /** Loads a task file for {@code include_tasks} at run time; throws on any problem in it. */
  public List<TaskNode> loadTasks(Path file) {
    Diagnostics diagnostics = new Diagnostics();
    List<TaskNode> out = parseTasks(file, diagnostics);
    diagnostics.throwIfErrors();
    return out;
  }

  private List<TaskNode> parseTasks(Path file, Diagnostics diagnostics) {
    NodeReader in = new NodeReader(diagnostics);
    TaskParser tasks = new TaskParser(in, actions, expressions, new ArrayList<>(), reader);
    YNode root = tasks.readTaskFile(file, new YScalar(file.toString(), file.toString(), true,
        io.runbook.source.SourcePosition.none(file.toString())));
    return root == null ? List.of() : tasks.tasks(root, "task file", file.getParent());
  }

  private void playbook(Path file, NodeReader in, TaskParser tasks, List<Play> plays,
      List<Path> sources, Deque<Path> stack) {
    YNode root;
    try {
      root = reader.apply(file);
    } catch (InvalidInputException e) {
      in.diagnostics().addAll(e.diagnostics());
      return;
    }
    sources.add(file);
    if (!(root instanceof YList list)) {
      in.error(root, "a playbook must be a list of plays, not " + root.describe());
      return;
    }
    Path baseDir = file.toAbsolutePath().getParent();
    stack.push(file.toAbsolutePath().normalize());
    for (YNode item : list.items()) {
      YMap play = in.map(item, "play");
      if (play == null) {
        continue;
      }
      if (play.has("import_playbook")) {
        importPlaybook(play, baseDir, in, tasks, plays, sources, stack);
      } else {
        Play parsed = play(play, baseDir, in, tasks);
        if (parsed != null) {
          plays.add(parsed);
        }
      }
    }
    stack.pop();
  }

  private void importPlaybook(YMap play, Path baseDir, NodeReader in, TaskParser tasks,
      List<Play> plays, List<Path> sources, Deque<Path> stack) {
    in.unknownKeys(play, Set.of("import_playbook", "name"), "import_playbook");
    String target = in.string(play.get("import_playbook"), "import_playbook");
    if (target == null) {
      return;
    }
    Path path = baseDir.resolve(target).normalize();
    if (!Files.exists(path)) {
      in.error("missing-file", play.get("import_playbook"), "playbook " + target + " does not exist");
    } else if (stack.contains(path.toAbsolutePath().normalize())) {
      in.error(play.get("import_playbook"), "playbook " + target + " imports itself");
    } else {
      playbook(path, in, tasks, plays, sources, stack);
    }
  }

  private Play play(YMap play, Path baseDir, NodeReader in, TaskParser tasks) {
    in.unknownKeys(play, PLAY_KEYS, "play");
    GuardChecker guards = tasks.guards();
    YNode hosts = hosts(play, in, guards);
    List<Value<BatchSize>> serial = serial(play.get("serial"), in, guards);
    Value<Percent> maxFail = play.has("max_fail_percentage")
        ? guards.value(play.get("max_fail_percentage"), Rule.percent("max_fail_percentage")) : null;
    Play.HostOrder order = Play.HostOrder.INVENTORY;
    if (play.get("order") != null) {
      String o = in.string(play.get("order"), "order");
      try {
        order = o == null ? order : Play.HostOrder.parse(o);
      } catch (IllegalArgumentException e) {
        in.error(play.get("order"), "'order' must be one of inventory, reverse_inventory, sorted,"
            + " reverse_sorted, shuffle, not '" + o + "'");
      }
    }
    Map<String, io.runbook.yaml.YNode> vars = play.has("vars")
        ? in.vars(play.get("vars"), "vars") : Map.of();
    java.util.Set<String> secretVars = new java.util.LinkedHashSet<>();
    vars = unwrapSecrets(vars, secretVars);
    vars.values().forEach(guards::templates);
    String name = play.get("name") == null ? null : in.string(play.get("name"), "name");
    List<TaskNode> handlers = tasks.tasks(play.get("handlers"), "handlers", baseDir);
    List<TaskNode> pre = tasks.tasks(play.get("pre_tasks"), "pre_tasks", baseDir);
    List<TaskNode> main = tasks.tasks(play.get("tasks"), "tasks", baseDir);
    List<TaskNode> post = tasks.tasks(play.get("post_tasks"), "post_tasks", baseDir);
    List<TaskNode> beforeBatch = tasks.tasks(play.get("before_batch"), "before_batch", baseDir);
    List<TaskNode> afterBatch = tasks.tasks(play.get("after_batch"), "after_batch", baseDir);
    new HandlerCheck(in).check(handlers, List.of(pre, main, post));
    new MetaPlacement(in).check(handlers, beforeBatch, afterBatch);
    return new Play(name, play.position(), hosts, serial, maxFail,
        play.has("any_errors_fatal") && Boolean.TRUE.equals(in.bool(play.get("any_errors_fatal"), "any_errors_fatal")),
        order, vars, varsFiles(play.get("vars_files"), baseDir, in, tasks.sources()), pre, main, post, handlers,
        play.has("tags") ? in.names(play.get("tags"), "tags", true) : List.of(),
        play.has("forks") ? in.integer(play.get("forks"), "forks") : null,
        play.has("timeout") ? in.integer(play.get("timeout"), "timeout") : null,
        play.get("environment"),
        play.has("become") ? in.bool(play.get("become"), "become") : null,
        play.get("become_user"), play.get("connection"), beforeBatch, afterBatch,
        new InvariantParser(in, actions, guards).parse(play.get("invariants")), secretVars);
  }

  /** {@code name: {secret: true, value: X}} declares a secret var whose value is X. */
  private static Map<String, YNode> unwrapSecrets(Map<String, YNode> vars, java.util.Set<String> secret) {
    Map<String, YNode> out = new java.util.LinkedHashMap<>();
    vars.forEach((name, node) -> {
      if (node instanceof YMap m && m.entries().size() == 2 && m.has("value")
          && m.get("secret") instanceof YScalar s && Boolean.TRUE.equals(s.value())) {
        secret.add(name);
        out.put(name, m.get("value"));
      } else {
        out.put(name, node);
      }
    });
    return out;
  }

  /** The host pattern, a list of patterns joined with ':'; never empty (Ansible refuses that too). */
  private static YNode hosts(YMap play, NodeReader in, GuardChecker guards) {
    YNode hosts = play.get("hosts");
    if (hosts == null) {
      in.error(play, "a play needs 'hosts' (a group, host or pattern such as pump_servers)");
      return null;
    }
    guards.templates(hosts);
    List<String> names = in.names(hosts, "hosts", false);
    if (names.isEmpty()) {
      if (!(hosts instanceof YMap)) {
        in.error(hosts, "'hosts' is empty: name a group, host or pattern such as pump_servers (all for"
            + " every host)");
      }
      return null;
    }
    String pattern = String.join(":", names);
    return hosts instanceof YList l ? new YScalar(pattern, pattern, true, l.position()) : hosts;
  }

  private static List<Value<BatchSize>> serial(YNode node, NodeReader in, GuardChecker guards) {
    if (node == null) {
      return List.of();
    }
    List<YNode> sizes = node instanceof YList l ? l.items() : List.of(node);
    if (sizes.isEmpty()) {
      in.error(node, "'serial' must not be an empty list");
    }
    List<Value<BatchSize>> out = new ArrayList<>();
    for (YNode size : sizes) {
      Value<BatchSize> value = guards.value(size, Rule.batchSize("serial"));
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  private static List<VarsFile> varsFiles(YNode node, Path baseDir, NodeReader in, List<Path> sources) {
    List<VarsFile> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    List<YNode> items = node instanceof YList l ? l.items() : List.of(node);
    for (YNode item : items) {
      String path = in.string(item, "vars_files");
      if (path == null) {
        continue;
      }
      if (Expressions.isTemplate(path)) {
        in.names().openEnded();
        out.add(new VarsFile(item, null));
        continue;
      }
      Map<String, YNode> loaded = VarsFiles.read(baseDir.resolve(path), item, in);
      if (loaded != null) {
        sources.add(baseDir.resolve(path));
        loaded.keySet().forEach(in.names()::define);
      }
      out.add(new VarsFile(item, loaded));
    }
    return out;
  }

  /** Every handler a task notifies must exist (by name or by {@code listen}). */
  private static final class HandlerCheck {
    private final NodeReader in;

    HandlerCheck(NodeReader in) {
      this.in = in;
    }

    void check(List<TaskNode> handlers, List<List<TaskNode>> sections) {
      Set<String> known = new HashSet<>();
      for (TaskNode h : handlers) {
        if (h.options().name() != null) {
          known.add(h.options().name());
        }
        known.addAll(h.options().listen());
      }
      for (List<TaskNode> section : sections) {
        walk(section, known);
      }
    }

    private void walk(List<TaskNode> tasks, Set<String> known) {
      for (TaskNode t : tasks) {
        for (String n : t.options().notifies()) {
          if (!known.contains(n) && !Expressions.isTemplate(n)) {
            in.diagnostics().error("notify-missing-handler", t.options().position(), "notify names handler '" + n
                + "', which this play does not have" + NodeReader.nearest(n, known));
          }
        }
        if (t instanceof io.runbook.model.BlockTask b) {
          walk(b.block(), known);
          walk(b.rescue(), known);
          walk(b.always(), known);
        }
      }
    }
  }
}
