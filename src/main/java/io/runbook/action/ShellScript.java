package io.runbook.action;

import io.runbook.expr.Expressions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where each {@code {{ }}} of a {@code shell} script stands, as the shell reads it, so that its
 * value can become exactly one word with its text unchanged: bare, inside single or double
 * quotes, inside {@code $( )} (at any depth), in a here-document or a comment. Worked out from the
 * script's literal text when the playbook loads; places where no quoting can be made safe (inside
 * backticks, {@code ${...}} or {@code $((...))}) are refused then, with what to write instead.
 */
public final class ShellScript {
  /** The lexical places of the POSIX shell language that a value can land in. */
  public enum Place { WORD, SINGLE_QUOTED, DOUBLE_QUOTED, COMMENT, HEREDOC, QUOTED_HEREDOC }

  /** One {@code {{ }}}: its place, and the here-document's delimiter when it is in one. */
  public record Slot(Place place, String delimiter) {
    /** The value's text written so that the shell reads it back unchanged, as one word. */
    public String write(Object value) {
      String s = Expressions.stringify(value);
      if (s.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("the value holds a NUL byte, which no shell word can carry");
      }
      return switch (place) {
        case WORD -> io.runbook.transport.ShellQuoting.quote(s);
        case SINGLE_QUOTED -> s.replace("'", "'\\''");
        case DOUBLE_QUOTED -> s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`");
        case COMMENT -> {
          if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the value holds a line break, which would end the shell comment it is in");
          }
          yield s;
        }
        case HEREDOC, QUOTED_HEREDOC -> heredoc(s);
      };
    }

    private String heredoc(String s) {
      for (String line : s.split("\n", -1)) {
        if (line.replaceFirst("^\t+", "").equals(delimiter)) {
          throw new IllegalArgumentException("the value holds the line '" + delimiter
              + "', which would end the here-document it is in");
        }
      }
      return place == Place.QUOTED_HEREDOC ? s : s.replace("\\", "\\\\").replace("$", "\\$").replace("`", "\\`");
    }
  }

  /** A {@code {{ }}} in a place that cannot be quoted, or a script the shell could not read. */
  public static final class Refused extends RuntimeException {
    public final int slot;

    Refused(int slot, String message) {
      super(message, null, false, false);
      this.slot = slot;
    }
  }

  private ShellScript() {}

  /**
   * The place of each {@code {{ }}}, given the literal text around them (one more piece than
   * there are templates; see {@link Expressions#templateLiterals}).
   */
  public static List<Slot> slots(List<String> literals) {
    Scanner s = new Scanner();
    List<Slot> out = new ArrayList<>();
    for (int i = 0; i < literals.size(); i++) {
      s.scan(literals.get(i), i);
      if (i + 1 < literals.size()) {
        out.add(s.slot(i));
        s.previous = 'x'; // the value is part of a word
      }
    }
    s.end(literals.size() - 1);
    return out;
  }

  /** The shell's lexical state, character by character. */
  private static final class Scanner {
    private enum State { WORD, SINGLE, DOUBLE, COMMENT, HEREDOC, BACKTICK, PARAM, ARITH }

    private final Deque<State> stack = new ArrayDeque<>(List.of(State.WORD));
    /** Open parentheses of each nested command context, to know which ')' closes a $( ). */
    private final Deque<Integer> parens = new ArrayDeque<>(List.of(0));
    private final Deque<String[]> pendingHeredocs = new ArrayDeque<>();
    private String heredocDelimiter;
    private boolean heredocQuoted;
    private boolean heredocTabs;
    private final StringBuilder line = new StringBuilder();
    private char previous = '\n';

    private State state() {
      return stack.peek();
    }

    Slot slot(int index) {
      return switch (state()) {
        case WORD -> new Slot(Place.WORD, null);
        case SINGLE -> new Slot(Place.SINGLE_QUOTED, null);
        case DOUBLE -> new Slot(Place.DOUBLE_QUOTED, null);
        case COMMENT -> new Slot(Place.COMMENT, null);
        case HEREDOC -> new Slot(heredocQuoted ? Place.QUOTED_HEREDOC : Place.HEREDOC, heredocDelimiter);
        case BACKTICK -> throw new Refused(index, "a template inside backticks cannot be quoted safely:"
            + " write $( ) instead of ` `");
        case PARAM -> throw new Refused(index, "a template inside ${...} cannot be quoted safely: put the"
            + " value in an environment variable (environment: on the task) and expand that");
        case ARITH -> throw new Refused(index, "a template inside $((...)) cannot be quoted safely: compute"
            + " the number in the expression ({{ a + b }}) or pass it through an environment variable");
      };
    }

    void end(int index) {
      switch (state()) {
        case SINGLE -> throw new Refused(Math.max(0, index - 1), "the script ends inside a single-quoted string");
        case DOUBLE -> throw new Refused(Math.max(0, index - 1), "the script ends inside a double-quoted string");
        default -> { }
      }
    }

    void scan(String text, int index) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        i = step(text, i, c);
        previous = i < text.length() ? text.charAt(i) : previous;
      }
    }

    /** Reads the character at {@code i}; returns the index of the last character consumed. */
    private int step(String t, int i, char c) {
      switch (state()) {
        case SINGLE -> {
          if (c == '\'') {
            stack.pop();
          }
          return i;
        }
        case COMMENT -> {
          if (c == '\n') {
            stack.pop();
            return newline(i);
          }
          return i;
        }
        case HEREDOC -> {
          if (c == '\n') {
            String l = heredocTabs ? line.toString().replaceFirst("^\t+", "") : line.toString();
            line.setLength(0);
            if (l.equals(heredocDelimiter)) {
              stack.pop();
              return newline(i);
            }
          } else {
            line.append(c);
          }
          return i;
        }
        case DOUBLE -> {
          if (c == '\\') {
            return i + 1;
          }
          if (c == '"') {
            stack.pop();
            return i;
          }
          return dollarOrBacktick(t, i, c);
        }
        case PARAM -> {
          if (c == '}') {
            stack.pop();
          }
          return i;
        }
        case ARITH -> {
          if (c == ')' && i + 1 < t.length() && t.charAt(i + 1) == ')') {
            stack.pop();
            return i + 1;
          }
          return i;
        }
        default -> {
          return command(t, i, c);
        }
      }
    }

    /** A character in a command context (the script itself, or inside $( ) or backticks). */
    private int command(String t, int i, char c) {
      switch (c) {
        case '\\' -> {
          return i + 1;
        }
        case '\'' -> stack.push(State.SINGLE);
        case '"' -> stack.push(State.DOUBLE);
        case '#' -> {
          if (Character.isWhitespace(previous) || ";&|(".indexOf(previous) >= 0) {
            stack.push(State.COMMENT);
          }
        }
        case '(' -> parens.push(parens.pop() + 1);
        case ')' -> {
          int open = parens.pop();
          if (open > 0) {
            parens.push(open - 1);
          } else if (stack.size() > 1) {
            stack.pop(); // the end of a $( )
          } else {
            parens.push(0);
          }
        }
        case '\n' -> {
          return newline(i);
        }
        case '<' -> {
          if (i + 1 < t.length() && t.charAt(i + 1) == '<' && (i + 2 >= t.length() || t.charAt(i + 2) != '<')) {
            return heredocOperator(t, i);
          }
        }
        case '`' -> {
          if (state() == State.BACKTICK) {
            stack.pop();
            return i;
          }
          stack.push(State.BACKTICK);
        }
        default -> {
          return dollarOrBacktick(t, i, c);
        }
      }
      return i;
    }

