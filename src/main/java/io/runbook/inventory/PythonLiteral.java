package io.runbook.inventory;

import io.runbook.source.InvalidInputException;
import io.runbook.yaml.YamlReader;

/**
 * What ansible-core's INI inventory does with a value (ast.literal_eval, falling back to the
 * text): {@code 8250} is a number, {@code True}/{@code False} booleans, {@code None} null,
 * {@code "x"} a string without its quotes, {@code [..]}/{@code {..}} collections; anything else
 * stays the string it is.
 */
final class PythonLiteral {
  private PythonLiteral() {}

  static Object parse(String text) {
    String v = text.strip();
    switch (v) {
      case "True":
        return Boolean.TRUE;
      case "False":
        return Boolean.FALSE;
      case "None":
        return null;
      default:
        break;
    }
    if (v.matches("[-+]?\\d+(_\\d+)*")) {
      try {
        return Long.parseLong(v.replace("_", ""));
      } catch (NumberFormatException e) {
        return v;
      }
    }
    if (v.matches("[-+]?0[xX][0-9a-fA-F]+")) {
      return Long.decode(v);
    }
    if (v.matches("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?")) {
      return Double.parseDouble(v);
    }
    if (v.length() >= 2 && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""))) {
      return unquote(v);
    }
    if (v.startsWith("[") && v.endsWith("]") || v.startsWith("{") && v.endsWith("}")) {
      try {
        return YamlReader.parse(v.replace("True", "true").replace("False", "false")
            .replace("None", "null"), "literal").toPlain();
      } catch (InvalidInputException e) {
        return v;
      }
    }
    return v;
  }

  private static String unquote(String v) {
    char q = v.charAt(0);
    String inner = v.substring(1, v.length() - 1);
    if (inner.indexOf(q) >= 0 && !inner.contains("\\" + q)) {
      return v; // 'a'b' is not one literal; Python would refuse it and keep the text
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length()) {
        char n = inner.charAt(++i);
        sb.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> n;
        });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
