package io.runbook.expr;

import java.util.List;

/**
 * One entry of the library: a filter, test, function or method, with the names of its arguments
 * (after the value it applies to) and how many must be given. Arguments are bound to these names
 * when the expression compiles, so a wrong count or an unknown name is a load-time error.
 *
 * @param params the argument names, in order; a name ending in {@code ...} takes the extra
 *     positional arguments, and those after it can only be given by name
 * @param required how many of them must be given
 * @param undefinedOk whether the value may be undefined ({@code default}, {@code defined})
 */
record Callable(String name, List<String> params, int required, boolean undefinedOk, Impl impl) {

  /** The implementation: the value and the bound arguments ({@link Args#ABSENT} where not given). */
  @FunctionalInterface
  interface Impl {
    Object apply(Object value, Args args);
  }

  boolean variadic() {
    return params.stream().anyMatch(p -> p.endsWith("..."));
  }

  /** How the arguments read in a message: {@code join(d='', attribute=none)}. */
  String usage(String kind) {
    return kind + " '" + name + "'" + (params.isEmpty() ? " takes no arguments"
        : " takes (" + String.join(", ", params) + ")" + (required > 0 ? ", " + required + " required" : ""));
  }
}
