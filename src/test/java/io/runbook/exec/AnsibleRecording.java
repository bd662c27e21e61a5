package io.runbook.exec;

import io.runbook.model.Status;
import io.runbook.report.HostResult;
import io.runbook.report.Recap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ansible-playbook printed for a scenario, as fixtures/exec/semantics/record.py keeps it: the
 * exit code, stderr, the PLAY RECAP per host, and the result lines under each task banner as
 * sorted {@code "status host (item)"} strings (forks finish in any order), and the one-line
 * {@code "msg"} texts debug printed under each task. {@link #lines} puts
 * runbook's results in the same form, so the two compare as they are.
 */
record AnsibleRecording(int exitCode, List<String> stderr, Map<String, String> recap,
    Map<String, List<String>> results, Map<String, List<String>> messages) {
  private static final Pattern EXIT = Pattern.compile("^# exit code: (\\d+)$");
  private static final Pattern RECAP = Pattern.compile("^(\\S+)\\s+: ok=(\\d+)\\s+changed=(\\d+)\\s+"
      + "unreachable=(\\d+)\\s+failed=(\\d+)\\s+skipped=(\\d+)\\s+rescued=(\\d+)\\s+ignored=(\\d+)");
  private static final Pattern BANNER = Pattern.compile("^(?:TASK|RUNNING HANDLER) \\[(.+)\\] \\*+$");
  private static final Pattern RESULT = Pattern.compile(
      "^(ok|changed|skipping|failed|fatal): \\[([^\\]]+)\\](?: => \\(item=(.*?)\\)| \\(item=(.*?)\\) =>)?");
  private static final Pattern MSG = Pattern.compile("^    \"msg\": \"(.*)\"$");
  private static final Pattern INCLUDED = Pattern.compile("^included: \\S+ for ([^=]+?)(?: => \\(item=(.*)\\))?$");

  static AnsibleRecording read(Path file) {
    List<String> text;
    try {
      text = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int exit = -1;
    List<String> stderr = new ArrayList<>();
    Map<String, String> recap = new LinkedHashMap<>();
    Map<String, List<String>> results = new TreeMap<>();
    Map<String, List<String>> messages = new TreeMap<>();
    String task = null;
    for (String line : text) {
      Matcher m;
      if ((m = EXIT.matcher(line)).find()) {
        exit = Integer.parseInt(m.group(1));
      } else if (line.startsWith("# stderr: ")) {
        stderr.add(line.substring("# stderr: ".length()));
      } else if ((m = RECAP.matcher(line)).find()) {
        recap.put(m.group(1), counts(m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7),
            m.group(8)));
      } else if ((m = BANNER.matcher(line)).find()) {
        task = m.group(1);
      } else if (line.startsWith("PLAY ")) {
        task = null;
      } else if (task != null && (m = RESULT.matcher(line)).find()) {
        String item = m.group(3) != null ? m.group(3) : m.group(4);
        add(results, task, status(m.group(1)), m.group(2), item);
      } else if (task != null && (m = MSG.matcher(line)).find()) {
        messages.computeIfAbsent(task, t -> new ArrayList<>()).add(m.group(1));
      } else if (task != null && (m = INCLUDED.matcher(line)).find()) {
        for (String host : m.group(1).split(", ")) {
          add(results, task, "included", host, m.group(2));
        }
      }
    }
    if (exit < 0) {
      throw new IllegalStateException(file + " has no '# exit code:' line: record it with record.py");
    }
    results.values().forEach(Collections::sort);
    return new AnsibleRecording(exit, stderr, recap, results, messages);
  }

  /** runbook's results in the recording's form; a meta task that acted prints nothing in Ansible. */
  static Map<String, List<String>> lines(List<HostResult> results) {
    Map<String, List<String>> out = new TreeMap<>();
    for (HostResult r : results) {
      if (r.task().action().equals("meta") && r.status() == Status.OK) {
        continue;
      }
      String status = r.task().action().equals("include_tasks") && r.status() == Status.OK
          ? "included" : r.status().name().toLowerCase(java.util.Locale.ROOT);
      add(out, r.task().name(), status, r.host(), r.item());
    }
    out.values().forEach(Collections::sort);
    return out;
  }

  /** runbook's recap in the recording's form (Ansible has no unknown column). */
  static Map<String, String> recap(Recap recap) {
    Map<String, String> out = new LinkedHashMap<>();
    recap.hosts().forEach((host, c) -> out.put(host, counts(c)));
    return out;
  }

  static String counts(Recap.Counts c) {
    return counts(c.ok(), c.changed(), c.unreachable(), c.failed(), c.skipped(), c.rescued(), c.ignored());
  }

  private static String counts(Object... n) {
    return String.format("ok=%s changed=%s unreachable=%s failed=%s skipped=%s rescued=%s ignored=%s", n);
  }

  private static String status(String printed) {
    return switch (printed) {
      case "skipping" -> "skipped";
      case "fatal" -> "failed";
      default -> printed;
    };
  }

  private static void add(Map<String, List<String>> out, String task, String status, String host, String item) {
    out.computeIfAbsent(task, t -> new ArrayList<>()).add(status + " " + host + (item == null ? "" : " (" + item + ")"));
  }
}
