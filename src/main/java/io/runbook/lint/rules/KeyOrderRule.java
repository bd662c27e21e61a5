package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YMap;

/**
 * A task reads best name first: it says what the task is for before how. A block's name comes
 * before its {@code block}, or it is lost below the tasks it names.
 */
final class KeyOrderRule extends TaskTreeRule {
  KeyOrderRule() {
    super("key-order", "a task whose name is not its first key (a block's: not before block)",
        Profile.PRODUCTION);
  }

  @Override
  void check(LintFile file, Report report) {
    TaskWalk.tasksAndBlocks(file, site -> {
      YMap task = site.task();
      int name = indexOf(task, "name");
      if (name < 0) {
        return;
      }
      YMap.Entry entry = task.entries().get(name);
      if (site.isBlock() && name > indexOf(task, "block")) {
        report.add(this, entry.key(), "put the block's name before block:, where it can be seen");
      } else if (!site.isBlock() && name > 0) {
        report.add(this, entry.key(), "put name first in the task, before '"
            + task.entries().get(0).name() + "'");
      }
    });
  }

  private static int indexOf(YMap map, String key) {
    for (int i = 0; i < map.entries().size(); i++) {
      if (map.entries().get(i).name().equals(key)) {
        return i;
      }
    }
    return -1;
  }
}
