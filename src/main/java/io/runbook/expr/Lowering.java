package io.runbook.expr;

import io.runbook.expr.Expr.Op;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a syntax tree into the JEXL source that evaluates it, checking on the way everything
 * that can be known before a value exists: every filter, test, function and method name, every
 * argument count and named argument, the test and filter names given to {@code select},
 * {@code selectattr} and {@code map}, and lookups other than {@code env}.
 *
 * <p>The JEXL it writes is calls on the {@code rb:} namespace ({@link Runtime}) and JEXL's own
 * {@code ? :} and {@code ?:} for what must not be evaluated eagerly. No text of the expression
 * reaches JEXL's parser: names and literals go into the constants table and are read by index,
 * so nothing an expression holds can be anything but data to JEXL.
 */
final class Lowering {
  private final Library lib = Library.STANDARD;
  private final List<Object> constants = new ArrayList<>();
  private final Set<String> reads = new LinkedHashSet<>();

  /** The JEXL source, the constants it indexes, and the variables the expression needs defined. */
  record Result(String jexl, List<Object> constants, Set<String> rootVariables) {}

  static Result lower(Expr e) {
    Lowering l = new Lowering();
    String jexl = l.emit(e, false);
    return new Result(jexl, List.copyOf(l.constants.stream().map(c -> c == null ? NULL : c).toList()),
        Set.copyOf(l.reads));
  }

  /** Stands for none in the immutable constants list. */
  static final Object NULL = new Object();

  private int constant(Object value) {
    constants.add(value);
    return constants.size() - 1;
  }

  /**
   * {@code rb:method(site, args...)}. One lone argument goes to the fixed-arity twin
   * ({@code call1}, {@code test1}): through a Java varargs method a single none would arrive as
   * a null array instead of an array holding null.
   */
  private String call(String method, int site, List<String> args) {
    int varargs = method.equals("test") ? args.size() - 1 : args.size();
    boolean twin = varargs == 1 && (method.equals("call") || method.equals("test"));
    StringBuilder sb = new StringBuilder("rb:").append(method).append(twin ? "1" : "").append('(').append(site);
    for (String a : args) {
      sb.append(", ").append(a);
    }
    return sb.append(')').toString();
  }

