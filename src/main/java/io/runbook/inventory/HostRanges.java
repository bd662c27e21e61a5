package io.runbook.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's host ranges: {@code pump[01:03]} is pump01, pump02, pump03 (padding kept),
 * {@code db-[a:c]} is db-a, db-b, db-c, {@code n[0:10:2]} steps by two; several ranges multiply.
 * A range without a start starts at 0, as in Ansible; one without an end is refused (Ansible
 * refuses the whole file then, and goes on with no inventory at all).
 */
final class HostRanges {
  private static final Pattern RANGE = Pattern.compile("\\[([0-9a-zA-Z]*):([0-9a-zA-Z]*)(?::(\\d*))?\\]");

  private HostRanges() {}

  static List<String> expand(String pattern) {
    Matcher m = RANGE.matcher(pattern);
    if (!m.find()) {
      return List.of(pattern);
    }
    String head = pattern.substring(0, m.start());
    String tail = pattern.substring(m.end());
    String from = m.group(1).isEmpty() ? "0" : m.group(1);
    String to = m.group(2);
    if (to.isEmpty()) {
      throw new IllegalArgumentException("the range '" + m.group() + "' in '" + pattern + "' has no end: write"
          + " its last value too, as in pump[01:03]");
    }
    if (m.group(3) != null && m.group(3).isEmpty()) {
      throw new IllegalArgumentException("the range '" + m.group() + "' in '" + pattern + "' has an empty step:"
          + " write one (n[0:10:2]) or leave out its ':'");
    }
    int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
    if (step < 1) {
      throw new IllegalArgumentException("a range step must be at least 1 in '" + pattern + "'");
    }
    List<String> middles = new ArrayList<>();
    if (from.chars().allMatch(Character::isDigit) && to.chars().allMatch(Character::isDigit)) {
      int a = Integer.parseInt(from);
      int b = Integer.parseInt(to);
      if (b < a) {
        throw new IllegalArgumentException("range end is before its start in '" + pattern + "'");
      }
      int width = from.length() > 1 && from.startsWith("0") ? from.length() : 0;
      for (int i = a; i <= b; i += step) {
        middles.add(width > 0 ? String.format("%0" + width + "d", i) : String.valueOf(i));
      }
    } else if (from.length() == 1 && to.length() == 1 && Character.isLetter(from.charAt(0))
        && Character.isLetter(to.charAt(0))) {
      if (to.charAt(0) < from.charAt(0)) {
        throw new IllegalArgumentException("range end is before its start in '" + pattern + "'");
      }
      for (char c = from.charAt(0); c <= to.charAt(0); c += (char) step) {
        middles.add(String.valueOf(c));
      }
    } else {
      throw new IllegalArgumentException("'" + m.group() + "' is not a range of numbers or of single letters");
    }
    List<String> out = new ArrayList<>();
    for (String middle : middles) {
      for (String rest : expand(tail)) {
        out.add(head + middle + rest);
      }
    }
    return out;
  }
}
