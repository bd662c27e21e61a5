package io.runbook.action;

import io.runbook.model.Status;
import io.runbook.transport.FileStat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code lineinfile}, as Ansible's: with {@code regexp}, the last matching line is replaced
 * (or, when none matches and the line is not already there, the line is inserted after the last
 * match of {@code insertafter}, before the last match of {@code insertbefore}, or at the end);
 * {@code state: absent} removes every matching line.
 */
public final class LineInFileAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .optional("path", ArgSpec.Type.STRING)
      .optional("dest", ArgSpec.Type.STRING)
      .optional("line", ArgSpec.Type.ANY)
      .optional("regexp", ArgSpec.Type.STRING)
      .choice("state", false, "present", "absent")
      .optional("insertafter", ArgSpec.Type.STRING)
      .optional("insertbefore", ArgSpec.Type.STRING)
      .optional("create", ArgSpec.Type.BOOL)
      .optional("backrefs", ArgSpec.Type.BOOL)
      .fileAttributes()
      .build();

  @Override
  public String name() {
    return "lineinfile";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> rendered) {
    ActionArgs args = new ActionArgs(name(), rendered);
    String path = args.string("path", args.string("dest"));
    if (path == null) {
      throw new ActionException("'lineinfile' needs the argument 'path'");
    }
    boolean present = !"absent".equals(args.string("state"));
    String line = args.string("line");
    Pattern regexp = pattern(args.string("regexp"), "regexp");
    if (present && line == null) {
      throw new ActionException("'lineinfile' with state: present needs 'line'");
    }
    if (!present && line == null && regexp == null) {
      throw new ActionException("'lineinfile' with state: absent needs 'regexp' or 'line'");
    }
    Optional<FileStat> stat = ctx.transport().stat(path);
    if (stat.isEmpty() && !args.bool("create", false)) {
      return ActionResult.failed("file " + path + " does not exist (set create: true to create it)",
          Map.of("path", path));
    }
    String text = stat.isEmpty() ? "" : new String(ctx.transport().read(path), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(text.lines().toList());
    boolean trailingNewline = text.isEmpty() || text.endsWith("\n");
    String message;
    if (present) {
      message = present(lines, line, regexp, args);
    } else {
      int before = lines.size();
      lines.removeIf(l -> regexp != null ? regexp.matcher(l).find() : l.equals(line));
      message = (before - lines.size()) + " line(s) removed";
    }
    String updated = lines.isEmpty() ? "" : String.join("\n", lines) + (trailingNewline ? "\n" : "");
    ActionResult r = FilePut.put(ctx,
        FilePut.Request.of(ctx, args, path, updated.getBytes(StandardCharsets.UTF_8), true));
    return r.status() == Status.CHANGED ? r.withMessage(message) : r;
  }

  private static String present(List<String> lines, String line, Pattern regexp, ActionArgs args) {
    boolean backrefs = args.bool("backrefs", false);
    if (regexp != null) {
      for (int i = lines.size() - 1; i >= 0; i--) {
        Matcher m = regexp.matcher(lines.get(i));
        if (m.find()) {
          lines.set(i, backrefs ? expandBackrefs(m, line) : line);
          return "line replaced";
        }
      }
      if (backrefs) {
        return "no match, nothing to do";
      }
    }
    if (lines.contains(line)) {
      return "line present";
    }
    String after = args.string("insertafter");
    String before = args.string("insertbefore");
    int at = lines.size();
    if (before != null) {
      at = "BOF".equals(before) ? 0 : lastMatch(lines, pattern(before, "insertbefore"), lines.size());
    } else if (after != null && !"EOF".equals(after)) {
      int match = lastMatch(lines, pattern(after, "insertafter"), -1);
      at = match < 0 ? lines.size() : match + 1;
    }
    lines.add(at, line);
    return "line added";
  }

  private static String expandBackrefs(Matcher m, String template) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '\\' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
        int g = template.charAt(++i) - '0';
        sb.append(g <= m.groupCount() && m.group(g) != null ? m.group(g) : "");
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static int lastMatch(List<String> lines, Pattern p, int none) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (p.matcher(lines.get(i)).find()) {
        return i;
      }
    }
    return none;
  }

  private static Pattern pattern(String regex, String what) {
    if (regex == null) {
      return null;
    }
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new ActionException("'" + what + "' is not a valid regular expression: " + e.getDescription());
    }
  }
}
