package io.runbook.expr;

/**
 * The {@link Limits} of the evaluation running on this thread. The runtime checks it as it
 * works: the clock at every operation (and at every character a regular expression reads), the
 * size of every string and collection it builds. No thread is spawned per evaluation.
 */
final class Budget {
  private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

  private final Limits limits;
  private final long deadline;
  /** Whether this evaluation built a string or a collection (else its result was already there). */
  private boolean built;

  private Budget(Limits limits) {
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.time().toNanos();
  }

  /**
   * Starts a budget unless one runs already (an expression that reads a variable whose value is
   * a template evaluates inside the outer evaluation). True when this call owns it.
   */
  static boolean start(Limits limits) {
    if (CURRENT.get() != null) {
      return false;
    }
    CURRENT.set(new Budget(limits));
    return true;
  }

  static void end(boolean owner) {
    if (owner) {
      CURRENT.remove();
    }
  }

  static void check() {
    Budget b = CURRENT.get();
    if (b != null && System.nanoTime() > b.deadline) {
      throw new Exceeded("the expression ran past its time bound of " + b.limits.time().toMillis()
          + " ms (a regular expression that backtracks badly, or too much work?)");
    }
  }

  /** Refuses text longer than the bound, counting {@code more} characters about to be added. */
  static void text(CharSequence s, long more) {
    Budget b = CURRENT.get();
    if (b != null) {
      b.built = true;
    }
    int max = b == null ? Limits.DEFAULT.maxText() : b.limits.maxText();
    if (s.length() + more > max) {
      throw new Exceeded("the expression built a string of more than " + max + " characters");
    }
  }

  /** Refuses a collection of more than the bound of items. */
  static void items(long count) {
    Budget b = CURRENT.get();
    if (b != null) {
      b.built = true;
    }
    int max = b == null ? Limits.DEFAULT.maxItems() : b.limits.maxItems();
    if (count > max) {
      throw new Exceeded("the expression built a list or mapping of more than " + max + " items");
    }
  }

  /**
   * Refuses a result that is larger in all than the bounds allow: an expression can build a
   * value whose parts are shared ({@code [x, x]} applied 32 times), small in memory but
   * exponential to write to a journal or a console. Counts every item as often as it appears,
   * stopping as soon as the total passes ten times the item bound or sixteen times the text
   * bound. Lazily computed mappings (hostvars) are not walked.
   */
  static void weigh(Object value, Limits limits) {
    Budget b = CURRENT.get();
    if (b != null && !b.built) {
      return; // a value read as it is (a host's big JSON body) was bounded where it was made
    }
    long[] weight = {0, 0};
    weigh(value, limits, weight);
  }

  private static void weigh(Object x, Limits limits, long[] weight) {
    if (x instanceof String s) {
      weight[1] += s.length();
    } else if (x instanceof java.util.Collection<?> c) {
      weight[0] += c.size();
      for (Object item : c) {
        weigh(item, limits, weight);
        if (over(weight, limits)) {
          break;
        }
      }
    } else if (x instanceof java.util.Map<?, ?> m && !(x instanceof LazyMap)) {
      weight[0] += m.size();
      for (java.util.Map.Entry<?, ?> e : m.entrySet()) {
        weigh(e.getValue(), limits, weight);
        if (over(weight, limits)) {
          break;
        }
      }
    }
    if (over(weight, limits)) {
      throw new Exceeded("the value is too large in all: more than " + 10L * limits.maxItems()
          + " items or " + 16L * limits.maxText() + " characters, counting repeats");
    }
  }

  private static boolean over(long[] weight, Limits limits) {
    return weight[0] > 10L * limits.maxItems() || weight[1] > 16L * limits.maxText();
  }

  /** A bound was hit; the message names it. */
  static final class Exceeded extends RuntimeException {
    Exceeded(String message) {
      super(message, null, false, false);
    }
  }

  /** Text whose every read checks the clock: java.util.regex reads through charAt. */
  static CharSequence watched(CharSequence s) {
    return new Watched(s);
  }

  private record Watched(CharSequence inner) implements CharSequence {
    @Override
    public int length() {
      return inner.length();
    }

    @Override
    public char charAt(int index) {
      check();
      return inner.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Watched(inner.subSequence(start, end));
    }

    @Override
    public String toString() {
      return inner.toString();
    }
  }
}
