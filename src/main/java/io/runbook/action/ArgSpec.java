package io.runbook.action;

import io.runbook.source.Diagnostics;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments an action takes, checked when the playbook loads: unknown names (with a
 * suggestion), missing required ones, wrong types and values outside a closed set. A value that
 * is a template is checked only at run time, once rendered.
 *
 * @param freeForm the argument that a plain string stands for ({@code command: ls -l} means
 *                 {@code cmd: ls -l}); null when the action takes only a mapping
 * @param openKeys any variable name is an argument too ({@code set_fact})
 */
public record ArgSpec(Map<String, Arg> args, String freeForm, boolean openKeys) {
  /** The lint rule that reports what check() finds. */
  public static final String ARGUMENTS = "action-arguments";

  /** The kinds of value an argument takes. */
  public enum Type { STRING, INT, BOOL, LIST, MAP, ANY, NUMBER }

  /** One argument. {@code choices} is empty when any value of the type is accepted. */
  public record Arg(String name, Type type, boolean required, List<String> choices) {}

  public ArgSpec {
    args = Map.copyOf(args);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Fluent construction, one line per argument. */
  public static final class Builder {
    private final Map<String, Arg> args = new LinkedHashMap<>();
    private String freeForm;
    private boolean openKeys;

    public Builder required(String name, Type type) {
      args.put(name, new Arg(name, type, true, List.of()));
      return this;
    }

    public Builder optional(String name, Type type) {
      args.put(name, new Arg(name, type, false, List.of()));
      return this;
    }

    public Builder choice(String name, boolean required, String... choices) {
      args.put(name, new Arg(name, Type.STRING, required, List.of(choices)));
      return this;
    }

    public Builder freeForm(String name) {
      this.freeForm = name;
      return this;
    }

    /** {@code mode}, {@code owner}, {@code group} and {@code backup}: what every file action takes. */
    public Builder fileAttributes() {
      optional("mode", Type.ANY);
      optional("owner", Type.STRING);
      optional("group", Type.STRING);
      return optional("backup", Type.BOOL);
    }

    /** Accept any variable name as an argument, as {@code set_fact} does. */
    public Builder openKeys() {
      this.openKeys = true;
      return this;
    }

    public ArgSpec build() {
      return new ArgSpec(args, freeForm, openKeys);
    }
  }

  /**
   * Normalises the written arguments to a mapping (a free-form string becomes
   * {@code {freeForm: string}}) and reports every problem. Returns null when the shape is wrong.
   */
  public YMap check(String action, SourcePosition actionAt, YNode written, Diagnostics out) {
    return check(action, actionAt, written, null, out);
  }

  /**
   * The same, with the task's {@code args:} mapping merged in first (Ansible's way of giving a
   * free-form action its other arguments: {@code command: ls} with {@code args: {chdir: /tmp}}).
   * The merged arguments are checked as one; a name given both in the action and in
   * {@code args} is refused (Ansible lets the action's own value win, silently).
   *
   * @param taskArgs the task's {@code args:}, or null when it has none
   */
  public YMap check(String action, SourcePosition actionAt, YNode written, YMap taskArgs,
      Diagnostics out) {
    YMap map = normalise(action, written, taskArgs != null, out);
    if (map == null) {
      return null;
    }
    if (taskArgs != null) {
      map = merge(action, map, written instanceof YScalar, taskArgs, out);
    }
    for (YMap.Entry e : map.entries()) {
      Arg arg = args.get(e.name());
      if (arg == null && openKeys) {
        if (!e.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
          out.error(ARGUMENTS, e.key().position(), "'" + e.name() + "' is not a valid variable name"
              + " (letters, digits and _, not starting with a digit)");
        }
        continue;
      }
      if (arg == null) {
        out.error(ARGUMENTS, e.key().position(), "'" + action + "' has no argument '" + e.name() + "'"
            + suggestion(e.name()));
        continue;
      }
      checkValue(action, arg, e.value(), out);
    }
    for (String name : requiredNames()) {
      if (!map.has(name)) {
        out.error(ARGUMENTS, actionAt, "'" + action + "' needs the argument '" + name + "'");
      }
    }
    return map;
  }

  /** The written arguments as a mapping: a free-form string becomes {@code {freeForm: string}}. */
  private YMap normalise(String action, YNode written, boolean hasArgs, Diagnostics out) {
    if (written instanceof YMap m) {
      return m;
    }
    if (written instanceof YScalar s && s.isNull() && (hasArgs || requiredNames().isEmpty())) {
      return new YMap(List.of(), s.position());
    }
    if (written instanceof YScalar s && freeForm != null && !s.isNull()) {
      return new YMap(List.of(new YMap.Entry(new YScalar(freeForm, freeForm, false, s.position()), s)),
          s.position());
    }
    out.error(ARGUMENTS, written.position(), "'" + action + "' takes a mapping of arguments"
        + (freeForm != null ? " or a string" : "") + ", not " + written.describe());
    return null;
  }

  /** The action's own arguments, then those of {@code args} that it does not give itself. */
  private YMap merge(String action, YMap own, boolean freeFormText, YMap taskArgs, Diagnostics out) {
    List<YMap.Entry> entries = new ArrayList<>(own.entries());
    for (YMap.Entry e : taskArgs.entries()) {
      YMap.Entry mine = own.entry(e.name()).orElse(null);
      if (mine == null) {
        entries.add(e);
        continue;
      }
      String where = freeFormText ? "as the text after '" + action + ":'"
          : "in '" + action + "' (line " + mine.key().position().line() + ")";
      out.error(ARGUMENTS, e.key().position(), "'" + e.name() + "' is given both " + where
          + " and in 'args': give it once");
    }
    return new YMap(entries, own.position());
  }

  private List<String> requiredNames() {
    List<String> names = new ArrayList<>();
    args.values().stream().filter(Arg::required).forEach(a -> names.add(a.name()));
    return names;
  }

  private static void checkValue(String action, Arg arg, YNode value, Diagnostics out) {
    if (value instanceof YScalar s && s.isString() && s.text().contains("{{")) {
      return;
    }
    if (!fits(arg.type(), value)) {
      out.error(ARGUMENTS, value.position(), "'" + action + "." + arg.name() + "' must be "
          + article(arg.type()) + ", not " + value.describe());
      return;
    }
    if (!arg.choices().isEmpty() && value instanceof YScalar s
        && !arg.choices().contains(String.valueOf(s.value()))) {
      out.error(ARGUMENTS, value.position(), "'" + action + "." + arg.name() + "' must be one of "
          + String.join(", ", arg.choices()) + ", not '" + s.text() + "'");
    }
  }

  private static boolean fits(Type type, YNode v) {
    return switch (type) {
      case ANY -> true;
      case LIST -> v instanceof YList || v instanceof YScalar s && s.isString();
      case MAP -> v instanceof YMap;
      case BOOL -> v instanceof YScalar s && s.value() instanceof Boolean;
      case INT -> v instanceof YScalar s && s.value() instanceof Long;
      case NUMBER -> v instanceof YScalar s && s.value() instanceof Number;
      case STRING -> v instanceof YScalar s && !s.isNull();
    };
  }

  private static String article(Type type) {
    return switch (type) {
      case ANY -> "anything";
      case LIST -> "a list";
      case MAP -> "a mapping";
      case BOOL -> "true or false";
      case INT -> "a whole number";
      case NUMBER -> "a number";
      case STRING -> "a string";
    };
  }

  private String suggestion(String name) {
    String best = nearest(name, args.keySet());
    return best == null ? " (it takes: " + String.join(", ", args.keySet()) + ")"
        : " (did you mean '" + best + "'?)";
  }

  /** The candidate nearest to {@code name}, for "did you mean": within two edits, else null. */
  public static String nearest(String name, Iterable<String> candidates) {
    return io.runbook.source.Suggestions.nearest(name, candidates);
  }
}
