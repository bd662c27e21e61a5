package io.runbook.lint.rules;

import io.runbook.lint.LintContext;
import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YList;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.List;

/** hosts: all (or *) reaches every host of whatever inventory is given, not the group meant. */
final class HostsAllRule extends PlayRule {
  HostsAllRule() {
    super("hosts-all", "a play targets all hosts (all or *): name the group it is for",
        Profile.PRODUCTION);
  }

  @Override
  void check(YMap play, LintFile file, LintContext context, Report report) {
    YNode hosts = play.get("hosts");
    List<YNode> patterns = hosts instanceof YList l ? l.items() : List.of(hosts);
    for (YNode p : patterns) {
      if (p instanceof YScalar s && (s.text().strip().equals("all") || s.text().strip().equals("*"))) {
        report.add(this, s, "hosts: " + s.text().strip() + " runs on every host of the inventory:"
            + " name the group the play is for (e.g. hosts: pump_servers)");
      }
    }
  }
}
