package io.runbook.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Functions callable without a prefix in expressions: {@code lower(name)},
 * {@code join(hosts, ',')}, {@code fromJson(r.stdout).status}. All are pure: they read their
 * arguments and return a new value; none touches a file, a process or the network.
 *
 * <p>Strings: lower, upper, trim, split, join, replace, startsWith, endsWith, contains, length,
 * regexMatch (from the start), regexSearch (anywhere; the match or null), regexReplace, quote
 * (POSIX shell quoting), basename, dirname. Collections: length, first, last, keys, values,
 * unique, sort, sum, min, max, range. Conversion: int, float, str, bool, toJson, fromJson.
 * JEXL's own {@code size(x)} and {@code empty(x)} are there too. {@code default(x, fallback)}
 * and {@code defined(x)} are rewritten to JEXL's {@code ??} before compiling (see
 * {@link Rewrites}), so they work on undefined variables.
 */
public final class Functions extends FilterFunctions {
  static final int MAX_RANGE = 100_000;

  public String lower(Object s) {
    return str(s).toLowerCase(Locale.ROOT);
  }

  public String upper(Object s) {
    return str(s).toUpperCase(Locale.ROOT);
  }

  public String trim(Object s) {
    return str(s).strip();
  }

  public List<Object> split(Object s, Object separator) {
    List<Object> out = new ArrayList<>();
    String text = str(s);
    String sep = str(separator);
    if (sep.isEmpty()) {
      text.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
      return out;
    }
    int from = 0;
    int at;
    while ((at = text.indexOf(sep, from)) >= 0) {
      out.add(text.substring(from, at));
      from = at + sep.length();
    }
    out.add(text.substring(from));
    return out;
  }

