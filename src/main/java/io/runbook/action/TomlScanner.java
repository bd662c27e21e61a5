package io.runbook.action;

import java.util.ArrayList;
import java.util.List;

/** Finds the headers and key/value pairs of a TOML text, with offsets, skipping comments. */
final class TomlScanner {
  private final String s;
  private int pos;

  TomlScanner(String text) {
    this.s = text;
  }

  List<TomlDocument.Entry> scan() {
    List<TomlDocument.Entry> out = new ArrayList<>();
    while (true) {
      skipBlank(true);
      if (pos >= s.length()) {
        return out;
      }
      int start = pos;
      if (s.charAt(pos) == '[') {
        boolean array = s.startsWith("[[", pos);
        pos += array ? 2 : 1;
        List<String> path = keyPath(']');
        expect(array ? "]]" : "]");
        out.add(new TomlDocument.Entry(true, array, path, start, pos, pos, endOfLine()));
        continue;
      }
      List<String> path = keyPath('=');
      expect("=");
      skipBlank(false);
      int valueStart = pos;
      value();
      int valueEnd = pos;
      out.add(new TomlDocument.Entry(false, false, path, start, valueStart, valueEnd, endOfLine()));
    }
  }

  private List<String> keyPath(char until) {
    List<String> parts = new ArrayList<>();
    while (true) {
      skipBlank(false);
      if (pos >= s.length()) {
        throw error("a key ends too early");
      }
      char c = s.charAt(pos);
      if (c == '"' || c == '\'') {
        int from = pos;
        string();
        parts.add(TomlValues.unquote(s.substring(from, pos)));
      } else {
        int from = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
            || s.charAt(pos) == '-')) {
          pos++;
        }
        if (from == pos) {
          throw error("expected a key");
        }
        parts.add(s.substring(from, pos));
      }
      skipBlank(false);
      if (pos < s.length() && s.charAt(pos) == '.') {
        pos++;
        continue;
      }
      if (pos < s.length() && s.charAt(pos) == until) {
        return parts;
      }
      throw error("expected '" + until + "'");
    }
  }

  private void value() {
    if (pos >= s.length()) {
      throw error("a value is missing");
    }
    char c = s.charAt(pos);
    if (c == '"' || c == '\'') {
      string();
    } else if (c == '[') {
      pos++;
      while (true) {
        skipBlank(true);
        if (pos < s.length() && s.charAt(pos) == ']') {
          pos++;
          return;
        }
        value();
        skipBlank(true);
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
        }
      }
    } else if (c == '{') {
      pos++;
      while (true) {
        skipBlank(false);
        if (pos < s.length() && s.charAt(pos) == '}') {
          pos++;
          return;
        }
        keyPath('=');
        expect("=");
        skipBlank(false);
        value();
        skipBlank(false);
        if (pos < s.length() && s.charAt(pos) == ',') {
          pos++;
        }
      }
    } else {
      while (pos < s.length() && "\n\r#,]}".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      while (pos > 0 && Character.isWhitespace(s.charAt(pos - 1)) && s.charAt(pos - 1) != '\n') {
        pos--;
      }
    }
  }

  private void string() {
    char q = s.charAt(pos);
    String triple = String.valueOf(q).repeat(3);
    if (s.startsWith(triple, pos)) {
      int end = s.indexOf(triple, pos + 3);
      while (end > 0 && q == '"' && s.charAt(end - 1) == '\\') {
        end = s.indexOf(triple, end + 1);
      }
      if (end < 0) {
        throw error("a multi-line string is not closed");
      }
      pos = end + 3;
      while (pos < s.length() && s.charAt(pos) == q) {
        pos++;
      }
      return;
    }
    pos++;
    while (pos < s.length() && s.charAt(pos) != q && s.charAt(pos) != '\n') {
      if (q == '"' && s.charAt(pos) == '\\') {
        pos++;
      }
      pos++;
    }
    if (pos >= s.length() || s.charAt(pos) != q) {
      throw error("a string is not closed");
    }
    pos++;
  }

  private void skipBlank(boolean newlines) {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (c == '#') {
        while (pos < s.length() && s.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == ' ' || c == '\t' || (newlines && (c == '\n' || c == '\r'))) {
        pos++;
      } else {
        return;
      }
    }
  }

  private void expect(String token) {
    if (!s.startsWith(token, pos)) {
      throw error("expected '" + token + "'");
    }
    pos += token.length();
  }

  private int endOfLine() {
    int nl = s.indexOf('\n', pos);
    pos = nl < 0 ? s.length() : nl;
    return pos;
  }

  private ActionException error(String what) {
    int line = 1;
    for (int i = 0; i < Math.min(pos, s.length()); i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
    return new ActionException("the TOML file cannot be read at line " + line + ": " + what);
  }
}
