package io.runbook.expr;

import io.runbook.source.Diagnostic;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one expression language: Jinja2's expression syntax with Ansible's filters and tests
 * (docs/expressions.md), parsed by {@link Parser}, checked and lowered onto a sandboxed JEXL
 * engine once per distinct text, then evaluated under {@link Limits}. Thread-safe; one per
 * process is enough.
 *
 * <p>Guards ({@code when}, {@code until}, ...) are bare expressions. Templates are strings with
 * {@code {{ expr }}} inside: a string that is exactly one {@code {{ expr }}} keeps the
 * expression's type; otherwise each value is written into the text as Python's {@code str()}
 * writes it ({@code True}, {@code ['a', 'b']}), as Ansible does. A none or undefined value inside
 * a larger string is an error, never an empty string: {@code rm -rf {{ dir }}/x} must not become
 * {@code rm -rf /x}.
 */
public final class Expressions {
  /** The lint rule that reports expressions that do not compile. */
  public static final String SYNTAX = "expression-syntax";
  static final int MAX_LENGTH = 4096;
  private static final int MAX_CACHED = 8192;

  private final Limits limits;
  private final Map<String, Compiled> guards = new ConcurrentHashMap<>();
  private final Map<String, Compiled> templateParts = new ConcurrentHashMap<>();

  public Expressions() {
    this(Limits.DEFAULT);
  }

  public Expressions(java.time.Duration timeBound) {
    this(new Limits(timeBound, Limits.DEFAULT.maxText(), Limits.DEFAULT.maxItems()));
  }

  public Expressions(Limits limits) {
    this.limits = limits;
  }

  public Limits limits() {
    return limits;
  }

  /**
   * Compiles a bare expression ({@code template} false) or the inside of one {@code {{ }}}
   * ({@code template} true: backslashes in its string literals stand for themselves, as in
   * Ansible); every mistake is an {@link ExpressionException} at its position.
   */
  public Compiled compile(String expression, boolean template, SourcePosition at) {
    Map<String, Compiled> cache = template ? templateParts : guards;
    Compiled c = cache.get(expression);
    if (c != null) {
      return c;
    }
    if (expression.length() > MAX_LENGTH) {
      throw new ExpressionException(at, "expression longer than " + MAX_LENGTH + " characters");
    }
    if (expression.isBlank()) {
      throw new ExpressionException(at, "empty expression");
    }
    try {
      c = Compiled.of(expression, template);
    } catch (ExpressionError e) {
      throw new ExpressionException(at.shift(e.offset), e.getMessage());
    } catch (StackOverflowError e) {
      throw new ExpressionException(at, "the expression is nested too deeply");
    }
    if (cache.size() < MAX_CACHED) {
      cache.put(expression, c);
    }
    return c;
  }

  /** Evaluates a bare expression; an undefined result is an error. */
  public Object evaluate(String expression, SourcePosition at, Map<String, Object> vars) {
    return defined(expression, compile(expression, false, at).evaluate(vars, at, limits), at);
  }

  /**
   * Evaluates a guard: the expression's truthiness, as Python's. A guard written as one whole
   * template ({@code when: "{{ x }}"}, which lint warns about) is that template's value: it is
   * evaluated once, never templated and then evaluated again as Ansible does.
   */
  public boolean test(String guard, SourcePosition at, Map<String, Object> vars) {
    if (isTemplate(guard) && parse(guard, at).single() != null) {
      return Values.truthy(renderString(guard, at, vars), 0);
    }
    Object value = compile(guard, false, at).evaluate(vars, at, limits);
    try {
      return Values.truthy(value, 0);
    } catch (ExpressionError e) {
      throw new ExpressionException(at.shift(e.offset), e.getMessage());
    }
  }

  /**
   * Evaluates a guard compiled when the playbook loaded (model.Guard): the value's
   * truthiness, as Python's.
   */
  public boolean test(Compiled compiled, SourcePosition at, Map<String, Object> vars) {
    Object value = compiled.evaluate(vars, at, limits);
    try {
      return Values.truthy(value, 0);
    } catch (ExpressionError e) {
      throw new ExpressionException(at.shift(e.offset), e.getMessage());
    }
  }

