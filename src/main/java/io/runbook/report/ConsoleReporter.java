package io.runbook.report;

import io.runbook.model.Status;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human output an Ansible user reads at a glance: PLAY and TASK banners, one line per host
 * result, RETRYING lines, and the PLAY RECAP. Colour only when asked (a terminal). On a terminal
 * a wait (retry delay, wait_for, pause) shows as a live line with the time waited; elsewhere the
 * wait is announced once, so CI logs show what the run waited for.
 */
public final class ConsoleReporter implements RunListener {
  private static final int WIDTH = 80;

  private final PrintWriter out;
  private final Colors colors;
  private final boolean verbose;
  private final LiveLine live;

  public ConsoleReporter(PrintWriter out, boolean color, boolean terminal, boolean verbose) {
    this.out = out;
    this.colors = new Colors(color);
    this.verbose = verbose;
    this.live = terminal ? new LiveLine(out) : null;
  }

  @Override
  public synchronized void playStarted(String name, List<String> hosts) {
    banner("PLAY [" + name + "]");
  }

  @Override
  public synchronized void batchStarted(int number, int of, List<String> hosts) {
    line("");
    line(colors.bold("BATCH " + number + "/" + of + ": " + String.join(", ", hosts)));
  }

  @Override
  public synchronized void taskStarted(TaskEvent task) {
    banner(task.kind() + " [" + task.name() + "]");
  }

  @Override
  public synchronized void hostResult(HostResult r) {
    if (r.task().action().equals("meta") && r.status() == Status.OK) {
      meta(r);
      return;
    }
    String who = r.delegatedTo() == null ? r.host() : r.host() + " -> " + r.delegatedTo();
    String item = r.item() == null ? "" : " => (item=" + r.item() + ")";
    if (r.task().action().equals("include_tasks") && r.status() == Status.OK) {
      line(colors.cyan("included: " + r.message() + " for " + who + item)); // as Ansible, per host
      return;
    }
    for (HostResult.Diff d : r.diffs()) {
      line(DiffText.render(d));
    }
    // ok/changed/skipped carry a message only when replayed by --resume ("done in run ...")
    String note = r.message() == null ? "" : " (" + r.message() + ")";
    switch (r.status()) {
      case OK -> line(colors.green("ok: [" + who + "]" + item + note + details(r)));
      case CHANGED -> line(colors.yellow("changed: [" + who + "]" + item + note + details(r)));
      case SKIPPED -> line(colors.cyan("skipping: [" + who + "]" + item + note));
      case UNKNOWN -> line(colors.cyan("unknown: [" + who + "]" + item + " => " + r.message()));
      case FAILED -> {
        String lead = r.item() == null ? "fatal: [" + who + "]: FAILED! => "
            : "failed: [" + who + "]" + item + " => ";
        line(colors.red(lead + json(failure(r))));
        if (r.ignored()) {
          line(colors.cyan("...ignoring"));
        }
      }
      case UNREACHABLE -> line(colors.red("fatal: [" + who + "]: UNREACHABLE! => "
          + json(unreachable(r))));
    }
  }

  /**
   * A meta task that acted: a host or batch leaving the play says so; a flush shows as its
   * RUNNING HANDLER banners, and a noop as nothing (both say what they did with -v). Ansible
   * prints these lines only with -vv.
   */
  private void meta(HostResult r) {
    if (r.message() != null) {
      line(colors.cyan("META: " + r.message()));
    } else if (verbose) {
      line(colors.cyan("META: " + r.result().get("msg")));
    }
  }

  @Override
  public synchronized void retrying(TaskEvent task, String host, int retriesLeft, String reason) {
    line(colors.red("FAILED - RETRYING: [" + host + "]: " + task.name() + " (" + retriesLeft
        + " retries left)."));
  }

  @Override
  public synchronized void waiting(TaskEvent task, String host, String what, long waitedMillis) {
    if (live != null) {
      live.show(what == null ? null : "[" + host + "] waiting for " + what);
    } else if (what != null) {
      line("  ... [" + host + "] waiting for " + what);
    }
  }

  @Override
  public synchronized void warning(String message) {
    line(colors.purple("[WARNING]: " + message));
  }

  @Override
  public synchronized void aborted(String reason) {
    line("");
    line(colors.red("RUN STOPPED: " + reason));
  }

  @Override
  public synchronized void runFinished(Recap recap, int exitCode) {
    banner("PLAY RECAP");
    for (Map.Entry<String, Recap.Counts> e : recap.hosts().entrySet()) {
      Recap.Counts c = e.getValue();
      String host = String.format("%-26s", e.getKey());
      host = c.failed() > 0 || c.unreachable() > 0 ? colors.red(host)
          : c.changed() > 0 ? colors.yellow(host) : colors.green(host);
      StringBuilder sb = new StringBuilder(host).append(" : ")
          .append(count("ok", c.ok())).append(' ')
          .append(count("changed", c.changed())).append(' ')
          .append(count("unreachable", c.unreachable())).append(' ')
          .append(count("failed", c.failed())).append(' ')
          .append(count("skipped", c.skipped())).append(' ')
          .append(count("rescued", c.rescued())).append(' ')
          .append(count("ignored", c.ignored()));
      if (c.unknown() > 0) {
        sb.append(' ').append(count("unknown", c.unknown()));
      }
      line(sb.toString());
    }
    line("");
    out.flush();
  }

  private static String count(String name, int n) {
    return String.format("%s=%-4s", name, n);
  }

  /** debug and assert always show their message, as Ansible's; other results show with -v. */
  private String details(HostResult r) {
    if (r.task().action().equals("assert") && r.result().get("msg") != null) {
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("changed", false);
      shown.put("msg", r.result().get("msg"));
      return " => " + pretty(shown);
    }
    if (r.task().action().equals("debug")) {
      Map<String, Object> shown = new LinkedHashMap<>(r.result());
      shown.keySet().removeIf(k -> k.equals("changed") || k.equals("failed"));
      return " => " + pretty(shown);
    }
    return verbose ? " => " + json(r.result()) : "";
  }

  private static Map<String, Object> failure(HostResult r) {
    Map<String, Object> shown = new LinkedHashMap<>(r.result());
    if (!shown.containsKey("msg") && r.message() != null) {
      shown.put("msg", r.message());
    }
    return shown;
  }

  private static Map<String, Object> unreachable(HostResult r) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("changed", false);
    shown.put("msg", r.message());
    shown.put("unreachable", true);
    return shown;
  }

  private static String json(Object value) {
    return AnsibleJson.compact(value);
  }

  private static String pretty(Object value) {
    return AnsibleJson.pretty(value);
  }

  private void banner(String title) {
    int stars = Math.max(3, WIDTH - 1 - title.length());
    line("");
    line(colors.bold(title + " " + "*".repeat(stars)));
  }

  private void line(String text) {
    if (live != null) {
      live.clear();
    }
    out.println(text);
    out.flush();
    if (live != null) {
      live.redraw();
    }
  }
}
