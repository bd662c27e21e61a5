package io.runbook.expr;

import io.runbook.source.SourcePosition;
import java.util.List;
import java.util.Map;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlInfo;

/** Turns JEXL's exceptions into one-line messages at the expression's own file:line:col. */
final class Errors {
  private Errors() {}

  /** A failure while evaluating. */
  static ExpressionException translate(JexlException e, String expression, SourcePosition at,
      Map<String, Object> vars) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Deadline.TimeBoundExceeded d) {
        return timeBound(at, d);
      }
      if (t instanceof IllegalArgumentException || t instanceof ArithmeticException) {
        return new ExpressionException(where(e, at), t.getMessage());
      }
    }
    SourcePosition where = where(e, at);
    if (e instanceof JexlException.Variable v) {
      return new ExpressionException(where, v.isUndefined()
          ? "undefined variable '" + v.getVariable() + "'"
          : "variable '" + v.getVariable() + "' is null");
    }
    if (e instanceof JexlException.Property p) {
      String undefined = undefinedRoot(expression, vars);
      if (undefined != null) {
        return new ExpressionException(at, "undefined variable '" + undefined + "'");
      }
      String message = String.valueOf(e.getMessage());
      return new ExpressionException(where, message.contains("null value")
          ? "cannot read '" + p.getProperty() + "' of a null value"
          : "no field '" + p.getProperty() + "'");
    }
    if (e instanceof JexlException.Method m) {
      return new ExpressionException(where, "unknown function '" + m.getMethod() + "'"
          + " (see docs/expressions.md for the functions there are)");
    }
    if (e instanceof JexlException.Cancel) {
      return new ExpressionException(at, "the expression was cancelled");
    }
    return new ExpressionException(where, detail(e));
  }

  static ExpressionException timeBound(SourcePosition at, Deadline.TimeBoundExceeded d) {
    return new ExpressionException(at, "the expression ran past its time bound of "
        + d.nanos / 1_000_000 + " ms (a regular expression that backtracks badly?)");
  }

  /** A failure while compiling; {@code exact} is null when positions inside are not reliable. */
  static ExpressionException translate(JexlException e, String expression, SourcePosition exact,
      SourcePosition at) {
    SourcePosition where = exact == null ? at : where(e, exact);
    String message = String.valueOf(e.getMessage());
    if (e instanceof JexlException.Feature) {
      return new ExpressionException(where, feature(message));
    }
    if (e instanceof JexlException.Parsing || e instanceof JexlException.Ambiguous) {
      String near = message.contains("error in '") ? message.substring(message.indexOf("error in '") + 9) : message;
      return new ExpressionException(where, "syntax error near " + near);
    }
    return new ExpressionException(where, detail(e));
  }

  private static String feature(String message) {
    if (message.contains("method call")) {
      return "calling methods on values is not allowed; use functions such as lower(s) or"
          + " size(list)";
    }
    if (message.contains("create instance") || message.contains("new")) {
      return "creating objects is not allowed in expressions";
    }
    if (message.contains("assign") || message.contains("side effect")) {
      return "assignment is not allowed: expressions only read variables (use set_fact)";
    }
    if (message.contains("lambda") || message.contains("local variable")) {
      return "lambdas and local variables are not allowed in expressions";
    }
    if (message.contains("loop")) {
      return "loops are not allowed in expressions";
    }
    if (message.contains("pragma")) {
      return "#pragma is not allowed in expressions";
    }
    return "not allowed in expressions: " + strip(message);
  }

  private static SourcePosition where(JexlException e, SourcePosition at) {
    JexlInfo info = e.getInfo();
    if (info == null || at == null) {
      return at;
    }
    int line = Math.max(1, info.getLine());
    int col = Math.max(1, info.getColumn());
    return line == 1 ? at.shift(col - 1) : new SourcePosition(at.file(), at.line() + line - 1, col);
  }

  /** The first variable the expression reads that does not exist, when any. */
  private static String undefinedRoot(String expression, Map<String, Object> vars) {
    try {
      for (List<String> path : SandboxedEngine.variables(expression)) {
        if (!path.isEmpty() && !vars.containsKey(path.get(0))) {
          return path.get(0);
        }
      }
    } catch (RuntimeException ignored) {
      // the expression compiled before, so this is only a better message or none
    }
    return null;
  }

  private static String detail(JexlException e) {
    Throwable cause = e.getCause();
    if (cause != null && cause.getMessage() != null) {
      return cause.getMessage();
    }
    return strip(String.valueOf(e.getMessage()));
  }

  /** JEXL prefixes messages with "name@line:col "; the caller prints the position itself. */
  private static String strip(String message) {
    return message.replaceFirst("^\\S*@\\d+(:\\d+)?\\s*", "");
  }
}