  private static Object defined(String text, Object value, SourcePosition at) {
    if (value instanceof Undefined u) {
      throw new ExpressionException(at.shift(Math.max(0, u.origin())), undefined(text, u));
    }
    return value;
  }

  /** {@code 'x' is undefined}, or {@code 'r.x' is undefined: the mapping has no key 'x' ...}. */
  private static String undefined(String text, Undefined u) {
    String plain = "'" + text.strip() + "' is undefined";
    return u.what().startsWith("'") && u.what().contains("' is undefined") ? u.what() : plain + ": " + u.what();
  }

  /** Renders every string of a node tree; other scalars stay as they are. */
  public Object render(YNode node, Map<String, Object> vars) {
    if (node instanceof YScalar s) {
      return s.isString() && !s.unsafe() && isTemplate(s.text())
          ? renderString(s.text(), s.contentPosition(), vars) : s.value();
    }
    if (node instanceof YList l) {
      List<Object> out = new ArrayList<>(l.items().size());
      for (YNode item : l.items()) {
        out.add(render(item, vars));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (YMap.Entry e : ((YMap) node).entries()) {
      out.put(e.name(), render(e.value(), vars));
    }
    return out;
  }

  /** Renders one string; a string that is a single template keeps the value's type. */
  public Object renderString(String text, SourcePosition at, Map<String, Object> vars) {
    return renderString(text, at, vars, (Interpolator) null);
  }

  /**
   * Renders one string, passing every interpolated value through {@code interpolate} (the shell
   * action quotes them). With an interpolator, the result is always a string.
   */
  public Object renderString(String text, SourcePosition at, Map<String, Object> vars,
      Function<Object, String> interpolate) {
    return renderString(text, at, vars, interpolate == null ? null : (part, v) -> interpolate.apply(v));
  }

  /** Renders one string, each interpolated value written by {@code interpolate} for its place. */
  public Object renderString(String text, SourcePosition at, Map<String, Object> vars,
      Interpolator interpolate) {
    if (!isTemplate(text)) {
      return text;
    }
    Template t = parse(text, at);
    Template.Part single = t.single();
    if (single != null && interpolate == null) {
      SourcePosition where = at.shift(single.offset());
      Object value = compile(single.text(), true, where).evaluate(vars, where, limits);
      return value instanceof Undefined u && u.soft() ? "" : defined(single.text(), value, where);
    }
    StringBuilder out = new StringBuilder();
    int part = -1;
    for (Template.Part p : t.parts) {
      if (!p.expression()) {
        out.append(p.text());
        continue;
      }
      part++;
      SourcePosition where = at.shift(p.offset());
      Object value = compile(p.text(), true, where).evaluate(vars, where, limits);
      if (value instanceof Undefined u && u.soft()) {
        continue;
      }
      if (value instanceof Omit) {
        throw new ExpressionException(where, "omit leaves out a whole argument: '" + p.text()
            + "' cannot be written into a longer text");
      }
      if (value == null || value instanceof Undefined) {
        String what = value == null ? "'" + p.text() + "' is none" : undefined(p.text(), (Undefined) value);
        throw new ExpressionException(where, what + ", so it cannot be written into text; give a fallback: "
            + p.text() + " | default('...')");
      }
      String piece;
      try {
        piece = interpolate == null ? Values.str(value) : interpolate.write(part, value);
      } catch (IllegalArgumentException e) {
        throw new ExpressionException(where, "'" + p.text() + "': " + e.getMessage());
      }
      if (out.length() + (long) piece.length() > limits.maxText()) {
        throw new ExpressionException(where, "the template built a string of more than " + limits.maxText()
            + " characters");
      }
      out.append(piece);
    }
    return out.toString();
  }

  /**
   * The variables an expression needs defined: the first segment of each variable path it reads
   * ({@code r.stdout} gives {@code r}), without those it tolerates missing ({@code x | default(y)},
   * {@code x is defined}, {@code x ?? y}). Empty when the expression does not compile.
   */
  public Set<String> rootVariables(String expression) {
    return rootVariables(expression, false);
  }

  public Set<String> rootVariables(String expression, boolean template) {
    if (expression == null || expression.isBlank()) {
      return Set.of();
    }
    try {
      return compile(expression, template, SourcePosition.none("lint")).rootVariables();
    } catch (ExpressionException e) {
      return Set.of();
    }
  }

  /** An expression inside a {@code {{ }}} template, and where its text starts in the string. */
  public record Embedded(String expression, int offset) {}

  /** The {@code {{ }}} expressions of a string, in order; none when a {@code {{} is not closed. */
  public static List<Embedded> templateExpressions(String text) {
    if (!isTemplate(text)) {
      return List.of();
    }
    try {
      return Template.parse(text).parts.stream().filter(Template.Part::expression)
          .map(p -> new Embedded(p.text(), p.offset())).toList();
    } catch (Template.Unterminated e) {
      return List.of();
    }
  }

  /** Whether a string is templated: it holds {@code {{} (or a Jinja2 statement, which is refused). */
  /**
   * The literal text around each {@code {{ }}} of a string: one more than there are expressions
   * (empty where two touch); for a shell script's quoting contexts. Empty when it does not parse.
   */
  public static List<String> templateLiterals(String text) {
    List<String> out = new ArrayList<>();
    try {
      StringBuilder current = new StringBuilder();
      for (Template.Part p : Template.parse(text).parts) {
        if (p.expression()) {
          out.add(current.toString());
          current.setLength(0);
        } else {
          current.append(p.text());
        }
      }
      out.add(current.toString());
      return out;
    } catch (Template.Unterminated e) {
      return List.of();
    }
  }

  /** Writes the value of the {@code part}-th {{ }} of a string into its text. */
  @FunctionalInterface
  public interface Interpolator {
    /** The text for the value; an IllegalArgumentException refuses it, with its message. */
    String write(int part, Object value);
  }

  public static boolean isTemplate(String text) {
    return text != null && (text.contains("{{") || text.contains("{%") || text.contains("{#"));
  }

  /** Compiles a bare expression without evaluating it: the load-time check. */
  public List<Diagnostic> checkExpression(String expression, SourcePosition at) {
    return check(expression, false, at);
  }

  private List<Diagnostic> check(String expression, boolean template, SourcePosition at) {
    try {
      compile(expression, template, at);
      return List.of();
    } catch (ExpressionException e) {
      return List.of(Diagnostic.error(e.position(), e.getMessage()).withCode(SYNTAX));
    }
  }

  /** Compiles every {@code {{ }}} in a node tree. */
  public List<Diagnostic> checkTemplates(YNode node) {
    List<Diagnostic> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private void collect(YNode node, List<Diagnostic> out) {
    if (node instanceof YScalar s) {
      if (s.isString() && !s.unsafe() && isTemplate(s.text())) {
        try {
          for (Template.Part p : parse(s.text(), s.contentPosition()).parts) {
            if (p.expression()) {
              out.addAll(check(p.text(), true, s.contentPosition().shift(p.offset())));
            }
          }
        } catch (ExpressionException e) {
          out.add(Diagnostic.error(e.position(), e.getMessage()).withCode(SYNTAX));
        }
      }
    } else if (node instanceof YList l) {
      l.items().forEach(i -> collect(i, out));
    } else if (node instanceof YMap m) {
      m.entries().forEach(e -> collect(e.value(), out));
    }
  }

  private Template parse(String text, SourcePosition at) {
    try {
      return Template.parse(text);
    } catch (Template.Unterminated e) {
      throw new ExpressionException(at.shift(e.offset), e.getMessage());
    }
  }

  /** Python's truthiness, as Ansible's conditionals: none, false, 0, '' and empties are false. */
  public static boolean truthy(Object value) {
    return Values.truthy(value, 0);
  }

  /** How a value is written into text: Python's {@code str()}, as Ansible writes it. */
  public static String stringify(Object value) {
    return value == null ? "" : Values.str(value);
  }

  /** A value as JSON, written as Ansible's {@code to_json} writes it. */
  public static String json(Object value) {
    return PyJson.write(value, 0, false, true, 0);
  }
}
