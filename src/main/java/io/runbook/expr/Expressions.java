package io.runbook.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.runbook.source.Diagnostic;
import io.runbook.source.SourcePosition;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlInfo;

/**
 * The one expression engine: sandboxed JEXL guards ({@code rc == 0 && r.stdout =~ 'ok.*'}) and
 * {@code {{ expr }}} templates in strings. Thread-safe; create one per process.
 *
 * <p>A string that is exactly one {@code {{ expr }}} keeps the expression's type (a number, a
 * list, a mapping); otherwise each value is written into the text: strings as they are, numbers
 * and booleans as {@code 8250} and {@code true}, lists and mappings as JSON. A null or missing
 * value inside a larger string is an error, never an empty string: {@code rm -rf {{ dir }}/x}
 * must not become {@code rm -rf /x}. Use {@code default(x, y)} (or {@code x ?? y}) for values
 * that may be absent.
 *
 * <p>Every evaluation runs under a time bound (2 s by default), which stops pathological regular
 * expressions.
 */
public final class Expressions {
  /** The lint rule that reports expressions that do not compile. */
  public static final String SYNTAX = "expression-syntax";
  static final int MAX_LENGTH = 4096;

  private final JexlEngine jexl = SandboxedEngine.ENGINE;
  private final long timeBoundNanos;

  public Expressions() {
    this(java.time.Duration.ofSeconds(2));
  }

  public Expressions(java.time.Duration timeBound) {
    this.timeBoundNanos = timeBound.toNanos();
  }

  /** Evaluates a bare expression. */
  public Object evaluate(String expression, SourcePosition at, Map<String, Object> vars) {
    JexlExpression compiled = compile(expression, at);
    boolean ownsDeadline = Deadline.start(timeBoundNanos);
    try {
      return normalize(compiled.evaluate(new ReadOnlyContext(vars)));
    } catch (JexlException e) {
      throw Errors.translate(e, expression, at, vars);
    } catch (Deadline.TimeBoundExceeded e) {
      throw Errors.timeBound(at, e);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ExpressionException(at, e.getMessage());
    } finally {
      Deadline.end(ownsDeadline);
    }
  }

  /** Evaluates a guard: the expression's truthiness. */
  public boolean test(String guard, SourcePosition at, Map<String, Object> vars) {
    return truthy(evaluate(guard, at, vars));
  }

  /** Renders every string of a node tree; other scalars stay as they are. */
  public Object render(YNode node, Map<String, Object> vars) {
    if (node instanceof YScalar s) {
      return s.isString() && isTemplate(s.text()) ? renderString(s.text(), s.contentPosition(), vars)
          : s.value();
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
    return renderString(text, at, vars, null);
  }

  /**
   * Renders one string, passing every interpolated value through {@code interpolate} (the shell
   * action quotes them). With an interpolator, the result is always a string.
   */
  public Object renderString(String text, SourcePosition at, Map<String, Object> vars,
      Function<Object, String> interpolate) {
    if (!isTemplate(text)) {
      return text;
    }
    Template t = parse(text, at);
    Template.Part single = t.single();
    if (single != null && interpolate == null) {
      return evaluate(single.text(), at.shift(single.offset()), vars);
    }
    StringBuilder out = new StringBuilder();
    for (Template.Part p : t.parts) {
      if (!p.expression()) {
        out.append(p.text());
        continue;
      }
      SourcePosition where = at.shift(p.offset());
      Object value = evaluate(p.text(), where, vars);
      if (value == null) {
        throw new ExpressionException(where, "'" + p.text() + "' is null or missing, so it cannot"
            + " be written into text; give a fallback with default(" + p.text() + ", ...)");
      }
      out.append(interpolate == null ? stringify(value) : interpolate.apply(value));
    }
    return out.toString();
  }

  /**
   * The variables an expression needs defined: the first segment of each variable path it reads
   * ({@code r.stdout} gives {@code r}), without those it tolerates missing ({@code default(x, y)},
   * {@code defined(x)}, {@code x ?? y}). Empty when the expression does not compile.
   */
  public Set<String> rootVariables(String expression) {
    if (expression == null || expression.isBlank() || expression.length() > MAX_LENGTH) {
      return Set.of();
    }
    try {
      return RootVariables.of(expression);
    } catch (JexlException | IllegalArgumentException e) {
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

  public static boolean isTemplate(String text) {
    return text != null && text.contains("{{");
  }

  /** Compiles an expression without evaluating it: the load-time check. */
  public List<Diagnostic> checkExpression(String expression, SourcePosition at) {
    try {
      compile(expression, at);
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
      if (s.isString() && isTemplate(s.text())) {
        try {
          for (Template.Part p : parse(s.text(), s.contentPosition()).parts) {
            if (p.expression()) {
              out.addAll(checkExpression(p.text(), s.contentPosition().shift(p.offset())));
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
      throw new ExpressionException(at.shift(e.offset), "'{{' is not closed by '}}'");
    }
  }

  private JexlExpression compile(String expression, SourcePosition at) {
    if (expression.length() > MAX_LENGTH) {
      throw new ExpressionException(at, "expression longer than " + MAX_LENGTH + " characters");
    }
    if (expression.isBlank()) {
      throw new ExpressionException(at, "empty expression");
    }
    if (expression.contains("#pragma")) {
      throw new ExpressionException(at, "#pragma is not allowed in expressions");
    }
    String source = Rewrites.apply(expression);
    try {
      return jexl.createExpression(new JexlInfo(at.file(), 1, 1), source);
    } catch (JexlException e) {
      throw Errors.translate(e, expression, source.equals(expression) ? at : null, at);
    }
  }

  /** Python's truthiness, as Ansible's conditionals: null, false, 0, "" and empties are false. */
  public static boolean truthy(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.doubleValue() != 0;
    }
    if (value instanceof CharSequence s) {
      return s.length() > 0;
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    if (value.getClass().isArray()) {
      return Array.getLength(value) > 0;
    }
    return true;
  }

  /** How a value is written into text. */
  public static String stringify(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Map || value instanceof Collection || value.getClass().isArray()) {
      try {
        return JsonCodec.MAPPER.writeValueAsString(normalize(value));
      } catch (JsonProcessingException e) {
        return String.valueOf(value);
      }
    }
    return String.valueOf(value);
  }

  /** JEXL's values made plain: arrays become lists, small integers become Long. */
  static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value != null && value.getClass().isArray()) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        out.add(normalize(Array.get(value, i)));
      }
      return out;
    }
    if (value instanceof List<?> l && l.stream().anyMatch(Expressions::needsNormalizing)) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(v -> out.add(normalize(v)));
      return out;
    }
    if (value instanceof Map<?, ?> m && m.values().stream().anyMatch(Expressions::needsNormalizing)) {
      Map<Object, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k, normalize(v)));
      return out;
    }
    return value;
  }

  private static boolean needsNormalizing(Object v) {
    return v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof Float
        || v instanceof BigInteger || v != null && v.getClass().isArray()
        || v instanceof List || v instanceof Map;
  }

  static String describe(Object x) {
    if (x == null) {
      return "null";
    }
    if (x instanceof String s) {
      return "the string '" + s + "'";
    }
    if (x instanceof Number) {
      return "the number " + x;
    }
    if (x instanceof Map) {
      return "a mapping";
    }
    if (x instanceof Collection) {
      return "a list";
    }
    return x.getClass().getSimpleName();
  }
}
