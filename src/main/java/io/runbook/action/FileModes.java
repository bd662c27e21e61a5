package io.runbook.action;

import io.runbook.yaml.YNode;
import io.runbook.yaml.YScalar;

/**
 * Reads {@code mode}: a quoted octal string ({@code "0644"} or {@code "644"}), or a YAML octal
 * number ({@code 0644} unquoted, which YAML 1.1 already reads as octal). An unquoted
 * {@code 644} is the number six hundred and forty-four, a classic mistake that would give
 * {@code --w----r--}: it is refused with the fix.
 */
final class FileModes {
  private FileModes() {}

  static Integer parse(ActionContext ctx, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      YNode raw = ctx.rawArg("mode");
      if (raw instanceof YScalar s && !s.quoted() && !s.text().startsWith("0")) {
        throw new ActionException("mode " + s.text() + " is a decimal number; write it quoted as '0"
            + s.text() + "' or as 0" + s.text());
      }
      return check(n.intValue(), String.valueOf(value));
    }
    String s = String.valueOf(value).strip();
    if (!s.matches("0?[0-7]{3,4}")) {
      throw new ActionException("mode '" + s + "' is not an octal mode such as '0644'");
    }
    return check(Integer.parseInt(s, 8), s);
  }

  private static int check(int mode, String text) {
    if (mode < 0 || mode > 07777) {
      throw new ActionException("mode " + text + " is not a file mode (0000 to 07777)");
    }
    return mode;
  }

  static String format(int mode) {
    return String.format("%04o", mode);
  }
}
