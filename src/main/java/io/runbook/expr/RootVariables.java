package io.runbook.expr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The variables an expression needs defined: the first segment of each variable path it reads,
 * leaving out the ones it tolerates missing. {@code default(x, y)} and {@code defined(x)} are
 * rewritten to {@code ??} (see {@link Rewrites}), so the root of every left operand of {@code ??}
 * is masked before JEXL lists the variables; what an index inside that operand reads
 * ({@code hostvars[h].x ?? h}: {@code h}) still counts.
 */
final class RootVariables {
  private static final String MASK = "__runbook_guarded__";

  private RootVariables() {}

  static Set<String> of(String expression) {
    String source = mask(Rewrites.apply(expression));
    Set<String> out = new LinkedHashSet<>();
    for (List<String> path : SandboxedEngine.variables(source)) {
      if (!path.isEmpty() && !path.get(0).equals(MASK)) {
        out.add(path.get(0));
      }
    }
    return out;
  }

  /** Replaces the leading name of each {@code ??} left operand, right to left so offsets hold. */
  static String mask(String s) {
    int[] open = matchingOpens(s);
    Deque<int[]> names = new ArrayDeque<>();
    for (int i = 0; i + 1 < s.length(); i++) {
      if (open[i] == -2) {
        continue; // inside a string literal
      }
      if (s.charAt(i) == '?' && s.charAt(i + 1) == '?') {
        int[] name = leadingName(s, operandStart(s, i, open));
        if (name != null) {
          names.push(name);
        }
        i++;
      }
    }
    StringBuilder out = new StringBuilder(s);
    while (!names.isEmpty()) {
      int[] n = names.pop();
      out.replace(n[0], n[1], MASK);
    }
    return out.toString();
  }

  /** Walks back from {@code ??} over a postfix expression: names, dots, balanced brackets. */
  private static int operandStart(String s, int op, int[] open) {
    int i = op - 1;
    while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
      i--;
    }
    while (i >= 0) {
      char c = s.charAt(i);
      if ((c == ')' || c == ']' || c == '}') && open[i] >= 0) {
        i = open[i] - 1;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':') {
        i--;
      } else {
        break;
      }
    }
    return i + 1;
  }

  /** The variable name an operand starts with, as [start, end), or null (a call, a literal...). */
  private static int[] leadingName(String s, int start) {
    if (start >= s.length() || !(Character.isLetter(s.charAt(start)) || s.charAt(start) == '_')) {
      return null;
    }
    int end = start;
    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
      end++;
    }
    boolean call = end < s.length() && (s.charAt(end) == '(' || s.charAt(end) == ':');
    String word = s.substring(start, end);
    boolean literal = word.equals("null") || word.equals("true") || word.equals("false");
    return call || literal ? null : new int[] {start, end};
  }

  /** For each closing bracket its opening one; -2 inside string literals; -1 elsewhere. */
  private static int[] matchingOpens(String s) {
    int[] open = new int[s.length()];
    java.util.Arrays.fill(open, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != c) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        for (int k = i; k <= Math.min(j, s.length() - 1); k++) {
          open[k] = -2;
        }
        i = j;
      } else if (c == '(' || c == '[' || c == '{') {
        stack.push(i);
      } else if ((c == ')' || c == ']' || c == '}') && !stack.isEmpty()) {
        open[i] = stack.pop();
      }
    }
    return open;
  }
}
