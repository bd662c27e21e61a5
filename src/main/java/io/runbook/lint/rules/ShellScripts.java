package io.runbook.lint.rules;

import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.regex.Pattern;

/** Reading shell scripts of {@code shell} tasks, roughly: enough for lint, not a shell parser. */
final class ShellScripts {
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"");

  private ShellScripts() {}

  /** The script of a shell task, or null when it is not a plain string. */
  static YScalar script(TaskSite site) {
    YNode cmd = site.arg("cmd");
    return cmd instanceof YScalar s && s.isString() ? s : null;
  }

  /** The script with each {@code {{ }}} template replaced by a word: runbook quotes the values. */
  static String withoutTemplates(String script) {
    return TEMPLATE.matcher(script).replaceAll("x").strip();
  }

  /** Also without quoted strings: what is left is what the shell itself reads. */
  static String unquoted(String script) {
    return QUOTED.matcher(withoutTemplates(script)).replaceAll("x");
  }
}
