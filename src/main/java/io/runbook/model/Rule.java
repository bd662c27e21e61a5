package io.runbook.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a keyword's value must be, and the typed value it becomes. The loader applies a rule to a
 * literal, the run to what a template rendered: one rule, so one message, whichever finds it.
 * A number may come as text ({@code "3"}, or {@code "{{ n }}0"} rendered), as Ansible converts it.
 *
 * @param keyword  the keyword, for messages
 * @param expected what it must be, for messages ("a whole number, 0 or more")
 * @param parse    the value, or null when it breaks the rule
 */
public record Rule<T>(String keyword, String expected, Function<Object, T> parse) {
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
  private static final Pattern PERCENT = Pattern.compile("(" + NUMBER.pattern() + ")\\s*%");

  /** A value that breaks its rule; the message names the keyword and what it must be. */
  public static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  /** The typed value; {@link Refused} when {@code value} breaks the rule. */
  public T read(Object value) {
    T typed = value == null ? null : parse.apply(value);
    if (typed == null) {
      throw new Refused("'" + keyword + "' must be " + expected + ", not " + describe(value));
    }
    return typed;
  }

  /** {@code retries}: a whole number, 0 or more. */
  public static Rule<Integer> count(String keyword) {
    return new Rule<>(keyword, "a whole number, 0 or more", v -> {
      Double d = number(v);
      return d != null && d >= 0 && d <= Integer.MAX_VALUE && d == Math.rint(d) ? d.intValue() : null;
    });
  }

  /** {@code delay}, {@code timeout}: a number of seconds, 0 or more. */
  public static Rule<Duration> seconds(String keyword) {
    return new Rule<>(keyword, "a number of seconds, 0 or more", v -> {
      Double d = number(v);
      return d != null && d >= 0 ? Duration.ofNanos(Math.round(d * 1e9)) : null;
    });
  }

  /** {@code backoff}: a factor the delay grows by, 1 or more (below 1 it would shrink). */
  public static Rule<Double> growth(String keyword) {
    return new Rule<>(keyword, "a number, 1 or more (1 keeps the delay as it is)", v -> {
      Double d = number(v);
      return d != null && d >= 1 ? d : null;
    });
  }

  /** {@code max_fail_percentage}: 0 to 100, written {@code 30} or {@code "30%"}. */
  public static Rule<Percent> percent(String keyword) {
    return new Rule<>(keyword, "a percentage from 0 to 100, such as 30 or \"30%\"", v -> {
      Double d = number(v);
      return share(d != null ? d : percentage(v));
    });
  }

  /** {@code serial}: a number of hosts (0 or more) or a share of them ({@code "30%"}, 0 to 100). */
  public static Rule<BatchSize> batchSize(String keyword) {
    return new Rule<>(keyword, "a whole number of hosts, 0 or more, or a percentage from 0 to 100"
        + " such as \"30%\"", v -> {
          Percent share = share(percentage(v));
          if (share != null) {
            return new BatchSize.Share(share);
          }
          Integer count = count(keyword).parse().apply(v);
          return count == null ? null : new BatchSize.Hosts(count);
        });
  }

  private static Percent share(Double d) {
    return d != null && d >= 0 && d <= 100 ? new Percent(d) : null;
  }

  /** A number, or text that is one; null otherwise (a boolean is not a number here). */
  private static Double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return v instanceof String s && NUMBER.matcher(s.strip()).matches() ? Double.valueOf(s.strip()) : null;
  }

  /** The N of text written "N%"; null otherwise. */
  private static Double percentage(Object v) {
    Matcher m = v instanceof String s ? PERCENT.matcher(s.strip()) : null;
    return m != null && m.matches() ? Double.valueOf(m.group(1)) : null;
  }

  private static String describe(Object v) {
    if (v == null) {
      return "none";
    }
    if (v instanceof List) {
      return "a list";
    }
    if (v instanceof Map) {
      return "a mapping";
    }
    return v instanceof String ? "'" + v + "'" : String.valueOf(v);
  }
}
