package io.runbook.inventory;

import io.runbook.source.SourcePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's INI inventory: {@code [group]}, {@code [group:children]}, {@code [group:vars]},
 * hosts with inline {@code k=v} variables, {@code host:port}, ranges, {@code #} and {@code ;}
 * comments. An existing tidb-ansible inventory.ini loads unchanged.
 */
final class IniInventoryParser {
  private enum Section { HOSTS, CHILDREN, VARS }

  private final InventoryBuilder out;
  private final String file;

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
        continue;
      }
      switch (section) {
        case HOSTS -> host(group, line, at);
        case CHILDREN -> {
          String child = withoutComment(line);
          out.group(child, at);
          out.link(group, child);
        }
        case VARS -> variable(group, line, at);
      }
    }
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
      vars.put("ansible_port", Long.parseLong(name.substring(colon + 1)));
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
    out.group(group, at).vars.put(key, PythonLiteral.parse(withoutComment(line.substring(eq + 1))));
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
