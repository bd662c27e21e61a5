package io.runbook.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TiDB-family version as its tools print it: {@code v3.0.0}, {@code v2.1.0-rc.5},
 * {@code v2.0.8-binlog}, {@code 5.7.25-TiDB-v3.0.0} (TiDB's MySQL version string: the part after
 * {@code -TiDB-} counts), {@code Release Version: v2.1.4}, and git-describe forms such as
 * {@code v2.1.0-rc.1-7-g38c939f} (the commit suffix is ignored).
 *
 * <p>Order: numbers first; then a release sorts after its pre-releases (alpha, beta, rc, pre),
 * which compare by their dot-separated parts ({@code rc.10 > rc.5}). Any other suffix is a build
 * tag that does not change the order: {@code v2.0.8-binlog} equals {@code v2.0.8} when compared,
 * and {@link #build()} tells them apart.
 */
record TidbVersion(int major, int minor, int patch, String pre, String build, String raw)
    implements Comparable<TidbVersion> {

  private static final Pattern SHAPE = Pattern.compile(
      "[vV]?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?((?:-[0-9A-Za-z.]+)*)");
  private static final Pattern PRE = Pattern.compile("(?i)(alpha|beta|rc|pre)(?:[.]?\\d+)*(?:\\.\\w+)*");
  private static final Pattern GIT_DESCRIBE = Pattern.compile("\\d+-g[0-9a-f]{6,}");

  static TidbVersion parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("a version is needed, not null");
    }
    String s = text.trim();
    int tidb = s.indexOf("-TiDB-");
    if (tidb >= 0) {
      s = s.substring(tidb + "-TiDB-".length());
    }
    int colon = s.lastIndexOf(':');
    if (colon >= 0) {
      s = s.substring(colon + 1).trim();
    }
    Matcher m = SHAPE.matcher(s);
    if (!m.lookingAt()) {
      throw new IllegalArgumentException("'" + text + "' is not a version such as v3.0.0");
    }
    String pre = null;
    String build = null;
    String rest = m.group(4);
    if (!rest.isEmpty()) {
      String suffix = rest.substring(1);
      String withoutCommit = suffix.replaceAll("-?" + GIT_DESCRIBE.pattern() + "$", "");
      if (PRE.matcher(withoutCommit).matches()) {
        pre = withoutCommit;
      } else if (!withoutCommit.isEmpty()) {
        build = withoutCommit;
      }
    }
    return new TidbVersion(num(m.group(1)), num(m.group(2)), num(m.group(3)), pre, build, text);
  }

  private static int num(String s) {
    return s == null ? 0 : Integer.parseInt(s);
  }

  @Override
  public int compareTo(TidbVersion o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (pre == null || o.pre == null) {
      return pre == null ? (o.pre == null ? 0 : 1) : -1;
    }
    return comparePre(pre, o.pre);
  }

  private static int comparePre(String a, String b) {
    List<String> x = parts(a);
    List<String> y = parts(b);
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      String p = x.get(i);
      String q = y.get(i);
      boolean pn = p.chars().allMatch(Character::isDigit);
      boolean qn = q.chars().allMatch(Character::isDigit);
      int c = pn && qn ? Long.compare(Long.parseLong(p), Long.parseLong(q))
          : pn != qn ? (pn ? -1 : 1) : p.compareToIgnoreCase(q);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static List<String> parts(String pre) {
    List<String> out = new ArrayList<>();
    for (String p : pre.split("[.-]")) {
      // "rc5" reads as "rc.5"
      Matcher m = Pattern.compile("([A-Za-z]+)(\\d+)").matcher(p);
      if (m.matches()) {
        out.add(m.group(1));
        out.add(m.group(2));
      } else if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** Which TiDB Binlog generation a TiDB of this version uses (tidb-binlog.md §4). */
  String binlogGeneration() {
    if ("binlog".equalsIgnoreCase(build)) {
      return "cluster"; // v2.0.8-binlog and v2.0.11-binlog: special 2.0 builds for cluster binlog
    }
    if (compareTo(parse("v2.1.0-rc.5")) >= 0) {
      return "cluster";
    }
    return compareTo(parse("v1.0.0")) >= 0 ? "kafka" : "local";
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("major", (long) major);
    m.put("minor", (long) minor);
    m.put("patch", (long) patch);
    m.put("pre", pre);
    m.put("build", build);
    m.put("raw", raw);
    return m;
  }
}
