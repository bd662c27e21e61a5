package io.runbook.expr;

/** One token of an expression, with its offset (0-based) in the expression's text. */
record Token(Kind kind, String text, Object value, int offset) {

  /** The closed set of token kinds of the expression language. */
  enum Kind {
    NAME, NUMBER, STRING,
    LPAREN, RPAREN, LBRACKET, RBRACKET, LBRACE, RBRACE,
    DOT, COMMA, COLON, PIPE, TILDE, QUESTION,
    PLUS, MINUS, STAR, SLASH, FLOOR_DIV, PERCENT, POWER,
    EQ, NE, LT, LE, GT, GE, ASSIGN,
    MATCH, NOT_MATCH, STARTS_WITH, ENDS_WITH,
    AND_AND, OR_OR, BANG, COALESCE, ELVIS,
    EOF
  }

  boolean is(Kind k) {
    return kind == k;
  }

  /** A name token that reads as this keyword ({@code and}, {@code is}, {@code if}...). */
  boolean isWord(String word) {
    return kind == Kind.NAME && text.equals(word);
  }
}
