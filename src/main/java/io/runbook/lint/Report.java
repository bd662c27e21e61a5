package io.runbook.lint;

import io.runbook.source.SourcePosition;
import io.runbook.yaml.YNode;
import java.util.ArrayList;
import java.util.List;

/** What the rules found in one file, in the order they found it. */
public final class Report {
  private final List<Finding> findings = new ArrayList<>();

  public void add(LintRule rule, SourcePosition at, String message) {
    findings.add(new Finding(rule.id(), at, message, rule.level()));
  }

  public void add(LintRule rule, YNode at, String message) {
    add(rule, at.position(), message);
  }

  List<Finding> findings() {
    return findings;
  }
}
