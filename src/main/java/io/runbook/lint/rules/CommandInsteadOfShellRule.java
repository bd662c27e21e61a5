package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YScalar;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code shell} runs {@code sh -c}; a script with no shell feature runs the same under
 * {@code command}, which starts the program directly and leaves nothing for the shell to
 * misread.
 */
final class CommandInsteadOfShellRule extends TaskTreeRule {
  private static final Pattern FEATURE = Pattern.compile("[|&;<>$`*?\\[~\\n(){}]|(?:^|\\s)#|^[A-Za-z_]\\w*=");
  private static final Set<String> BUILTINS = Set.of("cd", "export", "source", ".", "set", "unset",
      "alias", "eval", "exec", "trap", "ulimit", "umask", "read", "wait", "shopt", "declare", "local",
      "if", "for", "while", "until", "case", "function", "[[", "test", "pushd", "popd", "type");

  CommandInsteadOfShellRule() {
    super("command-instead-of-shell", "a shell task that uses no shell feature: use command",
        Profile.BASIC);
  }

  @Override
  void check(LintFile file, Report report) {
    TaskWalk.tasks(file, site -> {
      YScalar script = site.actionName().equals("shell") ? ShellScripts.script(site) : null;
      if (script == null || "raw".equals(String.valueOf(site.arg("interpolate")))) {
        return;
      }
      String text = ShellScripts.withoutTemplates(script.text());
      String first = text.split("\\s+", 2)[0];
      if (!text.isEmpty() && !FEATURE.matcher(text).find() && !BUILTINS.contains(first)) {
        report.add(this, site.action().key(), "this script uses no shell feature (pipes, redirects,"
            + " variables, globs, builtins): use command, which runs it without a shell");
      }
    });
  }
}
