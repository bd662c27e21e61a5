package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YScalar;
import java.util.Set;

/**
 * YAML 1.1 reads unquoted {@code yes}, {@code no}, {@code on}, {@code off} (and {@code y},
 * {@code n} in some parsers) as booleans, YAML 1.2 as strings: write {@code true}/{@code false},
 * or quote the word.
 */
final class YamlTruthyRule extends NamedRule {
  private static final Set<String> PLAIN = Set.of("true", "false", "True", "False", "TRUE", "FALSE");

  YamlTruthyRule() {
    super("yaml-truthy", "yes/no/on/off as booleans: write true or false, or quote the word",
        Profile.BASIC);
  }

  @Override
  public void check(LintFile file, LintContext context, Report report) {
    Nodes.walk(file.root(), n -> {
      if (n instanceof YScalar s && !s.quoted() && s.value() instanceof Boolean b && !PLAIN.contains(s.text())) {
        report.add(this, s, "'" + s.text() + "' is a YAML 1.1 boolean (" + b + "): write " + b
            + ", or quote it if you mean the word");
      }
    });
  }
}
