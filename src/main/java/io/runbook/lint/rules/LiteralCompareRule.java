package io.runbook.lint.rules;

import io.runbook.lint.LintFile;
import io.runbook.lint.Profile;
import io.runbook.lint.Report;
import io.runbook.yaml.YScalar;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code x == true} says {@code x} the long way, and is false when {@code x} is the string
 * "true" or "yes" from an inventory: write {@code x}, {@code not x}, or {@code x | bool}.
 */
final class LiteralCompareRule extends TaskTreeRule {
  private static final String OP = "(==|!=|\\beq\\b|\\bne\\b)";
  private static final Pattern COMPARE = Pattern.compile(OP + "\\s*(true|false|True|False)\\b"
      + "|\\b(true|false|True|False)\\s*" + OP);

  LiteralCompareRule() {
    super("literal-compare", "a guard compares with a literal true or false", Profile.BASIC);
  }

  @Override
  void check(LintFile file, Report report) {
    TaskWalk.tasksAndBlocks(file, site -> {
      for (YScalar guard : Guards.of(site)) {
        Matcher m = COMPARE.matcher(ExprText.unquoted(guard.text()));
        if (m.find()) {
          report.add(this, guard, "'" + m.group().strip() + "' compares with a literal boolean: write"
              + " the value itself (x), its negation (not x), or x | bool for a string such as 'yes'");
        }
      }
    });
  }
}
