package io.runbook.expr;

import java.util.Set;

/**
 * Which names a playbook may define as variables ({@code vars}, {@code set_fact},
 * {@code register}, {@code loop_var}): Ansible's rule, a Python identifier that is not a Python
 * keyword. Reading is freer: any name that is not one of the expression language's own words is a
 * variable ({@code size}, {@code default}, {@code null}).
 */
public final class VariableNames {
  private static final Set<String> PYTHON_KEYWORDS = Set.of("False", "None", "True", "and", "as",
      "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
      "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
      "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");
  private static final Set<String> CONSTANTS = Set.of("true", "false", "none");

  private VariableNames() {}

  /** Why {@code name} cannot be defined as a variable, or null when it can. */
  public static String problem(String name) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return "'" + name + "' is not a valid variable name (letters, digits and _, not starting with a digit)";
    }
    if (PYTHON_KEYWORDS.contains(name)) {
      return "'" + name + "' is a Python keyword, which Ansible refuses as a variable name";
    }
    if (CONSTANTS.contains(name)) {
      return "'" + name + "' is a constant of the expression language, not a variable name";
    }
    return null;
  }
}
