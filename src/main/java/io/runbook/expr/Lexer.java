package io.runbook.expr;

import io.runbook.expr.Token.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens: Jinja2's (names, numbers, Python string literals, operators
 * including {@code //} and {@code **}) plus runbook's spellings that do not clash with them
 * ({@code && || ! ?? ?: =~ !~ =^ =$}). There are no comments in the language: {@code //} is
 * floor division.
 */
final class Lexer {
  private final String src;
  private final boolean rawStrings;
  private int pos;

  private Lexer(String src, boolean rawStrings) {
    this.src = src;
    this.rawStrings = rawStrings;
  }

  /**
   * The tokens of an expression. With {@code rawStrings} (inside a {@code {{ }}} template) a
   * backslash in a string literal stands for itself, as Ansible doubles them before Jinja2 reads
   * a template: {@code '\d+'} is the regex {@code \d+} in both places, and {@code '\n'} is
   * a newline only in a bare guard.
   */
  static List<Token> tokens(String src, boolean rawStrings) {
    return new Lexer(src, rawStrings).all();
  }

  private List<Token> all() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= src.length()) {
        out.add(new Token(Kind.EOF, "", null, pos));
        return out;
      }
      out.add(next());
    }
  }

  private void skipSpace() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private Token next() {
    int start = pos;
    char c = src.charAt(pos);
    if (Character.isLetter(c) || c == '_') {
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      return new Token(Kind.NAME, src.substring(start, pos), null, start);
    }
    if (Character.isDigit(c)) {
      return number(start);
    }
    if (c == '\'' || c == '"') {
      return string(start, c);
    }
    String pair = src.length() >= pos + 2 ? src.substring(pos, pos + 2) : "";
    Kind two = switch (pair) {
      case "//" -> Kind.FLOOR_DIV;
      case "**" -> Kind.POWER;
      case "==" -> Kind.EQ;
      case "!=" -> Kind.NE;
      case "<=" -> Kind.LE;
      case ">=" -> Kind.GE;
      case "=~" -> Kind.MATCH;
      case "!~" -> Kind.NOT_MATCH;
      case "=^" -> Kind.STARTS_WITH;
      case "=$" -> Kind.ENDS_WITH;
      case "&&" -> Kind.AND_AND;
      case "||" -> Kind.OR_OR;
      case "??" -> Kind.COALESCE;
      case "?:" -> Kind.ELVIS;
      default -> null;
    };
    if (two != null) {
      pos += 2;
      return new Token(two, pair, null, start);
    }
    Kind one = switch (c) {
      case '(' -> Kind.LPAREN;
      case ')' -> Kind.RPAREN;
      case '[' -> Kind.LBRACKET;
      case ']' -> Kind.RBRACKET;
      case '{' -> Kind.LBRACE;
      case '}' -> Kind.RBRACE;
      case '.' -> Kind.DOT;
      case ',' -> Kind.COMMA;
      case ':' -> Kind.COLON;
      case '|' -> Kind.PIPE;
      case '~' -> Kind.TILDE;
      case '?' -> Kind.QUESTION;
      case '+' -> Kind.PLUS;
      case '-' -> Kind.MINUS;
      case '*' -> Kind.STAR;
      case '/' -> Kind.SLASH;
      case '%' -> Kind.PERCENT;
      case '<' -> Kind.LT;
      case '>' -> Kind.GT;
      case '=' -> Kind.ASSIGN;
      case '!' -> Kind.BANG;
      default -> null;
    };
    if (one == null) {
      String what = c == '&' ? "'&' is not an operator (write 'and' or '&&')"
          : c == '^' ? "'^' is not an operator (write '**' for a power)"
          : c == '#' ? "'#' starts nothing in an expression (there are no comments)"
          : "unexpected character '" + c + "'";
      throw new ExpressionError(start, what);
    }
    pos++;
    return new Token(one, String.valueOf(c), null, start);
  }

  private Token number(int start) {
    if (src.charAt(pos) == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
      int radix = switch (Character.toLowerCase(src.charAt(pos + 1))) {
        case 'x' -> 16;
        case 'o' -> 8;
        default -> 2;
      };
      pos += 2;
      int digits = pos;
      while (pos < src.length() && (Character.digit(src.charAt(pos), radix) >= 0 || src.charAt(pos) == '_')) {
        pos++;
      }
      if (pos == digits || pos - digits > 4300) {
        throw new ExpressionError(start, "'" + src.substring(start, pos) + "' is not a number");
      }
      return new Token(Kind.NUMBER, src.substring(start, pos),
          Values.integer(new BigInteger(src.substring(digits, pos).replace("_", ""), radix)), start);
    }
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    boolean real = false;
    if (pos < src.length() && src.charAt(pos) == '.' && pos + 1 < src.length()
        && Character.isDigit(src.charAt(pos + 1))) {
      real = true;
      pos++;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        real = true;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    String text = src.substring(start, pos);
    String digits = text.replace("_", "");
    if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
      throw new ExpressionError(start, "'" + text + src.charAt(pos) + "...' is not a number or a name");
    }
    if (real) {
      return new Token(Kind.NUMBER, text, Double.parseDouble(digits), start);
    }
    if (digits.length() > 4300) {
      throw new ExpressionError(start, "a number of more than 4300 digits");
    }
    return new Token(Kind.NUMBER, text, Values.integer(new BigInteger(digits)), start);
  }

  /** A Python string literal: backslash escapes as Python's (\n \t \\ \' \" \xNN \\uNNNN). */
  private Token string(int start, char quote) {
    StringBuilder out = new StringBuilder();
    pos++;
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == quote) {
        return new Token(Kind.STRING, src.substring(start, pos), out.toString(), start);
      }
      if (c != '\\' || pos >= src.length()) {
        out.append(c);
        continue;
      }
      char e = src.charAt(pos++);
      if (rawStrings) {
        out.append('\\').append(e);
        continue;
      }
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '0' -> out.append('\0');
        case '\\', '\'', '"' -> out.append(e);
        case 'x' -> out.append((char) hex(2, start));
        case 'u' -> out.append((char) hex(4, start));
        case '\n' -> { } // a line continuation
        default -> out.append('\\').append(e); // Python keeps unknown escapes as written
      }
    }
    throw new ExpressionError(start, "string literal is not closed (a " + quote + " is missing)");
  }

  private int hex(int digits, int start) {
    if (pos + digits > src.length()) {
      throw new ExpressionError(start, "truncated \\x or \\u escape in a string");
    }
    try {
      int v = Integer.parseInt(src.substring(pos, pos + digits), 16);
      pos += digits;
      return v;
    } catch (NumberFormatException e) {
      throw new ExpressionError(start, "bad \\x or \\u escape in a string");
    }
  }

}