  public List<Object> split(Object s) {
    List<Object> out = new ArrayList<>();
    for (String w : str(s).strip().split("\\s+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  public String join(Object list, Object separator) {
    StringBuilder sb = new StringBuilder();
    for (Object item : list(list)) {
      if (sb.length() > 0) {
        sb.append(str(separator));
      }
      sb.append(Expressions.stringify(item));
    }
    return sb.toString();
  }

  public String replace(Object s, Object find, Object with) {
    return str(s).replace(str(find), str(with));
  }

  public boolean startsWith(Object s, Object prefix) {
    return str(s).startsWith(str(prefix));
  }

  public boolean endsWith(Object s, Object suffix) {
    return str(s).endsWith(str(suffix));
  }

  /** A substring of a string, an element of a list, or a key of a mapping. */
  public boolean contains(Object container, Object x) {
    if (container instanceof Map<?, ?> m) {
      return m.containsKey(x);
    }
    if (container instanceof Collection<?> c) {
      return c.stream().anyMatch(i -> same(i, x));
    }
    return str(container).contains(str(x));
  }

  public long length(Object x) {
    if (x instanceof Collection<?> c) {
      return c.size();
    }
    if (x instanceof Map<?, ?> m) {
      return m.size();
    }
    return str(x).length();
  }

  public boolean regexMatch(Object s, Object regex) {
    return Regexes.compile(str(regex)).matcher(Deadline.watched(str(s))).lookingAt();
  }

  /** The first match anywhere (group 1 when the pattern has groups), or null. */
  public Object regexSearch(Object s, Object regex) {
    Matcher m = Regexes.compile(str(regex)).matcher(Deadline.watched(str(s)));
    if (!m.find()) {
      return null;
    }
    return m.groupCount() > 0 ? m.group(1) : m.group();
  }

  public String regexReplace(Object s, Object regex, Object replacement) {
    return Regexes.compile(str(regex)).matcher(Deadline.watched(str(s))).replaceAll(str(replacement));
  }

  /** POSIX shell quoting: the value as exactly one word. */
  public String quote(Object s) {
    String v = str(s);
    return "'" + v.replace("'", "'\\''") + "'";
  }

  public String basename(Object path) {
    String p = str(path);
    String trimmed = p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  public String dirname(Object path) {
    String p = str(path);
    int slash = p.lastIndexOf('/');
    return slash < 0 ? "" : slash == 0 ? "/" : p.substring(0, slash);
  }

  public Object first(Object list) {
    List<Object> l = list(list);
    return l.isEmpty() ? null : l.get(0);
  }

  public Object last(Object list) {
    List<Object> l = list(list);
    return l.isEmpty() ? null : l.get(l.size() - 1);
  }

  public List<Object> keys(Object map) {
    return new ArrayList<>(map(map).keySet());
  }

  public List<Object> values(Object map) {
    return new ArrayList<>(map(map).values());
  }

  public List<Object> unique(Object list) {
    return new ArrayList<>(new LinkedHashSet<>(list(list)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  public List<Object> sort(Object list) {
    List<Object> out = new ArrayList<>(list(list));
    out.sort((a, b) -> a instanceof Number x && b instanceof Number y
        ? Double.compare(x.doubleValue(), y.doubleValue())
        : ((Comparable) Expressions.stringify(a)).compareTo(Expressions.stringify(b)));
    return out;
  }

  public Number sum(Object list) {
    boolean whole = true;
    double total = 0;
    long wholeTotal = 0;
    for (Object o : list(list)) {
      Number n = number(o);
      whole &= n instanceof Long || n instanceof Integer;
      total += n.doubleValue();
      wholeTotal += n.longValue();
    }
    return whole ? (Number) wholeTotal : (Number) total;
  }

  public Object min(Object list) {
    List<Object> s = sort(list);
    return s.isEmpty() ? null : s.get(0);
  }

  public Object max(Object list) {
    List<Object> s = sort(list);
    return s.isEmpty() ? null : s.get(s.size() - 1);
  }

  public List<Object> range(Object end) {
    return range(0L, end);
  }

  public List<Object> range(Object start, Object end) {
    long a = number(start).longValue();
    long b = number(end).longValue();
    if (b - a > MAX_RANGE) {
      throw new IllegalArgumentException("range of more than " + MAX_RANGE + " numbers");
    }
    List<Object> out = new ArrayList<>();
    for (long i = a; i < b; i++) {
      out.add(i);
    }
    return out;
  }

  /** {@code int(x)} in expressions (rewritten, as {@code int} is a Java keyword). */
  public long asInt(Object x) {
    if (x instanceof Number n) {
      return n.longValue();
    }
    String s = str(x).strip();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      try {
        return (long) Double.parseDouble(s);
      } catch (NumberFormatException e2) {
        throw new IllegalArgumentException("'" + s + "' is not a number");
      }
    }
  }

  /** {@code float(x)} in expressions. */
  public double asFloat(Object x) {
    return number(x).doubleValue();
  }

  public String str(Object x) {
    return Expressions.stringify(x);
  }

  /** Ansible's bool filter: yes/true/on/1 are true, case-insensitively. */
  public boolean bool(Object x) {
    if (x instanceof Boolean b) {
      return b;
    }
    if (x instanceof Number n) {
      return n.doubleValue() != 0;
    }
    return switch (str(x).strip().toLowerCase(Locale.ROOT)) {
      case "yes", "true", "on", "1", "y" -> true;
      default -> false;
    };
  }

  public String toJson(Object x) {
    try {
      return JsonCodec.MAPPER.writeValueAsString(x);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage());
    }
  }

  public Object fromJson(Object s) {
    try {
      return Expressions.normalize(JsonCodec.MAPPER.readValue(str(s), Object.class));
    } catch (JsonProcessingException e) {
      String text = str(s);
      throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + "): '"
          + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'");
    }
  }

  private static Number number(Object x) {
    if (x instanceof Number n) {
      return n;
    }
    try {
      return Double.parseDouble(Expressions.stringify(x).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + x + "' is not a number");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object x) {
    if (x instanceof List<?> l) {
      return (List<Object>) l;
    }
    if (x instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    if (x instanceof Object[] a) {
      return List.of(a);
    }
    throw new IllegalArgumentException("expected a list, not " + Expressions.describe(x));
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> map(Object x) {
    if (x instanceof Map<?, ?> m) {
      return (Map<Object, Object>) m;
    }
    throw new IllegalArgumentException("expected a mapping, not " + Expressions.describe(x));
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a == null ? b == null : a.equals(b);
  }
}
