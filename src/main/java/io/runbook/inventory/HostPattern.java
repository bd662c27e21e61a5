package io.runbook.inventory;

import io.runbook.source.InvalidInputException;
import io.runbook.source.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Ansible host patterns: names, groups, {@code all}/{@code *}, unions {@code a:b} and
 * {@code a,b}, intersections {@code a:&b}, exclusions {@code a:!b}, wildcards, {@code ~regex},
 * and subscripts {@code group[0]}, {@code group[1:3]} (inclusive), {@code group[-1]}.
 * Unions come first, then intersections, then exclusions, whatever the order written.
 */
final class HostPattern {
  private static final Pattern SUBSCRIPT = Pattern.compile("^(.+)\\[(-?\\d+)(?::(-?\\d*))?\\]$");

  private HostPattern() {}

  static Set<String> select(Inventory inv, String pattern) {
    List<String> terms = terms(pattern);
    Set<String> result = new LinkedHashSet<>();
    for (String t : terms) {
      if (!t.startsWith("&") && !t.startsWith("!")) {
        result.addAll(match(inv, t));
      }
    }
    for (String t : terms) {
      if (t.startsWith("&")) {
        result.retainAll(match(inv, t.substring(1)));
      }
    }
    for (String t : terms) {
      if (t.startsWith("!")) {
        result.removeAll(match(inv, t.substring(1)));
      }
    }
    return result;
  }

  private static List<String> terms(String pattern) {
    List<String> out = new ArrayList<>();
    // ':' separates terms except inside a subscript ([1:3]) or a regex (~...)
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    for (char c : pattern.strip().toCharArray()) {
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      }
      boolean regex = cur.length() > 0 && (cur.charAt(0) == '~'
          || cur.length() > 1 && (cur.charAt(0) == '!' || cur.charAt(0) == '&') && cur.charAt(1) == '~');
      if ((c == ':' || c == ',') && depth == 0 && !regex) {
        add(out, cur, pattern);
      } else {
        cur.append(c);
      }
    }
    add(out, cur, pattern);
    return out;
  }

  private static void add(List<String> out, StringBuilder cur, String pattern) {
    String t = cur.toString().strip();
    cur.setLength(0);
    if (t.isEmpty() || t.equals("&") || t.equals("!")) {
      if (!t.isEmpty()) {
        throw bad(pattern, "'" + t + "' needs a name after it");
      }
      return;
    }
    out.add(t);
  }

  private static Set<String> match(Inventory inv, String term) {
    Matcher sub = SUBSCRIPT.matcher(term);
    if (sub.matches() && !term.startsWith("~")) {
      List<String> base = new ArrayList<>(match(inv, sub.group(1)));
      return subscript(base, sub.group(2), sub.group(3));
    }
    Set<String> out = new LinkedHashSet<>();
    if (term.equals("all") || term.equals("*")) {
      out.addAll(inv.groupHosts("all"));
      return out;
    }
    if (term.startsWith("~")) {
      Pattern re;
      try {
        re = Pattern.compile(term.substring(1));
      } catch (PatternSyntaxException e) {
        throw bad(term, "bad regular expression: " + e.getDescription());
      }
      matchNames(inv, name -> re.matcher(name).find(), out);
      return out;
    }
    if (term.contains("*") || term.contains("?")) {
      Pattern glob = Pattern.compile(globToRegex(term));
      matchNames(inv, name -> glob.matcher(name).matches(), out);
      return out;
    }
    if (inv.groupHosts(term) != null) {
      out.addAll(inv.groupHosts(term));
    } else if (inv.hosts().contains(term) || inv.isImplicitLocalhost(term)) {
      out.add(term);
    }
    return out;
  }

  private static void matchNames(Inventory inv, java.util.function.Predicate<String> test, Set<String> out) {
    for (String group : inv.groups().keySet()) {
      if (test.test(group)) {
        out.addAll(inv.groupHosts(group));
      }
    }
    for (String host : inv.hosts()) {
      if (test.test(host)) {
        out.add(host);
      }
    }
  }

  private static Set<String> subscript(List<String> hosts, String from, String to) {
    Set<String> out = new LinkedHashSet<>();
    int n = hosts.size();
    int a = Integer.parseInt(from);
    a = a < 0 ? n + a : a;
    int b = to == null ? a : to.isEmpty() ? n - 1 : Integer.parseInt(to);
    b = b < 0 ? n + b : b;
    for (int i = Math.max(0, a); i <= Math.min(n - 1, b); i++) {
      out.add(hosts.get(i));
    }
    return out;
  }

  private static String globToRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> sb.append(".*");
        case '?' -> sb.append('.');
        default -> sb.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return sb.toString();
  }

  private static InvalidInputException bad(String pattern, String why) {
    return new InvalidInputException(SourcePosition.none("host pattern '" + pattern + "'"), why);
  }
}
