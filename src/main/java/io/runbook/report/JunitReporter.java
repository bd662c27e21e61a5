package io.runbook.report;

import io.runbook.model.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --junit FILE}: the run as JUnit XML for CI systems — a test suite per play, a test case
 * per task on each host (loop items folded into their task), failed, skipped or passed, with the
 * time from the task's start to the host's result. Written when the run ends.
 */
public final class JunitReporter implements RunListener {
  private record Case(String host, String task, String at, long millis, String status, String message) {}

  private final Path file;
  private final Map<String, List<Case>> suites = new LinkedHashMap<>();
  private String play = "play";
  private long taskStarted = System.nanoTime();

  public JunitReporter(Path file) {
    this.file = file;
  }

  @Override
  public synchronized void playStarted(String name, List<String> hosts) {
    play = name;
    suites.putIfAbsent(name, new ArrayList<>());
  }

  @Override
  public synchronized void taskStarted(TaskEvent task) {
    taskStarted = System.nanoTime();
  }

  @Override
  public synchronized void hostResult(HostResult r) {
    List<Case> cases = suites.computeIfAbsent(play, k -> new ArrayList<>());
    String status = switch (r.status()) {
      case FAILED -> r.ignored() ? "passed" : "failed";
      case UNREACHABLE -> "failed";
      case SKIPPED, UNKNOWN -> "skipped";
      default -> "passed";
    };
    long millis = (System.nanoTime() - taskStarted) / 1_000_000;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      if (r.item() != null && c.host().equals(r.host()) && c.at().equals(r.task().position().toString())) {
        // another item of the same looped task: the worst status wins
        String worst = c.status().equals("failed") || status.equals("failed") ? "failed"
            : c.status().equals("passed") || status.equals("passed") ? "passed" : "skipped";
        cases.set(i, new Case(c.host(), c.task(), c.at(), millis, worst,
            c.message() != null ? c.message() : r.message()));
        return;
      }
    }
    cases.add(new Case(r.host(), r.task().name(), r.task().position().toString(), millis, status,
        r.status() == Status.UNREACHABLE ? "unreachable: " + r.message() : r.message()));
  }

  @Override
  public synchronized void runFinished(Recap recap, int exitCode) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    for (Map.Entry<String, List<Case>> suite : suites.entrySet()) {
      List<Case> cases = suite.getValue();
      long failures = cases.stream().filter(c -> c.status().equals("failed")).count();
      long skipped = cases.stream().filter(c -> c.status().equals("skipped")).count();
      double seconds = cases.stream().mapToLong(Case::millis).sum() / 1000.0;
      xml.append("  <testsuite name=\"").append(esc(suite.getKey())).append("\" tests=\"").append(cases.size())
          .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
          .append("\" time=\"").append(seconds).append("\">\n");
      for (Case c : cases) {
        xml.append("    <testcase classname=\"").append(esc(c.host())).append("\" name=\"").append(esc(c.task()))
            .append("\" file=\"").append(esc(c.at())).append("\" time=\"").append(c.millis() / 1000.0).append("\"");
        if (c.status().equals("passed")) {
          xml.append("/>\n");
        } else if (c.status().equals("skipped")) {
          xml.append("><skipped/></testcase>\n");
        } else {
          xml.append("><failure message=\"").append(esc(String.valueOf(c.message()))).append("\">")
              .append(esc(c.at() + ": " + c.message())).append("</failure></testcase>\n");
        }
      }
      xml.append("  </testsuite>\n");
    }
    xml.append("</testsuites>\n");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, xml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> {
          if (ch < 0x20 && ch != '\n' && ch != '\t') {
            b.append(' ');
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.toString();
  }
}
