package io.runbook.action;

import java.util.ArrayList;
import java.util.List;

/**
 * A TOML file edited in place: everything not touched stays byte for byte (comments, order,
 * spacing, quoting). It knows tables ({@code [a.b]}), arrays of tables ({@code [[a]]}), key/value
 * lines and values that span lines (multi-line strings and arrays), which is all that editing
 * a TiDB, Pump or Drainer config needs. Keys are addressed as {@code table.path.key}.
 */
final class TomlDocument {
  /** A table header or a key/value pair, with its place in the text. */
  record Entry(boolean header, boolean arrayTable, List<String> path, int start, int valueStart,
      int valueEnd, int lineEnd) {}

  private String text;
  private List<Entry> entries;

  TomlDocument(String text) {
    this.text = text;
    this.entries = new TomlScanner(text).scan();
  }

  String text() {
    return text;
  }

  /** The value text of {@code table.key}, or null. */
  String valueText(List<String> table, String key) {
    Entry e = find(table, key);
    return e == null ? null : text.substring(e.valueStart(), e.valueEnd());
  }

  /** Sets {@code key} in {@code table} to the TOML text {@code value}; true when it changed. */
  boolean set(List<String> table, String key, String value, Object wanted) {
    checkNotArrayTable(table);
    Entry e = find(table, key);
    if (e != null) {
      Object current = TomlValues.parse(text.substring(e.valueStart(), e.valueEnd()));
      if (TomlValues.same(current, wanted)) {
        return false;
      }
      replace(e.valueStart(), e.valueEnd(), value);
      return true;
    }
    String line = TomlValues.key(key) + " = " + value + "\n";
    int at = insertionPoint(table);
    if (at < 0) {
      String sep = text.isEmpty() || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
      replace(text.length(), text.length(), sep + "[" + String.join(".", table.stream()
          .map(TomlValues::key).toList()) + "]\n" + line);
    } else {
      replace(at, at, line);
    }
    return true;
  }

  /** Removes {@code key} from {@code table}; true when it was there. */
  boolean remove(List<String> table, String key) {
    checkNotArrayTable(table);
    Entry e = find(table, key);
    if (e == null) {
      return false;
    }
    int lineStart = text.lastIndexOf('\n', e.start() - 1) + 1;
    int end = e.lineEnd() < text.length() ? e.lineEnd() + 1 : e.lineEnd();
    replace(lineStart, end, "");
    return true;
  }

  private void replace(int from, int to, String with) {
    text = text.substring(0, from) + with + text.substring(to);
    entries = new TomlScanner(text).scan();
  }

  private Entry find(List<String> table, String key) {
    List<String> current = List.of();
    boolean inArrayTable = false;
    for (Entry e : entries) {
      if (e.header()) {
        current = e.path();
        inArrayTable = e.arrayTable();
        continue;
      }
      List<String> full = new ArrayList<>(current);
      full.addAll(e.path());
      List<String> wanted = new ArrayList<>(table);
      wanted.add(key);
      if (!inArrayTable && full.equals(wanted)) {
        return e;
      }
    }
    return null;
  }

  /** After the table's last key/value line (or its header); -1 when the table is not there. */
  private int insertionPoint(List<String> table) {
    int point = -1;
    boolean inTable = table.isEmpty();
    if (inTable) {
      point = 0;
    }
    for (Entry e : entries) {
      if (e.header()) {
        if (inTable && !table.isEmpty()) {
          break;
        }
        if (table.isEmpty()) {
          break;
        }
        inTable = !e.arrayTable() && e.path().equals(table);
        if (inTable) {
          point = lineAfter(e.lineEnd());
        }
        continue;
      }
      if (inTable) {
        point = lineAfter(e.lineEnd());
      }
    }
    return point;
  }

  private int lineAfter(int lineEnd) {
    return lineEnd < text.length() ? lineEnd + 1 : lineEnd;
  }

  private void checkNotArrayTable(List<String> table) {
    for (Entry e : entries) {
      if (e.header() && e.arrayTable() && e.path().equals(table)) {
        throw new ActionException("[[" + String.join(".", table) + "]] is an array of tables;"
            + " the toml action does not edit inside arrays of tables");
      }
    }
  }

  /** Splits {@code binlog.write-timeout} or {@code "a.b".c} into its parts. */
  static List<String> splitKey(String dotted) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (char c : dotted.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          cur.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '.') {
        parts.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString().strip());
    if (parts.stream().anyMatch(String::isEmpty)) {
      throw new ActionException("'" + dotted + "' is not a key path such as binlog.enable");
    }
    return parts;
  }
}
