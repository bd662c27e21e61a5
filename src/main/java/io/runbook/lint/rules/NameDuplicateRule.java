package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;
import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;
import java.util.HashMap;
import java.util.Map;

/**
 * Two tasks of one play with the same name cannot be told apart in the output, the journal or
 * {@code --start-at-task}. Handlers are compared among themselves: notify names them.
 */
final class NameDuplicateRule extends TaskTreeRule {
  NameDuplicateRule() {
    super("name-duplicate", "two tasks of one play have the same name", Profile.BASIC);
  }

  @Override
  void check(LintFile file, Report report) {
    // Keyed by play (identity), handlers or not, and the name as written.
    Map<String, YScalar> first = new HashMap<>();
    Map<YMap, Integer> playIds = new java.util.IdentityHashMap<>();
    TaskWalk.tasks(file, site -> {
      YNode name = site.task().get("name");
      if (!(name instanceof YScalar s) || s.isNull()) {
        return;
      }
      int play = site.play() == null ? -1 : playIds.computeIfAbsent(site.play(), p -> playIds.size());
      String key = play + "/" + site.section().equals("handlers") + "/" + s.text();
      YScalar earlier = first.putIfAbsent(key, s);
      if (earlier != null) {
        report.add(this, s, "task name '" + s.text() + "' is already used at line "
            + earlier.position().line() + ": give each task its own name");
      }
    });
  }
}
