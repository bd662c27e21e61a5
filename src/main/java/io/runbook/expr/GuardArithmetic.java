package io.runbook.expr;

import java.math.MathContext;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JEXL arithmetic with two changes: {@code =~} matches regular expressions under the evaluation's
 * time bound, and membership in a list compares numbers by value (so {@code 1 =~ ports} finds
 * the Long 1 that YAML produced).
 */
final class GuardArithmetic extends org.apache.commons.jexl3.JexlArithmetic {

  GuardArithmetic(boolean strict) {
    super(strict);
  }

  private GuardArithmetic(boolean strict, MathContext context, int scale) {
    super(strict, context, scale);
  }

  @Override
  protected org.apache.commons.jexl3.JexlArithmetic createWithOptions(boolean strict,
      MathContext context, int scale) {
    return new GuardArithmetic(strict, context, scale);
  }

  @Override
  public Boolean contains(Object container, Object value) {
    if (container instanceof String regex && value != null && !(value instanceof Collection)) {
      return Regexes.compile(regex).matcher(Deadline.watched(String.valueOf(value))).matches();
    }
    if (container instanceof Pattern p && value != null) {
      return p.matcher(Deadline.watched(String.valueOf(value))).matches();
    }
    if (container instanceof Collection<?> c) {
      for (Object item : c) {
        if (same(item, value)) {
          return true;
        }
      }
      return false;
    }
    if (container instanceof Map<?, ?> m) {
      return m.containsKey(value);
    }
    return super.contains(container, value);
  }

  private boolean same(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return equals(a, b);
    }
    return a == null ? b == null : a.equals(b);
  }
}
