package io.runbook.expr;

/**
 * What an expression reads when a variable, key or item is not there: Jinja2's undefined. It
 * flows through {@code .x} and {@code [k]} (so {@code a.b.c is defined} and
 * {@code a.b | default(1)} work when {@code a} is missing), and any other use of it is an error
 * that says what was missing: {@code 'pump_port' is undefined}.
 *
 * @param what the missing thing as written, e.g. {@code 'pumpport' is undefined}
 * @param soft the value of {@code a if c} when {@code c} is false: false in a guard and empty in
 *     text, as in Ansible, instead of an error
 * @param origin the offset of the missing name or key in the expression, or -1
 */
record Undefined(String what, boolean soft, int origin) {

  Undefined(String what) {
    this(what, false, -1);
  }

  Undefined(String what, boolean soft) {
    this(what, soft, -1);
  }

  /** The same, remembering the offset of the name or key that was missing. */
  Undefined at(int offset) {
    return origin >= 0 ? this : new Undefined(what, soft, offset);
  }

  /** The error of using it: at the missing name when known, else where it was used. */
  ExpressionError error(int usedAt) {
    return new ExpressionError(origin >= 0 ? origin : usedAt, what);
  }

  @Override
  public String toString() {
    return "Undefined";
  }
}
