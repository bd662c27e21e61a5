package io.runbook.expr;

/**
 * The value of Ansible's {@code omit}: an action argument whose value is this
 * ({@code mode: "{{ file_mode | default(omit) }}"}) is left out, as if it had not been written.
 */
public final class Omit {
  public static final Omit VALUE = new Omit();

  private Omit() {}

  @Override
  public String toString() {
    return "omit";
  }
}
