package io.runbook.expr;

import java.util.ArrayList;
import java.util.List;

/** How deep a syntax tree is: a long chain such as {@code 1 + 1 + ... + 1} nests without parentheses. */
final class Depth {
  private Depth() {}

  static int of(Expr e) {
    int deepest = 0;
    for (Expr child : children(e)) {
      deepest = Math.max(deepest, of(child));
      if (deepest > Parser.MAX_DEPTH) {
        break;
      }
    }
    return deepest + 1;
  }

  private static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.ListOf l) {
      out.addAll(l.items());
    } else if (e instanceof Expr.DictOf d) {
      out.addAll(d.keys());
      out.addAll(d.values());
    } else if (e instanceof Expr.Attr a) {
      out.add(a.target());
    } else if (e instanceof Expr.Index i) {
      out.add(i.target());
      out.add(i.key());
    } else if (e instanceof Expr.Slice s) {
      out.add(s.target());
      addIf(out, s.start());
      addIf(out, s.stop());
      addIf(out, s.step());
    } else if (e instanceof Expr.Call c) {
      out.addAll(c.args());
      out.addAll(c.kwargs().values());
    } else if (e instanceof Expr.Filter f) {
      out.add(f.value());
      out.addAll(f.args());
      out.addAll(f.kwargs().values());
    } else if (e instanceof Expr.Test t) {
      out.add(t.value());
      out.addAll(t.args());
      out.addAll(t.kwargs().values());
    } else if (e instanceof Expr.MethodCall m) {
      out.add(m.target());
      out.addAll(m.args());
    } else if (e instanceof Expr.Unary u) {
      out.add(u.operand());
    } else if (e instanceof Expr.Binary b) {
      out.add(b.left());
      out.add(b.right());
    } else if (e instanceof Expr.Logical l) {
      out.add(l.left());
      out.add(l.right());
    } else if (e instanceof Expr.Coalesce c) {
      out.add(c.left());
      out.add(c.right());
    } else if (e instanceof Expr.Conditional c) {
      out.add(c.test());
      out.add(c.then());
      addIf(out, c.otherwise());
    }
    return out;
  }

  private static void addIf(List<Expr> out, Expr e) {
    if (e != null) {
      out.add(e);
    }
  }
}
