package io.runbook.action;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into argv by the word rules of a POSIX shell, without being one: blanks
 * separate words; single quotes keep everything literally; double quotes group words and let a
 * backslash escape {@code " \ $ `} and a newline; outside quotes a backslash escapes the next
 * character. There is no variable expansion, no globbing, no redirection, no comments: {@code $HOME},
 * {@code *.log}, {@code >} and {@code #} are passed on as they are written.
 */
final class ProcWords {
  private ProcWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw new ActionException("unterminated single quote in command: " + line);
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char d = line.charAt(i);
          if (d == '"') {
            closed = true;
            i++;
            break;
          }
          if (d == '\\' && i + 1 < n) {
            char next = line.charAt(i + 1);
            if (next == '"' || next == '\\' || next == '$' || next == '`') {
              word.append(next);
              i += 2;
              continue;
            }
            if (next == '\n') {
              i += 2;
              continue;
            }
          }
          word.append(d);
          i++;
        }
        if (!closed) {
          throw new ActionException("unterminated double quote in command: " + line);
        }
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 >= n) {
          throw new ActionException("command ends with a lone backslash: " + line);
        }
        char next = line.charAt(i + 1);
        if (next != '\n') { // backslash-newline joins lines
          word.append(next);
          inWord = true;
        }
        i += 2;
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
