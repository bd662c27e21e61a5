package io.runbook.inventory;

import io.runbook.source.SourcePosition;
import io.runbook.source.Suggestions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's INI inventory: {@code [group]}, {@code [group:children]}, {@code [group:vars]},
 * hosts with inline {@code k=v} variables, {@code host:port}, ranges, {@code #} and {@code ;}
 * comments. An existing tidb-ansible inventory.ini loads unchanged.
 */
final class IniInventoryParser {
  private enum Section { HOSTS, CHILDREN, VARS }

  private final InventoryBuilder out;
  private final String file;
  /** Groups a [g] or [g:children] header defines: only those may have [g:vars] or be a child. */
  private final Set<String> defined = new HashSet<>(Set.of("all", "ungrouped"));
  /** The first [g:vars] header or children line naming each group not defined (yet). */
  private final Map<String, SourcePosition> named = new LinkedHashMap<>();

  IniInventoryParser(InventoryBuilder out, String file) {
    this.out = out;
    this.file = file;
  }

  void parse(String text) {
    String group = "ungrouped";
    Section section = Section.HOSTS;
    String[] lines = text.split("\r?\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String raw = lines[n];
      String line = raw.strip();
      SourcePosition at = new SourcePosition(file, n + 1, raw.length() - raw.stripLeading().length() + 1);
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        int close = line.indexOf(']');
        if (close < 0) {
          out.diagnostics.error(at, "section header '" + line + "' is not closed by ']'");
          continue;
        }
        String header = line.substring(1, close).strip();
        String[] parts = header.split(":", 2);
        group = parts[0];
        if (group.isEmpty() || !group.matches("[A-Za-z0-9_.-]+")) {
          out.diagnostics.error(at, "'" + group + "' is not a valid group name (letters, digits, _ . -)");
        }
        section = Section.HOSTS;
        if (parts.length == 2) {
          switch (parts[1]) {
            case "children" -> section = Section.CHILDREN;
            case "vars" -> section = Section.VARS;
            default -> out.diagnostics.error(at, "unknown section kind ':" + parts[1]
                + "' (use [" + group + "], [" + group + ":children] or [" + group + ":vars])");
          }
        }
        Group g = out.group(group, at);
        if (g.position == null) {
          g.position = at;
        }
        if (section == Section.VARS) {
          named.putIfAbsent(group, at);
        } else {
          defined.add(group);
        }
        continue;
      }
      switch (section) {
        case HOSTS -> host(group, line, at);
        case CHILDREN -> {
          String child = withoutComment(line);
          out.group(child, at);
          out.link(group, child);
          named.putIfAbsent(child, at);
        }
        case VARS -> variable(group, line, at);
      }
    }
    undefinedGroups();
  }

  /**
   * A group named by [g:vars] or under [parent:children] must be defined by its own [g] or
   * [g:children] section, anywhere in the file, as Ansible requires: otherwise it is most likely a
   * misspelt name, and the variables or children would silently reach no host.
   */
  private void undefinedGroups() {
    named.forEach((group, at) -> {
      if (!defined.contains(group)) {
        String hint = Suggestions.nearest(group, defined);
        out.diagnostics.error(at, "group '" + group + "' is defined nowhere in this inventory"
            + (hint == null ? "" : " (did you mean '" + hint + "'?)") + ": add a [" + group
            + "] section with its hosts, or a [" + group + ":children] section");
      }
    });
  }

  private void host(String group, String line, SourcePosition at) {
    List<String> words;
    try {
      words = Shlex.split(line);
    } catch (IllegalArgumentException e) {
      out.diagnostics.error(at, e.getMessage());
      return;
    }
    if (words.isEmpty()) {
      return;
    }
    String name = words.get(0);
    Map<String, Object> vars = new LinkedHashMap<>();
    int colon = name.lastIndexOf(':');
    if (colon > 0 && name.indexOf(':') == colon && name.substring(colon + 1).matches("\\d+")) {
      vars.put(PortCheck.KEY, Long.parseLong(name.substring(colon + 1)));
      PortCheck.check(vars.get(PortCheck.KEY), at.shift(colon + 1), out.diagnostics);
      name = name.substring(0, colon);
    }
    for (String w : words.subList(1, words.size())) {
      int eq = w.indexOf('=');
      if (eq <= 0) {
        out.diagnostics.error(at, "'" + w + "' after host " + name
            + " is not a variable: write key=value");
        continue;
      }
      vars.put(w.substring(0, eq), PythonLiteral.parse(w.substring(eq + 1)));
      if (w.substring(0, eq).equals(PortCheck.KEY)) {
        PortCheck.check(vars.get(PortCheck.KEY), at.shift(Math.max(0, line.indexOf(PortCheck.KEY + "="))),
            out.diagnostics);
      }
    }
    List<String> names;
    try {
      names = HostRanges.expand(name);
    } catch (IllegalArgumentException e) {
      out.diagnostics.error(at, e.getMessage());
      return;
    }
    for (String host : names) {
      out.addHost(group, host);
      out.host(host).putAll(vars);
    }
  }

  private void variable(String group, String line, SourcePosition at) {
    int eq = line.indexOf('=');
    if (eq <= 0) {
      out.diagnostics.error(at, "'" + line + "' in [" + group + ":vars] is not a variable: write key = value");
      return;
    }
    String key = line.substring(0, eq).strip();
    Object value = PythonLiteral.parse(withoutComment(line.substring(eq + 1)));
    out.group(group, at).vars.put(key, value);
    if (key.equals(PortCheck.KEY)) {
      PortCheck.check(value, at, out.diagnostics);
    }
  }

  /** A trailing " # comment" is not part of a value (Ansible splits it off the same way). */
  private static String withoutComment(String s) {
    int hash = s.indexOf(" #");
    return (hash >= 0 ? s.substring(0, hash) : s).strip();
  }

  /** Shell-like words, as Python's shlex with comments: quotes group, # starts a comment. */
  static final class Shlex {
    private Shlex() {}

    static List<String> split(String line) {
      List<String> words = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      boolean inWord = false;
      char quote = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
            cur.append(line.charAt(++i));
          } else {
            cur.append(c);
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
          inWord = true;
        } else if (c == '#' && !inWord) {
          break;
        } else if (Character.isWhitespace(c)) {
          if (inWord) {
            words.add(cur.toString());
            cur.setLength(0);
            inWord = false;
          }
        } else {
          cur.append(c);
          inWord = true;
        }
      }
      if (quote != 0) {
        throw new IllegalArgumentException("unterminated quote in '" + line + "'");
      }
      if (inWord) {
        words.add(cur.toString());
      }
      return words;
    }
  }
}
