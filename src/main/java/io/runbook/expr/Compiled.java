package io.runbook.expr;

import io.runbook.source.SourcePosition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;

/**
 * One expression, parsed, checked and lowered onto the sandboxed JEXL engine once; evaluated as
 * often as needed, on any thread. Made by {@link Expressions#compile}.
 */
public final class Compiled {
  private final String text;
  private final JexlExpression jexl;
  private final List<Object> constants;
  private final Set<String> rootVariables;

  private Compiled(String text, JexlExpression jexl, List<Object> constants, Set<String> rootVariables) {
    this.text = text;
    this.jexl = jexl;
    this.constants = constants;
    this.rootVariables = rootVariables;
  }

  /** Parses and lowers; an {@link ExpressionError} carries the offset of a mistake. */
  static Compiled of(String text, boolean template) {
    Expr tree = Parser.parse(text, template);
    int depth = Depth.of(tree);
    if (depth > Parser.MAX_DEPTH) {
      throw new ExpressionError(0, "expression nested more than " + Parser.MAX_DEPTH + " levels deep");
    }
    Lowering.Result lowered = Lowering.lower(tree);
    JexlExpression jexl = SandboxedEngine.ENGINE.createExpression(lowered.jexl());
    return new Compiled(text, jexl, lowered.constants(), lowered.rootVariables());
  }

  public String text() {
    return text;
  }

  /** The variables the expression needs defined (not those it tolerates missing, as in {@code x | default(1)}). */
  public Set<String> rootVariables() {
    return rootVariables;
  }

  /**
   * Evaluates under {@code limits}; the result may be an undefined value, which the caller
   * turns into an error or (a template's {@code x if c}) an empty text.
   */
  Object evaluate(Map<String, Object> vars, SourcePosition at, Limits limits) {
    boolean owner = Budget.start(limits);
    try {
      Object value = jexl.evaluate(new Context(new Runtime(vars, constants)));
      if (owner) {
        Budget.weigh(value, limits);
      }
      return value;
    } catch (JexlException e) {
      throw translate(e, at);
    } catch (ExpressionError e) {
      throw new ExpressionException(at.shift(e.offset), e.getMessage());
    } catch (Budget.Exceeded e) {
      throw new ExpressionException(at, e.getMessage());
    } finally {
      Budget.end(owner);
    }
  }

  private ExpressionException translate(JexlException e, SourcePosition at) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ExpressionError x) {
        return new ExpressionException(at.shift(x.offset), x.getMessage());
      }
      if (t instanceof Budget.Exceeded x) {
        return new ExpressionException(at, x.getMessage());
      }
      if (t instanceof ExpressionException x) {
        return x; // a variable's own template failed, at its own position
      }
      if (t instanceof StackOverflowError || e instanceof JexlException.StackOverflow) {
        return new ExpressionException(at, "the expression is nested too deeply to evaluate");
      }
    }
    if (e instanceof JexlException.Cancel) {
      return new ExpressionException(at, "the expression was cancelled");
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why = root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
    return new ExpressionException(at, "cannot evaluate '" + text + "' (" + why + ")");
  }

  /** The variables, read only, and the {@code rb:} namespace bound to them. */
  private record Context(Runtime runtime) implements JexlContext, JexlContext.NamespaceResolver {
    @Override
    public Object get(String name) {
      return null;
    }

    /** Never called: assignments are disabled in the engine's features and never lowered. */
    @Override
    public void set(String name, Object value) {
      throw new IllegalStateException("expressions cannot assign variables");
    }

    @Override
    public boolean has(String name) {
      return false;
    }

    @Override
    public Object resolveNamespace(String name) {
      return "rb".equals(name) ? runtime : null;
    }
  }
}
