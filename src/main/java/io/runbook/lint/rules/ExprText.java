package io.runbook.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading expressions as text: the {@code {{ }}} templates of a string, names, literals. */
final class ExprText {
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern NAME = Pattern.compile("(?<![\\w$])[A-Za-z_]\\w*");

  private ExprText() {}

  /** The expressions inside {@code {{ }}} in {@code text}. */
  static List<String> templates(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TEMPLATE.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The expression with its string literals emptied, so that their text is not read as code. */
  static String unquoted(String expr) {
    return STRING.matcher(expr).replaceAll("''");
  }

  /** Every name an expression uses: variables, and properties after a dot ({@code vault.token}). */
  static List<String> names(String expr) {
    List<String> out = new ArrayList<>();
    Matcher m = NAME.matcher(unquoted(expr));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
