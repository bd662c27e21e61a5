package io.runbook.expr;

/**
 * The time bound of the evaluation running on this thread. Long-running work inside an
 * expression (regular expressions, ranges) checks it, so a pathological regex ends with an error
 * instead of hanging the run; no thread is spawned per evaluation.
 */
final class Deadline {
  private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();

  private Deadline() {}

  /**
   * Starts the bound unless one runs already (an expression that reads a variable whose value
   * is a template evaluates inside the outer evaluation). True when this call owns the bound.
   */
  static boolean start(long nanos) {
    if (CURRENT.get() != null) {
      return false;
    }
    CURRENT.set(new long[] {System.nanoTime() + nanos, nanos});
    return true;
  }

  static void end(boolean owner) {
    if (owner) {
      CURRENT.remove();
    }
  }

  static void check() {
    long[] d = CURRENT.get();
    if (d != null && System.nanoTime() > d[0]) {
      throw new TimeBoundExceeded(d[1]);
    }
  }

  /** Thrown from inside an evaluation; turned into an {@link ExpressionException} outside. */
  static final class TimeBoundExceeded extends RuntimeException {
    final long nanos;

    TimeBoundExceeded(long nanos) {
      super("time bound", null, false, false);
      this.nanos = nanos;
    }
  }

  /** Text whose every read checks the deadline: java.util.regex reads through charAt. */
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
