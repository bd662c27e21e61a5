package io.runbook.expr;

import io.runbook.expr.Expr.Op;
import io.runbook.expr.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser of Jinja2's expression grammar, one method per precedence level
 * from the loosest: conditional ({@code a if c else b}, runbook's {@code c ? a : b}), {@code ??},
 * {@code or}, {@code and}, {@code not}, comparisons (chained as Python's), {@code + -}, {@code ~},
 * {@code * / // %}, {@code **}, unary minus, then postfix access with filters and tests (which
 * bind tighter than any operator, as in Jinja2: {@code 1 + x | int} is {@code 1 + (x | int)}).
 *
 * <p>Nesting is bounded, so hostile input ends in a syntax error, never a stack overflow.
 */
final class Parser {
  static final int MAX_DEPTH = 64;
  private static final Set<String> CONSTANTS = Set.of("true", "false", "none", "True", "False", "None");
  /** Words that end an argument-less test ({@code x is defined and y}). */
  private static final Set<String> STOP_WORDS = Set.of("and", "or", "else", "if", "is", "in", "not");

  private final List<Token> tokens;
  private int pos;
  private int depth;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Parses a whole expression; throws {@link ExpressionError} with the offset of the mistake. */
  static Expr parse(String source, boolean template) {
    Parser p = new Parser(Lexer.tokens(source, template));
    Expr e = p.expression();
    Token t = p.peek();
    if (!t.is(Kind.EOF)) {
      throw new ExpressionError(t.offset(), p.unexpected(t));
    }
    return e;
  }

  private String unexpected(Token t) {
    if (t.is(Kind.ASSIGN)) {
      return "'=' is not a comparison (write '==')";
    }
    if (t.is(Kind.RBRACE) || t.is(Kind.RPAREN) || t.is(Kind.RBRACKET)) {
      return "unbalanced '" + t.text() + "'";
    }
    if (t.is(Kind.EOF)) {
      return "syntax error: the expression ends too early";
    }
    return "syntax error near '" + t.text() + "'";
  }

  private Expr expression() {
    enter();
    try {
      return conditional();
    } finally {
      depth--;
    }
  }

  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new ExpressionError(peek().offset(), "expression nested more than " + MAX_DEPTH + " levels deep");
    }
  }

  private Expr conditional() {
    Expr e = coalesce();
    while (true) {
      Token t = peek();
      if (t.isWord("if")) {
        pos++;
        Expr test = coalesce();
        Expr otherwise = null;
        if (peek().isWord("else")) {
          pos++;
          otherwise = expression();
        }
        e = new Expr.Conditional(test, e, otherwise, t.offset());
      } else if (t.is(Kind.QUESTION)) {
        pos++;
        Expr then = expression();
        expect(Kind.COLON, "':' of 'condition ? a : b'");
        Expr otherwise = expression();
        return new Expr.Conditional(e, then, otherwise, t.offset());
      } else {
        return e;
      }
    }
  }

  private Expr coalesce() {
    Expr e = or();
    while (peek().is(Kind.COALESCE)) {
      Token t = next();
      e = new Expr.Coalesce(e, or(), t.offset());
    }
    return e;
  }

  private Expr or() {
    Expr e = and();
    while (peek().isWord("or") || peek().is(Kind.OR_OR) || peek().is(Kind.ELVIS)) {
      Token t = next();
      e = new Expr.Logical(false, e, and(), t.offset());
    }
    return e;
  }

  private Expr and() {
    Expr e = not();
    while (peek().isWord("and") || peek().is(Kind.AND_AND)) {
      Token t = next();
      e = new Expr.Logical(true, e, not(), t.offset());
    }
    return e;
  }

  private Expr not() {
    Token t = peek();
    if (t.isWord("not") || t.is(Kind.BANG)) {
      pos++;
      enter();
      try {
        return new Expr.Unary(Op.NOT, not(), t.offset());
      } finally {
        depth--;
      }
    }
    return comparison();
  }

  private Expr comparison() {
    Expr left = sum();
    Expr result = null;
    while (true) {
      Token t = peek();
      Op op = comparisonOp(t);
      if (op == null) {
        return result == null ? left : result;
      }
      pos += op == Op.NOT_IN ? 2 : 1;
      Expr right = sum();
      Expr one = new Expr.Binary(op, left, right, t.offset());
      // Python chains comparisons: a < b < c is (a < b) and (b < c).
      result = result == null ? one : new Expr.Logical(true, result, one, t.offset());
      left = right;
    }
  }

  private Op comparisonOp(Token t) {
    return switch (t.kind()) {
      case EQ -> Op.EQ;
      case NE -> Op.NE;
      case LT -> Op.LT;
      case LE -> Op.LE;
      case GT -> Op.GT;
      case GE -> Op.GE;
      case MATCH -> Op.MATCH;
      case NOT_MATCH -> Op.NOT_MATCH;
      case STARTS_WITH -> Op.STARTS_WITH;
      case ENDS_WITH -> Op.ENDS_WITH;
      case NAME -> t.text().equals("in") ? Op.IN
          : t.text().equals("not") && peekAt(1).isWord("in") ? Op.NOT_IN : null;
      default -> null;
    };
  }

  private Expr sum() {
    Expr e = concat();
    while (peek().is(Kind.PLUS) || peek().is(Kind.MINUS)) {
      Token t = next();
      e = new Expr.Binary(t.is(Kind.PLUS) ? Op.ADD : Op.SUB, e, concat(), t.offset());
    }
    return e;
  }

  private Expr concat() {
    Expr e = product();
    while (peek().is(Kind.TILDE)) {
      Token t = next();
      e = new Expr.Binary(Op.CONCAT, e, product(), t.offset());
    }
    return e;
  }

  private Expr product() {
    Expr e = power();
    while (true) {
      Token t = peek();
      Op op = switch (t.kind()) {
        case STAR -> Op.MUL;
        case SLASH -> Op.DIV;
        case FLOOR_DIV -> Op.FLOOR_DIV;
        case PERCENT -> Op.MOD;
        default -> null;
      };
      if (op == null) {
        return e;
      }
      pos++;
      e = new Expr.Binary(op, e, power(), t.offset());
    }
  }

  private Expr power() {
    Expr e = unary(true);
    while (peek().is(Kind.POWER)) {
      Token t = next();
      e = new Expr.Binary(Op.POW, e, unary(true), t.offset());
    }
    return e;
  }

  /** Jinja2's unary: {@code -x | f} is {@code (-x) | f}, and {@code -2 ** 2} is 4. */
  private Expr unary(boolean withFilters) {
    Token t = peek();
    Expr e;
    if (t.is(Kind.MINUS) || t.is(Kind.PLUS)) {
      pos++;
      enter();
      try {
        e = new Expr.Unary(t.is(Kind.MINUS) ? Op.NEG : Op.POS, unary(false), t.offset());
      } finally {
        depth--;
      }
    } else {
      e = postfix(primary());
    }
    return withFilters ? filtersAndTests(e) : e;
  }

  private Expr filtersAndTests(Expr e) {
    while (true) {
      Token t = peek();
      if (t.is(Kind.PIPE)) {
        pos++;
        Token name = expectName("a filter name after '|'");
        List<Expr> args = new ArrayList<>();
        Map<String, Expr> kwargs = new LinkedHashMap<>();
        if (peek().is(Kind.LPAREN)) {
          arguments(args, kwargs);
        }
        e = postfix(new Expr.Filter(e, name.text(), args, kwargs, name.offset()));
      } else if (t.isWord("is")) {
        pos++;
        boolean negated = false;
        if (peek().isWord("not")) {
          pos++;
          negated = true;
        }
        Token name = expectName("a test name after 'is'");
        List<Expr> args = new ArrayList<>();
        Map<String, Expr> kwargs = new LinkedHashMap<>();
        if (peek().is(Kind.LPAREN)) {
          arguments(args, kwargs);
        } else if (startsTestArgument(peek())) {
          args.add(postfix(primary()));
        }
        e = new Expr.Test(e, name.text(), negated, args, kwargs, name.offset());
      } else {
        return e;
      }
    }
  }

  /** Jinja2 allows one argument without parentheses: {@code x is divisibleby 3}. */
  private boolean startsTestArgument(Token t) {
    return switch (t.kind()) {
      case NUMBER, STRING, LBRACKET, LBRACE -> true;
      case NAME -> !STOP_WORDS.contains(t.text());
      default -> false;
    };
  }

  private Expr postfix(Expr e) {
    while (true) {
      Token t = peek();
      if (t.is(Kind.DOT)) {
        pos++;
        Token name = peek();
        if (name.is(Kind.NUMBER) && name.value() instanceof Long) {
          pos++; // Jinja2: items.0 is items[0]
          e = new Expr.Index(e, new Expr.Literal(name.value(), name.offset()), name.offset());
          continue;
        }
        name = expectName("a name after '.'");
        if (peek().is(Kind.LPAREN)) {
          List<Expr> args = new ArrayList<>();
          Map<String, Expr> kwargs = new LinkedHashMap<>();
          arguments(args, kwargs);
          if (!kwargs.isEmpty()) {
            throw new ExpressionError(name.offset(), "method '" + name.text() + "' takes no named arguments");
          }
          e = new Expr.MethodCall(e, name.text(), args, name.offset());
        } else {
          e = new Expr.Attr(e, name.text(), name.offset());
        }
      } else if (t.is(Kind.LBRACKET)) {
        pos++;
        e = subscript(e, t);
      } else if (t.is(Kind.LPAREN)) {
        throw new ExpressionError(t.offset(), "only functions and methods can be called");
      } else {
        return e;
      }
    }
  }

  private Expr subscript(Expr target, Token open) {
    enter();
    try {
      Expr[] parts = new Expr[3];
      int part = 0;
      boolean slice = false;
      while (!peek().is(Kind.RBRACKET)) {
        if (peek().is(Kind.COLON)) {
          pos++;
          slice = true;
          if (++part > 2) {
            throw new ExpressionError(peek().offset(), "a slice has at most two ':'");
          }
          continue;
        }
        if (parts[part] != null) {
          throw new ExpressionError(peek().offset(), unexpected(peek()));
        }
        parts[part] = expression();
      }
      pos++;
      if (!slice) {
        if (parts[0] == null) {
          throw new ExpressionError(open.offset(), "empty index '[]'");
        }
        return new Expr.Index(target, parts[0], open.offset());
      }
      return new Expr.Slice(target, parts[0], parts[1], parts[2], open.offset());
    } finally {
      depth--;
    }
  }

  private Expr primary() {
    Token t = next();
    switch (t.kind()) {
      case NUMBER, STRING:
        if (t.is(Kind.STRING) && peek().is(Kind.STRING)) {
          // Adjacent literals join, as in Python and Jinja2.
          StringBuilder sb = new StringBuilder((String) t.value());
          while (peek().is(Kind.STRING)) {
            sb.append((String) next().value());
          }
          return new Expr.Literal(sb.toString(), t.offset());
        }
        return new Expr.Literal(t.value(), t.offset());
      case NAME:
        return name(t);
      case LPAREN:
        return parenthesized(t);
      case LBRACKET:
        return list(t);
      case LBRACE:
        return dict(t);
      default:
        throw new ExpressionError(t.offset(), unexpected(t));
    }
  }

  private Expr name(Token t) {
    String word = t.text();
    if (CONSTANTS.contains(word)) {
      return new Expr.Literal(switch (word) {
        case "true", "True" -> Boolean.TRUE;
        case "false", "False" -> Boolean.FALSE;
        default -> null;
      }, t.offset());
    }
    if (STOP_WORDS.contains(word)) {
      throw new ExpressionError(t.offset(), "'" + word + "' cannot start an expression");
    }
    if (word.equals("version") && peek().is(Kind.COLON) && peekAt(1).is(Kind.NAME)
        && peekAt(2).is(Kind.LPAREN) && peek().offset() == t.offset() + word.length()) {
      pos++; // a namespaced function: version:ge(a, b)
      word = word + ":" + next().text();
    }
    if (peek().is(Kind.LPAREN)) {
      List<Expr> args = new ArrayList<>();
      Map<String, Expr> kwargs = new LinkedHashMap<>();
      arguments(args, kwargs);
      return new Expr.Call(word, args, kwargs, t.offset());
    }
    return new Expr.Name(word, t.offset());
  }

  private Expr parenthesized(Token open) {
    enter();
    try {
      if (peek().is(Kind.RPAREN)) {
        pos++;
        return new Expr.ListOf(List.of(), open.offset());
      }
      Expr first = expression();
      if (peek().is(Kind.RPAREN)) {
        pos++;
        return first;
      }
      List<Expr> items = new ArrayList<>(List.of(first));
      while (peek().is(Kind.COMMA)) {
        pos++;
        if (peek().is(Kind.RPAREN)) {
          break;
        }
        items.add(expression());
      }
      expect(Kind.RPAREN, "')'");
      return new Expr.ListOf(items, open.offset()); // a tuple
    } finally {
      depth--;
    }
  }

  private Expr list(Token open) {
    enter();
    try {
      List<Expr> items = new ArrayList<>();
      while (!peek().is(Kind.RBRACKET)) {
        items.add(expression());
        if (!peek().is(Kind.COMMA)) {
          break;
        }
        pos++;
      }
      expect(Kind.RBRACKET, "']' or ','");
      return new Expr.ListOf(items, open.offset());
    } finally {
      depth--;
    }
  }

  private Expr dict(Token open) {
    enter();
    try {
      List<Expr> keys = new ArrayList<>();
      List<Expr> values = new ArrayList<>();
      while (!peek().is(Kind.RBRACE)) {
        keys.add(expression());
        expect(Kind.COLON, "':' after a mapping key");
        values.add(expression());
        if (!peek().is(Kind.COMMA)) {
          break;
        }
        pos++;
      }
      expect(Kind.RBRACE, "'}' or ','");
      return new Expr.DictOf(keys, values, open.offset());
    } finally {
      depth--;
    }
  }

  /** {@code (a, b, name=c)}: positional arguments first, then named ones. */
  private void arguments(List<Expr> args, Map<String, Expr> kwargs) {
    enter();
    try {
      expect(Kind.LPAREN, "'('");
      while (!peek().is(Kind.RPAREN)) {
        if (peek().is(Kind.NAME) && peekAt(1).is(Kind.ASSIGN)) {
          Token key = next();
          pos++;
          if (kwargs.put(key.text(), expression()) != null) {
            throw new ExpressionError(key.offset(), "argument '" + key.text() + "' given twice");
          }
        } else {
          if (!kwargs.isEmpty()) {
            throw new ExpressionError(peek().offset(), "a positional argument after a named one");
          }
          args.add(expression());
        }
        if (!peek().is(Kind.COMMA)) {
          break;
        }
        pos++;
      }
      expect(Kind.RPAREN, "')' or ','");
    } finally {
      depth--;
    }
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token peekAt(int ahead) {
    return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (!t.is(Kind.EOF)) {
      pos++;
    }
    return t;
  }

  private void expect(Kind kind, String what) {
    Token t = peek();
    if (!t.is(kind)) {
      throw new ExpressionError(t.offset(), "expected " + what + (t.is(Kind.EOF) ? " before the end"
          : " near '" + t.text() + "'"));
    }
    pos++;
  }

  private Token expectName(String what) {
    Token t = peek();
    if (!t.is(Kind.NAME)) {
      throw new ExpressionError(t.offset(), "expected " + what);
    }
    pos++;
    return t;
  }
}
