package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YScalar;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2 filters, tests and blocks copied from Ansible. In JEXL {@code x | default('a')} is a
 * bitwise OR with a call, so it quietly computes nonsense; runbook has functions instead.
 */
final class JinjaFilterRule extends TaskTreeRule {
  private static final Pattern FILTER = Pattern.compile("(?<!\\|)\\|(?!\\|)\\s*([A-Za-z_]\\w*)");
  private static final Pattern TEST = Pattern.compile("\\bis\\s+(not\\s+)?([A-Za-z_]\\w*)");
  private static final Pattern BLOCK = Pattern.compile("\\{%.*?%}", Pattern.DOTALL);

  JinjaFilterRule() {
    super("jinja-filter", "a Jinja2 filter, test or {% %} block: runbook's JEXL has functions",
        Profile.MIN);
  }

  @Override
  void check(LintFile file, Report report) {
    Set<YScalar> guards = Collections.newSetFromMap(new IdentityHashMap<>());
    TaskWalk.tasksAndBlocks(file, site -> guards.addAll(Guards.of(site)));
    Nodes.walk(file.root(), node -> {
      if (!(node instanceof YScalar s) || !s.isString()) {
        return;
      }
      if (guards.contains(s)) {
        checkExpression(s, s.text(), report);
      } else {
        ExprText.templates(s.text()).forEach(t -> checkExpression(s, t, report));
      }
      if (BLOCK.matcher(s.text()).find()) {
        report.add(this, s, "{% %} is Jinja2: runbook templates have only {{ expr }}; use a"
            + " conditional (a ? b : c) or a loop on the task");
      }
    });
  }

  private void checkExpression(YScalar at, String expr, Report report) {
    String code = ExprText.unquoted(expr);
    Matcher f = FILTER.matcher(code);
    while (f.find()) {
      report.add(this, at, "'| " + f.group(1) + "' is a Jinja2 filter, but in runbook '|' is"
          + " bitwise OR: " + JinjaNames.filter(f.group(1)));
    }
    Matcher t = TEST.matcher(code);
    while (t.find()) {
      report.add(this, at, "'is " + (t.group(1) == null ? "" : "not ") + t.group(2)
          + "' is a Jinja2 test: " + JinjaNames.test(t.group(2), t.group(1) != null));
    }
  }
}