    private int dollarOrBacktick(String t, int i, char c) {
      if (c == '`') {
        if (state() == State.BACKTICK) {
          stack.pop();
        } else {
          stack.push(State.BACKTICK);
        }
        return i;
      }
      if (c != '$' || i + 1 >= t.length()) {
        return i;
      }
      char n = t.charAt(i + 1);
      if (n == '{') {
        stack.push(State.PARAM);
        return i + 1;
      }
      if (n == '(' && i + 2 < t.length() && t.charAt(i + 2) == '(') {
        stack.push(State.ARITH);
        return i + 2;
      }
      if (n == '(') {
        stack.push(State.WORD);
        parens.push(0);
        return i + 1;
      }
      return i;
    }

    /** {@code <<WORD}, {@code <<-WORD}, {@code <<'WORD'}: the body starts at the next line. */
    private int heredocOperator(String t, int i) {
      int j = i + 2;
      boolean tabs = j < t.length() && t.charAt(j) == '-';
      if (tabs) {
        j++;
      }
      while (j < t.length() && (t.charAt(j) == ' ' || t.charAt(j) == '\t')) {
        j++;
      }
      StringBuilder word = new StringBuilder();
      boolean quoted = false;
      while (j < t.length() && !Character.isWhitespace(t.charAt(j)) && ";&|<>()".indexOf(t.charAt(j)) < 0) {
        char d = t.charAt(j);
        if (d == '\'' || d == '"' || d == '\\') {
          quoted = true;
        } else {
          word.append(d);
        }
        j++;
      }
      if (word.length() > 0) {
        pendingHeredocs.add(new String[] {word.toString(), quoted ? "q" : "", tabs ? "t" : ""});
      }
      return j - 1;
    }

    private int newline(int i) {
      if (!pendingHeredocs.isEmpty() && (state() == State.WORD)) {
        String[] h = pendingHeredocs.poll();
        heredocDelimiter = h[0];
        heredocQuoted = !h[1].isEmpty();
        heredocTabs = !h[2].isEmpty();
        line.setLength(0);
        stack.push(State.HEREDOC);
      }
      return i;
    }
  }
}
