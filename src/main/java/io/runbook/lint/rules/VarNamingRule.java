package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Variables a playbook defines (vars, set_fact, register) are lowercase snake_case, so that an
 * expression can name them, and do not hide a magic variable or a word of the expression
 * language.
 */
final class VarNamingRule extends TaskTreeRule {
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

  VarNamingRule() {
    super("var-naming", "a variable name that is not snake_case or hides a magic variable",
        Profile.BASIC);
  }

  @Override
  void check(LintFile file, Report report) {
    TaskWalk.plays(file).forEach(play -> keys(play.get("vars"), report));
    TaskWalk.tasksAndBlocks(file, site -> {
      keys(site.task().get("vars"), report);
      if (site.actionName().equals("set_fact") && site.action().value() instanceof YMap facts) {
        facts.entries().stream().filter(e -> !e.name().equals("cacheable")).forEach(e -> name(e.key(), report));
      }
      if (site.task().get("register") instanceof YScalar r && r.isString()) {
        name(r, report);
      }
    });
  }

  private void keys(YNode vars, Report report) {
    if (vars instanceof YMap m) {
      m.entries().forEach(e -> name(e.key(), report));
    }
  }

  private void name(YScalar name, Report report) {
    String n = name.text();
    if (!NAME.matcher(n).matches()) {
      report.add(this, name, "variable '" + n + "' should be lowercase letters, digits and _"
          + " (^[a-z_][a-z0-9_]*$)");
    } else if (io.runbook.model.MagicVariables.NAMES.contains(n) || n.equals("item") || n.equals("omit")) {
      report.add(this, name, "variable '" + n + "' hides the magic variable of that name: rename it");
    } else if (io.runbook.expr.VariableNames.problem(n) != null) {
      report.add(this, name, io.runbook.expr.VariableNames.problem(n) + ": rename it");
    }
  }
}
