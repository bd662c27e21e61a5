package io.runbook.transport;

import java.util.List;
import java.util.Map;

/** POSIX shell quoting: values interpolated into {@code shell} scripts, and argv sent over SSH. */
public final class ShellQuoting {
  private ShellQuoting() {}

  /**
   * The value as one shell word: plain words that need no quoting stay as they are (so
   * {@code ls {{ dir }}} reads naturally in logs); anything else is single-quoted, with single
   * quotes written as {@code '\''}. Lists become several words.
   */
  public static String quote(Object value) {
    if (value instanceof List<?> list) {
      StringBuilder sb = new StringBuilder();
      for (Object item : list) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(quote(item));
      }
      return sb.toString();
    }
    String s = value == null ? "" : value instanceof Map<?, ?> ? value.toString() : String.valueOf(value);
    if (!s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
