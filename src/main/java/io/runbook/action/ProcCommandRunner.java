package io.runbook.action;

import io.runbook.transport.CommandResult;
import io.runbook.transport.CommandSpec;
import io.runbook.transport.ExitStatus;
import io.runbook.transport.FileStat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code command} and {@code shell} share: the options around the process ({@code chdir},
 * {@code creates}, {@code removes}, {@code env}, {@code stdin}, {@code strip_empty_ends}), check
 * mode, and the data a {@code register} sees, in Ansible's shapes.
 */
final class ProcCommandRunner {
  /** Ansible's words for a command that check mode does not run. */
  static final String CHECK_MODE_SKIPPED = "Command would have run if not in check mode";
  static final String CHECK_MODE_UNKNOWN = "creates/removes say the command would run, and what it"
      + " would do cannot be predicted in check mode (check_mode: false runs it)";

  private static final DateTimeFormatter ANSIBLE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private ProcCommandRunner() {}

  /** Adds the options that command and shell share. */
  static ArgSpec.Builder commonArgs(ArgSpec.Builder b) {
    return b.optional("chdir", ArgSpec.Type.STRING)
        .optional("creates", ArgSpec.Type.STRING)
        .optional("removes", ArgSpec.Type.STRING)
        .optional("env", ArgSpec.Type.MAP)
        .optional("stdin", ArgSpec.Type.STRING)
        .optional("stdin_add_newline", ArgSpec.Type.BOOL)
        .optional("strip_empty_ends", ArgSpec.Type.BOOL);
  }

  /**
   * Runs {@code argv} on the host unless {@code creates}/{@code removes} say to skip it.
   *
   * @param cmd what {@code cmd} shows in the result: the argv list, or the shell script
   */
  static ActionResult run(ActionContext ctx, ActionArgs a, List<String> argv, Object cmd) {
    String chdir = a.string("chdir");
    Map<String, String> env = a.stringMap("env");
    for (String key : env.keySet()) {
      if (key.isEmpty() || key.contains("=")) {
        throw new ActionException("environment variable name '" + key + "' is not valid");
      }
    }
    String skip = skipReason(ctx, a, chdir);
    if (skip != null) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("cmd", cmd);
      data.put("rc", 0L);
      data.put("stdout", skip);
      data.put("stderr", "");
      data.put("stdout_lines", List.of(skip));
      data.put("stderr_lines", List.of());
      return ActionResult.ok(data).withMessage(skip);
    }
    if (ctx.checkMode()) {
      return checkMode(a, cmd);
    }
    if (chdir != null) {
      Optional<FileStat> dir = ctx.transport().stat(chdir);
      if (dir.isEmpty() || !dir.get().isDirectory()) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cmd", cmd);
        data.put("rc", -1L);
        return ActionResult.failed("Unable to change directory before execution: " + chdir
            + (dir.isEmpty() ? " does not exist" : " is not a directory"), data);
      }
    }
    byte[] stdin = null;
    if (a.has("stdin")) {
      String text = a.string("stdin");
      if (a.bool("stdin_add_newline", true) && !text.endsWith("\n")) {
        text = text + "\n";
      }
      stdin = text.getBytes(StandardCharsets.UTF_8);
    }
    LocalDateTime start = LocalDateTime.now();
    CommandResult r = ctx.transport().run(new CommandSpec(argv, env, chdir, stdin, null));
    LocalDateTime end = start.plus(r.took());
    boolean strip = a.bool("strip_empty_ends", true);
    String stdout = strip ? stripEnds(r.stdout()) : r.stdout();
    String stderr = strip ? stripEnds(r.stderr()) : r.stderr();

    Map<String, Object> data = new LinkedHashMap<>();
    data.put("cmd", cmd);
    data.put("rc", (long) r.rc());
    data.put("stdout", stdout);
    data.put("stderr", stderr);
    data.put("stdout_lines", lines(stdout));
    data.put("stderr_lines", lines(stderr));
    data.put("start", ANSIBLE_TIME.format(start));
    data.put("end", ANSIBLE_TIME.format(end));
    data.put("delta", ansibleDelta(r.took()));
    if (r.status() instanceof ExitStatus.TimedOut) {
      data.put("timed_out", true);
      return ActionResult.failed(r.status().describe(), data);
    }
    if (r.status() instanceof ExitStatus.Signalled s) {
      data.put("signal", s.signal());
      return ActionResult.failed(r.status().describe(), data);
    }
    if (r.rc() != 0) {
      String first = firstLine(stderr);
      return ActionResult.failed("non-zero return code" + (first == null ? "" : ": " + first),
          data);
    }
    return ActionResult.changed(data);
  }

  /**
   * Without creates/removes, skipped, as Ansible reports it (registering what it does); with them,
   * when they say it would run, unknown: Ansible says changed, which nothing here can know.
   */
  private static ActionResult checkMode(ActionArgs a, Object cmd) {
    if (a.has("creates") || a.has("removes")) {
      return ActionResult.unknown(CHECK_MODE_UNKNOWN);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("cmd", cmd);
    data.put("rc", 0L);
    data.put("stdout", "");
    data.put("stderr", "");
    data.put("stdout_lines", List.of());
    data.put("stderr_lines", List.of());
    return new ActionResult(io.runbook.model.Status.SKIPPED, CHECK_MODE_SKIPPED, data, null, null);
  }

  /** Ansible's skip message when creates/removes decide, else null. */
  private static String skipReason(ActionContext ctx, ActionArgs a, String chdir) {
    String creates = a.string("creates");
    if (creates != null && ctx.transport().stat(resolve(chdir, creates)).isPresent()) {
      return "skipped, since " + creates + " exists";
    }
    String removes = a.string("removes");
    if (removes != null && ctx.transport().stat(resolve(chdir, removes)).isEmpty()) {
      return "skipped, since " + removes + " does not exist";
    }
    return null;
  }

  /** Relative creates/removes paths are relative to chdir, as in Ansible. */
  private static String resolve(String chdir, String path) {
    if (chdir == null || path.startsWith("/")) {
      return path;
    }
    return chdir.endsWith("/") ? chdir + path : chdir + "/" + path;
  }

  /** Ansible's {@code strip_empty_ends}: trailing newlines (CR and LF) go. */
  static String stripEnds(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Python's {@code str.splitlines()} for the line endings processes print. */
  static List<String> lines(String s) {
    List<String> out = new ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        out.add(s.substring(start, i));
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < s.length()) {
      out.add(s.substring(start));
    }
    return out;
  }

  static String firstLine(String s) {
    for (String line : lines(s)) {
      if (!line.isBlank()) {
        return line.strip();
      }
    }
    return null;
  }

  /** Python's {@code str(timedelta)}: {@code 0:00:01.502000}, {@code 1 day, 2:03:04}. */
  static String ansibleDelta(Duration d) {
    long micros = d.toNanos() / 1000;
    long days = micros / 86_400_000_000L;
    micros -= days * 86_400_000_000L;
    long hours = micros / 3_600_000_000L;
    micros -= hours * 3_600_000_000L;
    long minutes = micros / 60_000_000L;
    micros -= minutes * 60_000_000L;
    long seconds = micros / 1_000_000L;
    micros -= seconds * 1_000_000L;
    StringBuilder sb = new StringBuilder();
    if (days > 0) {
      sb.append(days).append(days == 1 ? " day, " : " days, ");
    }
    sb.append(hours).append(':').append(String.format("%02d:%02d", minutes, seconds));
    if (micros > 0) {
      sb.append('.').append(String.format("%06d", micros));
    }
    return sb.toString();
  }
}
