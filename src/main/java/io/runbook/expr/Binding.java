package io.runbook.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How the arguments of one call site reach a {@link Callable}'s parameters: worked out once,
 * when the expression compiles (so too many, too few or an unknown named argument is a load-time
 * error), then applied to the argument values at every evaluation.
 *
 * @param source for each parameter, the index of the actual argument it takes, or -1
 * @param variadic the parameter that collects extra positional arguments, or -1
 * @param firstExtra the first positional argument that parameter collects
 */
record Binding(Callable callable, String kind, int[] source, int variadic, int firstExtra, int positional) {

  /** Binds {@code positional} arguments and the named ones, in their order after them. */
  static Binding of(Callable c, String kind, int positional, List<String> named, int at) {
    List<String> params = c.params();
    int variadic = c.variadic() ? indexOfVariadic(params) : -1;
    int fixedPositional = variadic < 0 ? params.size() : variadic;
    if (variadic < 0 && positional > params.size()) {
      throw new ExpressionError(at, c.usage(kind) + ", not " + positional + (positional == 1 ? " argument" : " arguments"));
    }
    int[] source = new int[params.size()];
    Arrays.fill(source, -1);
    for (int i = 0; i < Math.min(positional, fixedPositional); i++) {
      source[i] = i;
    }
    for (int k = 0; k < named.size(); k++) {
      int p = params.indexOf(named.get(k));
      if (p < 0 || p == variadic) {
        String near = Library.nearest(named.get(k), params);
        throw new ExpressionError(at, kind + " '" + c.name() + "' has no argument '" + named.get(k) + "'"
            + (near != null ? " (did you mean '" + near + "'?)" : "") + "; " + c.usage(kind));
      }
      if (source[p] >= 0) {
        throw new ExpressionError(at, kind + " '" + c.name() + "': argument '" + named.get(k) + "' given twice");
      }
      source[p] = positional + k;
    }
    for (int i = 0; i < c.required(); i++) {
      if (i != variadic && source[i] < 0) {
        throw new ExpressionError(at, c.usage(kind) + ": '" + params.get(i) + "' is missing");
      }
    }
    return new Binding(c, kind, source, variadic, fixedPositional, positional);
  }

  private static int indexOfVariadic(List<String> params) {
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).endsWith("...")) {
        return i;
      }
    }
    return -1;
  }

  /** The arguments as the callable sees them, from the actual values (positional, then named). */
  Args args(Object[] actual, int at) {
    Object[] slots = new Object[source.length];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = source[i] >= 0 ? actual[source[i]] : Args.ABSENT;
    }
    if (variadic >= 0) {
      List<Object> extra = new ArrayList<>();
      for (int i = firstExtra; i < positional; i++) {
        extra.add(actual[i]);
      }
      slots[variadic] = extra;
    }
    return new Args(kind + " '" + callable.name() + "'", slots, at);
  }

  /** Calls the callable on a value with arguments given by position: map('upper'), select('odd'). */
  static Object invoke(Callable c, String kind, Object value, List<Object> positional, int at) {
    Binding b = of(c, kind, positional.size(), List.of(), at);
    if (!c.undefinedOk()) {
      Values.undefinedCheck(value, at);
    }
    return c.impl().apply(value, b.args(positional.toArray(), at));
  }
}
