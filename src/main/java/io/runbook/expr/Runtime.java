package io.runbook.expr;

import io.runbook.expr.Expr.Op;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code rb:} namespace that lowered expressions call: one instance per evaluation, bound to
 * the variables and to the compiled expression's constants. Its public methods are the whole of
 * what JEXL can reach; each one is Python's semantics for one kind of node, checks the time
 * bound, and fails with the offset of its node.
 */
public final class Runtime {
  /** A node's position, its name or operator, and (for reads) the path it reads as written. */
  record Site(Object what, int at, String path) {
    Site(Object what, int at) {
      this(what, at, null);
    }
  }

  /** A filter, function or method call, its arguments bound when it compiled. */
  record CallSite(Binding binding, boolean hasValue, int at) {}

  /** A test, possibly negated. */
  record TestSite(Binding binding, boolean negated, int at) {}

  /** "This operand is the answer" for and/or/??/default: never escapes an evaluation. */
  private record Box(Object value) {}

  private final Map<String, Object> vars;
  private final List<Object> constants;

  Runtime(Map<String, Object> vars, List<Object> constants) {
    this.vars = vars;
    this.constants = constants;
  }

  private Object constant(int i) {
    Object c = constants.get(i);
    return c == Lowering.NULL ? null : c;
  }

  public Object k(int i) {
    return constant(i);
  }

  public Object v(int site) {
    Budget.check();
    Site s = (Site) constant(site);
    String name = (String) s.what();
    Object value = vars.get(name);
    if (value == null && !vars.containsKey(name)) {
      return new Undefined("'" + name + "' is undefined").at(s.at());
    }
    return value;
  }

  public Object attr(int site, Object target) {
    Site s = (Site) constant(site);
    return located(target, Access.item(target, s.what(), s.at(), (String) s.what()), s);
  }

  public Object item(int site, Object target, Object key) {
    Site s = (Site) constant(site);
    return located(target, Access.item(target, key, s.at(), Values.str(key)), s);
  }

  /** A newly missing key or item says which path was read: 'r.status' is undefined: ... */
  private static Object located(Object target, Object value, Site s) {
    if (!(value instanceof Undefined u) || target instanceof Undefined) {
      return value;
    }
    return new Undefined("'" + s.path() + "' is undefined: " + u.what(), false, s.at());
  }

  public Object slice(int site, Object target, Object start, Object stop, Object step) {
    return Access.slice(target, start, stop, step, ((Site) constant(site)).at());
  }

  public Object list(Object... items) {
    Budget.items(items.length);
    List<Object> out = new ArrayList<>(items.length);
    for (Object i : items) {
      out.add(i);
    }
    return out;
  }

  public Object list1(Object item) {
    Budget.items(1);
    List<Object> out = new ArrayList<>(1);
    out.add(item);
    return out;
  }

  public Object call1(int site, Object arg) {
    return call(site, new Object[] {arg});
  }

  public Object test1(int site, Object value, Object arg) {
    return test(site, value, new Object[] {arg});
  }

  public Object dict(int at, Object... keysAndValues) {
    Budget.items(keysAndValues.length / 2);
    Map<Object, Object> out = new LinkedHashMap<>();
    int offset = (Integer) constant(at);
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      Values.undefinedCheck(keysAndValues[i], offset);
      out.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  public Object call(int site, Object... args) {
    Budget.check();
    CallSite c = (CallSite) constant(site);
    Callable callee = c.binding().callable();
    Object value = null;
    Object[] rest = args;
    if (c.hasValue()) {
      value = args[0];
      if (!callee.undefinedOk()) {
        Values.undefinedCheck(value, c.at());
      }
      rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    }
    return callee.impl().apply(value, c.binding().args(rest, c.at()));
  }

  public Object test(int site, Object value, Object... args) {
    Budget.check();
    TestSite t = (TestSite) constant(site);
    Callable test = t.binding().callable();
    if (!test.undefinedOk()) {
      Values.undefinedCheck(value, t.at());
    }
    boolean holds = Values.truthy(test.impl().apply(value, t.binding().args(args, t.at())), t.at());
    return holds != t.negated();
  }

  public Object unary(int site, Object x) {
    Site s = (Site) constant(site);
    return s.what() == Op.NEG ? Arithmetic.neg(x, s.at()) : Arithmetic.pos(x, s.at());
  }

  public Object negate(int at, Object x) {
    return !Values.truthy(x, (Integer) constant(at));
  }

  public Object binary(int site, Object a, Object b) {
    Budget.check();
    Site s = (Site) constant(site);
    int at = s.at();
    Op op = (Op) s.what();
    switch (op) {
      case EQ, NE -> {
        Values.undefinedCheck(a, at);
        Values.undefinedCheck(b, at);
        return Values.equal(a, b) == (op == Op.EQ);
      }
      case IN -> {
        return Sequences.contains(b, a, at);
      }
      case NOT_IN -> {
        return !Sequences.contains(b, a, at);
      }
      default -> {
        return arithmeticOrOrder(op, a, b, at);
      }
    }
  }

  private Object arithmeticOrOrder(Op op, Object a, Object b, int at) {
    return switch (op) {
      case ADD -> Arithmetic.add(a, b, at);
      case SUB -> Arithmetic.sub(a, b, at);
      case MUL -> Arithmetic.mul(a, b, at);
      case DIV -> Arithmetic.div(a, b, at);
      case FLOOR_DIV -> Arithmetic.floorDiv(a, b, at);
      case MOD -> Arithmetic.mod(a, b, at);
      case POW -> Arithmetic.pow(a, b, at);
      case CONCAT -> Arithmetic.concat(a, b, at);
      case LT -> Values.compare(a, b, "<", at) < 0;
      case LE -> Values.compare(a, b, "<=", at) <= 0;
      case GT -> Values.compare(a, b, ">", at) > 0;
      case GE -> Values.compare(a, b, ">=", at) >= 0;
      case MATCH, NOT_MATCH -> Matching.matches(a, b, at) == (op == Op.MATCH);
      case STARTS_WITH -> Matching.text(a, at).startsWith(Matching.text(b, at));
      case ENDS_WITH -> Matching.text(a, at).endsWith(Matching.text(b, at));
      default -> throw new AssertionError(op);
    };
  }

  public boolean truth(int at, Object x) {
    return Values.truthy(x, (Integer) constant(at));
  }

  public Object orBox(int at, Object x) {
    return Values.truthy(x, (Integer) constant(at)) ? new Box(x) : null;
  }

  public Object andBox(int at, Object x) {
    return Values.truthy(x, (Integer) constant(at)) ? null : new Box(x);
  }

  public Object presentBox(Object x) {
    return x == null || x instanceof Undefined ? null : new Box(x);
  }

  public Object definedBox(Object x) {
    return x instanceof Undefined ? null : new Box(x);
  }

  public Object truthyBox(int at, Object x) {
    return x instanceof Undefined || !Values.truthy(x, (Integer) constant(at)) ? null : new Box(x);
  }

  public Object unbox(Object x) {
    return x instanceof Box b ? b.value() : x;
  }
}