  /** {@code tolerant}: the value may be undefined here (the root of a default or is defined). */
  private String emit(Expr e, boolean tolerant) {
    if (e instanceof Expr.Literal l) {
      return "rb:k(" + constant(l.value()) + ")";
    }
    if (e instanceof Expr.Name n) {
      if (!tolerant) {
        reads.add(n.name());
      }
      return "rb:v(" + constant(new Runtime.Site(n.name(), n.at())) + ")";
    }
    if (e instanceof Expr.ListOf l) {
      return (l.items().size() == 1 ? "rb:list1(" : "rb:list(")
          + String.join(", ", l.items().stream().map(i -> emit(i, false)).toList()) + ")";
    }
    if (e instanceof Expr.DictOf d) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < d.keys().size(); i++) {
        parts.add(emit(d.keys().get(i), false));
        parts.add(emit(d.values().get(i), false));
      }
      return "rb:dict(" + constant(d.at()) + (parts.isEmpty() ? "" : ", " + String.join(", ", parts)) + ")";
    }
    if (e instanceof Expr.Attr a) {
      return call("attr", constant(new Runtime.Site(a.name(), a.at(), path(a))), List.of(emit(a.target(), tolerant)));
    }
    if (e instanceof Expr.Index i) {
      return call("item", constant(new Runtime.Site(null, i.at(), path(i))),
          List.of(emit(i.target(), tolerant), emit(i.key(), false)));
    }
    if (e instanceof Expr.Slice s) {
      return call("slice", constant(new Runtime.Site(null, s.at())), List.of(emit(s.target(), false),
          part(s.start()), part(s.stop()), part(s.step())));
    }
    if (e instanceof Expr.Call c) {
      return callOf(c);
    }
    if (e instanceof Expr.Filter f) {
      return filter(f.name(), f.value(), f.args(), f.kwargs(), f.at());
    }
    if (e instanceof Expr.Test t) {
      return test(t);
    }
    if (e instanceof Expr.MethodCall m) {
      return method(m);
    }
    if (e instanceof Expr.Unary u) {
      return u.op() == Op.NOT
          ? "rb:negate(" + constant(u.at()) + ", " + emit(u.operand(), false) + ")"
          : call("unary", constant(new Runtime.Site(u.op(), u.at())), List.of(emit(u.operand(), false)));
    }
    if (e instanceof Expr.Binary b) {
      return call("binary", constant(new Runtime.Site(b.op(), b.at())),
          List.of(emit(b.left(), false), emit(b.right(), false)));
    }
    if (e instanceof Expr.Logical l) {
      // Python's and/or return an operand, evaluated once: the box says "this is the answer".
      return "rb:unbox(" + (l.and() ? "rb:andBox(" : "rb:orBox(") + constant(l.at()) + ", "
          + emit(l.left(), false) + ") ?: " + emit(l.right(), false) + ")";
    }
    if (e instanceof Expr.Coalesce c) {
      return "rb:unbox(rb:presentBox(" + emit(c.left(), true) + ") ?: " + emit(c.right(), false) + ")";
    }
    if (e instanceof Expr.Conditional c) {
      String otherwise = c.otherwise() == null
          ? "rb:k(" + constant(new Undefined("the condition is false and there is no 'else'", true)) + ")"
          : emit(c.otherwise(), false);
      return "(rb:truth(" + constant(c.at()) + ", " + emit(c.test(), false) + ") ? " + emit(c.then(), false)
          + " : " + otherwise + ")";
    }
    throw new AssertionError("unknown node " + e);
  }

  /** A read as the playbook wrote it, for messages: {@code r.json.status}, {@code hostvars[h].x}. */
  static String path(Expr e) {
    if (e instanceof Expr.Name n) {
      return n.name();
    }
    if (e instanceof Expr.Attr a) {
      return path(a.target()) + "." + a.name();
    }
    if (e instanceof Expr.Index i) {
      String key = i.key() instanceof Expr.Literal l ? Values.repr(l.value())
          : i.key() instanceof Expr.Name || i.key() instanceof Expr.Attr ? path(i.key()) : "...";
      return path(i.target()) + "[" + key + "]";
    }
    return "(...)";
  }

  private String part(Expr e) {
    return e == null ? "rb:k(" + constant(null) + ")" : emit(e, false);
  }

  private String callOf(Expr.Call c) {
    Callable f = lib.function(c.name());
    if (f != null) {
      if (c.name().equals("lookup")) {
        checkLookup(c);
      }
      Binding b = Binding.of(f, "function", c.args().size(), List.copyOf(c.kwargs().keySet()), c.at());
      List<String> args = new ArrayList<>();
      c.args().forEach(a -> args.add(emit(a, false)));
      c.kwargs().values().forEach(a -> args.add(emit(a, false)));
      return call("call", constant(new Runtime.CallSite(b, false, c.at())), args);
    }
    if (lib.filter(c.name()) != null) {
      if (c.args().isEmpty()) {
        throw new ExpressionError(c.at(), "'" + c.name() + "()' needs the value it applies to: write "
            + c.name() + "(x) or x | " + c.name());
      }
      return filter(c.name(), c.args().get(0), c.args().subList(1, c.args().size()), c.kwargs(), c.at());
    }
    if (c.name().equals("defined") || c.name().equals("undefined")) {
      if (c.args().size() != 1 || !c.kwargs().isEmpty()) {
        throw new ExpressionError(c.at(), c.name() + "(x) takes one argument (or write: x is " + c.name() + ")");
      }
      return test(new Expr.Test(c.args().get(0), c.name(), false, List.of(), Map.of(), c.at()));
    }
    throw unknown("function", c.name(), c.at(), lib.functionNames(), lib.filterNames());
  }

  private void checkLookup(Expr.Call c) {
    if (!c.args().isEmpty() && c.args().get(0) instanceof Expr.Literal l && !"env".equals(l.value())) {
      throw new ExpressionError(c.at(), "lookup(" + Values.repr(l.value()) + ", ...) is not available: only"
          + " lookup('env', NAME) is (" + Library.REFUSED.get("query") + ")");
    }
  }

  private String filter(String name, Expr value, List<Expr> args, Map<String, Expr> kwargs, int at) {
    Callable f = lib.filter(name);
    if (f == null) {
      throw unknown("filter", name, at, lib.filterNames(), List.of());
    }
    Binding b = Binding.of(f, "filter", args.size(), List.copyOf(kwargs.keySet()), at);
    checkNamedCallee(name, args, at);
    boolean lazyDefault = (name.equals("default") || name.equals("d")) && args.size() <= 2 && kwargs.isEmpty()
        && (args.size() < 2 || args.get(1) instanceof Expr.Literal);
    if (lazyDefault) {
      boolean whenFalsy = args.size() == 2 && Values.truthy(((Expr.Literal) args.get(1)).value(), at);
      String fallback = args.isEmpty() ? "rb:k(" + constant("") + ")" : emit(args.get(0), false);
      return "rb:unbox(" + (whenFalsy ? "rb:truthyBox(" + constant(at) + ", " : "rb:definedBox(")
          + emit(value, true) + ") ?: " + fallback + ")";
    }
    List<String> out = new ArrayList<>();
    out.add(emit(value, f.undefinedOk()));
    args.forEach(a -> out.add(emit(a, false)));
    kwargs.values().forEach(a -> out.add(emit(a, false)));
    return call("call", constant(new Runtime.CallSite(b, true, at)), out);
  }

  /** select('odd'), selectattr('state', 'equalto', x), map('upper'): the names are checked now. */
  private void checkNamedCallee(String filter, List<Expr> args, int at) {
    int slot = switch (filter) {
      case "select", "reject", "map" -> 0;
      case "selectattr", "rejectattr" -> 1;
      default -> -1;
    };
    if (slot < 0 || args.size() <= slot || !(args.get(slot) instanceof Expr.Literal l) || !(l.value() instanceof String name)) {
      return;
    }
    if (filter.equals("map")) {
      if (lib.filter(name) == null) {
        throw unknown("filter", name, args.get(slot).at(), lib.filterNames(), List.of());
      }
    } else if (lib.test(name) == null) {
      String hint = slot == 1 && args.size() == 2
          ? " (to compare, write " + filter + "(" + literal(args.get(0)) + ", 'equalto', " + Values.repr(name) + "))"
          : "";
      throw new ExpressionError(args.get(slot).at(), "unknown test " + Values.repr(name) + hint);
    }
  }

  private static String literal(Expr e) {
    return e instanceof Expr.Literal l ? Values.repr(l.value()) : "...";
  }

  private String test(Expr.Test t) {
    Callable test = lib.test(t.name());
    if (test == null) {
      if (Library.REFUSED.containsKey(t.name())) {
        throw new ExpressionError(t.at(), "test '" + t.name() + "' is not available: " + Library.REFUSED.get(t.name()));
      }
      throw unknown("test", t.name(), t.at(), lib.testNames(), List.of());
    }
    Binding b = Binding.of(test, "test", t.args().size(), List.copyOf(t.kwargs().keySet()), t.at());
    List<String> out = new ArrayList<>();
    out.add(emit(t.value(), test.undefinedOk()));
    t.args().forEach(a -> out.add(emit(a, false)));
    t.kwargs().values().forEach(a -> out.add(emit(a, false)));
    return call("test", constant(new Runtime.TestSite(b, t.negated(), t.at())), out);
  }

  private String method(Expr.MethodCall m) {
    Callable method = lib.method(m.name());
    if (method == null) {
      String asFilter = lib.filter(m.name()) != null ? " (write it as a filter: x | " + m.name() + ")" : "";
      String near = Library.nearest(m.name(), lib.methodNames());
      throw new ExpressionError(m.at(), "unknown method '" + m.name() + "'" + asFilter
          + (asFilter.isEmpty() && near != null ? " (did you mean '" + near + "'?)" : ""));
    }
    Binding b = Binding.of(method, "method", m.args().size(), List.of(), m.at());
    List<String> out = new ArrayList<>();
    out.add(emit(m.target(), false));
    m.args().forEach(a -> out.add(emit(a, false)));
    return call("call", constant(new Runtime.CallSite(b, true, m.at())), out);
  }

  private static ExpressionError unknown(String kind, String name, int at, Iterable<String> names,
      Iterable<String> others) {
    if (Library.REFUSED.containsKey(name)) {
      return new ExpressionError(at, kind + " '" + name + "' is not available: " + Library.REFUSED.get(name));
    }
    List<String> all = new ArrayList<>();
    names.forEach(all::add);
    others.forEach(all::add);
    String near = Library.nearest(name, all);
    return new ExpressionError(at, "unknown " + kind + " '" + name + "'"
        + (near != null ? " (did you mean '" + near + "'?)" : " (see docs/expressions.md)"));
  }
}
