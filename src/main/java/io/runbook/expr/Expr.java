package io.runbook.expr;

import java.util.List;
import java.util.Map;

/**
 * The expression language's syntax tree, as the {@link Parser} builds it from Jinja2's
 * expression grammar and runbook's few extra spellings. Every node keeps the offset of its text
 * in the expression, so a mistake found when compiling or evaluating it points at that place.
 */
sealed interface Expr {
  /** The 0-based offset of the node's text in its expression. */
  int at();

  /** {@code 'text'}, {@code 8250}, {@code 1.5}, {@code true}, {@code none}. */
  record Literal(Object value, int at) implements Expr {}

  /** A variable. */
  record Name(String name, int at) implements Expr {}

  /** {@code [a, b]} or {@code (a, b)}. */
  record ListOf(List<Expr> items, int at) implements Expr {}

  /** {@code {'a': x}}: keys and values in order. */
  record DictOf(List<Expr> keys, List<Expr> values, int at) implements Expr {}

  /** {@code target.name}. */
  record Attr(Expr target, String name, int at) implements Expr {}

  /** {@code target[key]}. */
  record Index(Expr target, Expr key, int at) implements Expr {}

  /** {@code target[start:stop:step]}; absent parts are null. */
  record Slice(Expr target, Expr start, Expr stop, Expr step, int at) implements Expr {}

  /**
   * A function, or a filter written as a function: {@code range(3)}, {@code lower(s)},
   * {@code version:ge(a, b)}. {@code kwargs} keep their order.
   */
  record Call(String name, List<Expr> args, Map<String, Expr> kwargs, int at) implements Expr {}

  /** {@code value | name(args)}. */
  record Filter(Expr value, String name, List<Expr> args, Map<String, Expr> kwargs, int at)
      implements Expr {}

  /** {@code value is [not] name(args)}. */
  record Test(Expr value, String name, boolean negated, List<Expr> args, Map<String, Expr> kwargs, int at)
      implements Expr {}

  /** {@code target.name(args)}: one of the fixed table of string and mapping methods. */
  record MethodCall(Expr target, String name, List<Expr> args, int at) implements Expr {}

  /** {@code -x}, {@code +x}, {@code not x}. */
  record Unary(Op op, Expr operand, int at) implements Expr {}

  /** Arithmetic, comparison, membership, concatenation and matching. */
  record Binary(Op op, Expr left, Expr right, int at) implements Expr {}

  /** {@code and} / {@code or} (and {@code && || ?:}): Python's, returning an operand. */
  record Logical(boolean and, Expr left, Expr right, int at) implements Expr {}

  /** {@code left ?? right}: left unless it is undefined or none. */
  record Coalesce(Expr left, Expr right, int at) implements Expr {}

  /** {@code then if test else otherwise} and {@code test ? then : otherwise}; no else: null. */
  record Conditional(Expr test, Expr then, Expr otherwise, int at) implements Expr {}

  /** The operators of {@link Unary} and {@link Binary}. */
  enum Op {
    NEG("-"), POS("+"), NOT("not"),
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOOR_DIV("//"), MOD("%"), POW("**"), CONCAT("~"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in"),
    MATCH("=~"), NOT_MATCH("!~"), STARTS_WITH("=^"), ENDS_WITH("=$");

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }
}
