package io.runbook.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Filters on strings, as Jinja2's and Ansible's: case, trimming, replacing, regexes, paths, quoting. */
final class TextFilters {
  private static final Pattern SHELL_SAFE = Pattern.compile("[\\w@%+=:,./-]+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern WORD_BEGINNING = Pattern.compile("([-\\s({\\[<]+)");

  private TextFilters() {}

  static void register(Library lib) {
    lib.filter("lower", "", 0, (v, a) -> text(v, a).toLowerCase(Locale.ROOT));
    lib.filter("upper", "", 0, (v, a) -> text(v, a).toUpperCase(Locale.ROOT));
    lib.filter("capitalize", "", 0, (v, a) -> capitalize(text(v, a)));
    lib.filter("title", "", 0, (v, a) -> title(text(v, a)));
    lib.filter("trim", "chars", 0, (v, a) -> strip(text(v, a), a.string(0, null), true, true));
    lib.filter("replace", "old, new, count", 2, (v, a) -> replace(text(v, a), a.string(0, ""),
        a.string(1, ""), a.integer(2, -1)));
    lib.filter("regex_replace", "regex, replacement, ignorecase, multiline", 0, TextFilters::regexReplace);
    lib.filter("regex_search", "regex, groups..., ignorecase, multiline", 1, TextFilters::regexSearch);
    lib.filter("regex_findall", "regex, multiline, ignorecase", 1, TextFilters::regexFindall);
    lib.filter("regex_escape", "re_type", 0, (v, a) -> Pattern.quote(text(v, a))
        .replaceAll("^\\\\Q|\\\\E$", "").replaceAll("([^\\w])", "\\\\$1"));
    lib.filter("split", "sep, maxsplit", 0, (v, a) -> split(text(v, a), a.string(0, null), a.integer(1, -1)));
    lib.filter("quote", "", 0, (v, a) -> shellQuote(Values.str(v)));
    lib.filter("basename", "", 0, (v, a) -> basename(text(v, a)));
    lib.filter("dirname", "", 0, (v, a) -> dirname(text(v, a)));
    lib.filter("string", "", 0, (v, a) -> Values.str(v));
    lib.filter("center", "width", 0, (v, a) -> center(text(v, a), (int) a.integer(0, 80)));
    lib.filter("wordcount", "", 0, (v, a) -> (long) split(text(v, a), null, -1).size());
    lib.filter("truncate", "length, killwords, end, leeway", 0, TextFilters::truncate);
    lib.filter("indent", "width, first, blank", 0, TextFilters::indent);
    lib.filter("format", "args...", 0, (v, a) -> Printf.format(text(v, a), a.rest(0), a.at));
    lib.filter("comment", "style", 0, (v, a) -> "#\n# " + text(v, a).replace("\n", "\n# ") + "\n#");
  }

  /** The value as text, as Jinja2's string filters take it (Python's str of anything else). */
  static String text(Object v, Args a) {
    if (v instanceof String s) {
      return s;
    }
    Values.undefinedCheck(v, a.at);
    return Values.str(v);
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
  }

  private static String title(String s) {
    StringBuilder out = new StringBuilder();
    Matcher m = WORD_BEGINNING.matcher(s);
    int last = 0;
    while (m.find()) {
      out.append(capitalize(s.substring(last, m.start()))).append(m.group());
      last = m.end();
    }
    return out.append(capitalize(s.substring(last))).toString();
  }

  /** Python's strip: whitespace, or any of {@code chars}. */
  static String strip(String s, String chars, boolean left, boolean right) {
    int start = 0;
    int end = s.length();
    while (left && start < end && strippable(s.charAt(start), chars)) {
      start++;
    }
    while (right && end > start && strippable(s.charAt(end - 1), chars)) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean strippable(char c, String chars) {
    return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
  }

  static String replace(String s, String old, String with, long count) {
    StringBuilder out = new StringBuilder();
    int from = 0;
    long done = 0;
    if (old.isEmpty()) {
      for (int i = 0; i <= s.length(); i++) {
        if (count < 0 || done < count) {
          out.append(with);
          done++;
        }
        if (i < s.length()) {
          out.append(s.charAt(i));
        }
        Budget.text(out, 0);
      }
      return out.toString();
    }
    int at;
    while ((count < 0 || done < count) && (at = s.indexOf(old, from)) >= 0) {
      out.append(s, from, at).append(with);
      Budget.text(out, 0);
      from = at + old.length();
      done++;
    }
    return out.append(s, from, s.length()).toString();
  }

  private static Object regexReplace(Object v, Args a) {
    String s = text(v, a);
    Pattern p = Regexes.compile(a.string(0, ""), a.bool(2, false), a.bool(3, false), a.at);
    String with = a.string(1, "");
    Matcher m = Regexes.matcher(p, s);
    StringBuilder out = new StringBuilder();
    int last = 0;
    while (m.find()) {
      out.append(s, last, m.start()).append(Regexes.expand(m, with, a.at));
      Budget.text(out, 0);
      last = m.end();
    }
    return out.append(s, last, s.length()).toString();
  }

  /** Ansible's regex_search: the match, or the listed groups ({@code '\\1'}, {@code '\\g<n>'}); none without a match. */
  private static Object regexSearch(Object v, Args a) {
    String s = text(v, a);
    Pattern p = Regexes.compile(a.string(0, ""), a.bool(2, false), a.bool(3, false), a.at);
    Matcher m = Regexes.matcher(p, s);
    if (!m.find()) {
      return null;
    }
    List<Object> groups = a.rest(1);
    if (groups.isEmpty()) {
      return m.group();
    }
    List<Object> out = new ArrayList<>();
    for (Object g : groups) {
      String ref = String.valueOf(g);
      if (ref.startsWith("\\g<") && ref.endsWith(">")) {
        out.add(Regexes.group(m, ref.substring(3, ref.length() - 1), a.at));
      } else if (ref.startsWith("\\") && ref.substring(1).chars().allMatch(Character::isDigit) && ref.length() > 1) {
        out.add(Regexes.group(m, ref.substring(1), a.at));
      } else {
        throw a.fail("unknown group reference " + Values.repr(ref) + " (write '\\\\1' or '\\\\g<name>')");
      }
    }
    return out;
  }

  private static Object regexFindall(Object v, Args a) {
    String s = text(v, a);
    Pattern p = Regexes.compile(a.string(0, ""), a.bool(2, false), a.bool(1, false), a.at);
    Matcher m = Regexes.matcher(p, s);
    List<Object> out = new ArrayList<>();
    while (m.find()) {
      if (m.groupCount() == 0) {
        out.add(m.group());
      } else if (m.groupCount() == 1) {
        out.add(m.group(1) == null ? "" : m.group(1));
      } else {
        List<Object> tuple = new ArrayList<>();
        for (int g = 1; g <= m.groupCount(); g++) {
          tuple.add(m.group(g) == null ? "" : m.group(g));
        }
        out.add(tuple);
      }
      Budget.items(out.size());
    }
    return out;
  }

  /** Python's str.split: on runs of whitespace without a separator, else on each separator. */
  static List<Object> split(String s, String sep, long maxsplit) {
    List<Object> out = new ArrayList<>();
    if (sep == null) {
      int i = 0;
      int n = s.length();
      while (i < n) {
        while (i < n && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        if (i >= n) {
          break;
        }
        if (maxsplit >= 0 && out.size() >= maxsplit) {
          out.add(strip(s.substring(i), null, false, true));
          break;
        }
        int j = i;
        while (j < n && !Character.isWhitespace(s.charAt(j))) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
      return Sequences.bounded(out);
    }
    if (sep.isEmpty()) {
      throw new ExpressionError(0, "split: empty separator");
    }
    int from = 0;
    int at;
    while ((maxsplit < 0 || out.size() < maxsplit) && (at = s.indexOf(sep, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + sep.length();
      Budget.items(out.size());
    }
    out.add(s.substring(from));
    return out;
  }

  /** Python's shlex.quote: safe text as it is, else single-quoted. */
  static String shellQuote(String s) {
    if (s.isEmpty()) {
      return "''";
    }
    if (SHELL_SAFE.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\"'\"'") + "'";
  }

  /** Python's os.path.basename: what follows the last slash ('' for a path ending in one). */
  static String basename(String p) {
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** Python's os.path.dirname: what precedes the last slash, trailing slashes trimmed. */
  static String dirname(String p) {
    int slash = p.lastIndexOf('/');
    if (slash < 0) {
      return "";
    }
    String head = p.substring(0, slash + 1);
    String trimmed = head.replaceAll("/+$", "");
    return trimmed.isEmpty() ? head : trimmed;
  }

  private static String center(String s, int width) {
    if (width <= s.length()) {
      return s;
    }
    int total = width - s.length();
    int left = total / 2 + (total & width & 1);
    return " ".repeat(left) + s + " ".repeat(total - left);
  }

  private static Object truncate(Object v, Args a) {
    String s = text(v, a);
    int length = (int) a.integer(0, 255);
    boolean killwords = a.bool(1, false);
    String end = a.string(2, "...");
    int leeway = (int) a.integer(3, 5);
    if (s.length() <= length + leeway) {
      return s;
    }
    if (killwords) {
      return s.substring(0, Math.max(0, length - end.length())) + end;
    }
    String cut = s.substring(0, Math.max(0, length - end.length()));
    int space = cut.lastIndexOf(' ');
    return (space >= 0 ? cut.substring(0, space) : cut) + end;
  }

  private static Object indent(Object v, Args a) {
    String s = text(v, a);
    String pad = a.has(0) && a.get(0) instanceof String w ? w : " ".repeat((int) a.integer(0, 4));
    boolean first = a.bool(1, false);
    boolean blank = a.bool(2, false);
    String[] lines = s.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      boolean pads = (i > 0 || first) && (blank || !lines[i].isBlank());
      out.append(pads ? pad : "").append(lines[i]);
      Budget.text(out, 0);
    }
    return out.toString();
  }
}
