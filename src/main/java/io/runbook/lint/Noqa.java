package io.runbook.lint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code # noqa: rule-id} at the end of a line silences that rule on that line (several ids
 * separated by commas or spaces); a bare {@code # noqa} silences every rule there.
 */
final class Noqa {
  private static final Pattern NOQA = Pattern.compile("#\\s*noqa(?::\\s*([a-z0-9][a-z0-9, -]*))?\\s*$");

  private Noqa() {}

  static boolean silences(LintFile file, Finding f) {
    Matcher m = NOQA.matcher(file.line(f.at().line()));
    if (!m.find()) {
      return false;
    }
    if (m.group(1) == null) {
      return true;
    }
    for (String id : m.group(1).split("[,\\s]+")) {
      if (id.equals(f.rule())) {
        return true;
      }
    }
    return false;
  }
}
