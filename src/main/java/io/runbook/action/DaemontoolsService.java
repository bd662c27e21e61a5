package io.runbook.action;

import io.runbook.transport.CommandResult;
import io.runbook.transport.CommandSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code service} with {@code manager: daemontools}: a service under daemontools'
 * {@code supervise}, as tidb-ansible's supervise mode deploys it ({@code roles/supervise} of
 * pingcap/tidb-ansible: the service folder {@code <deploy_dir>/status/<role>/}, the programs in
 * {@code <deploy_dir>/bin/}, supervise's pid in {@code status/<role>/pid}).
 *
 * <p>Whether it runs is what {@code svstat <service_dir>} says ({@code up (pid N) ...}). Stop is
 * {@code svc -d} (SIGTERM, then supervise does not restart it) and a wait until svstat says
 * down and, when {@code status_port} is given, the port is closed. Start is {@code svc -u},
 * after starting {@code supervise} itself (in the background, its pid written to
 * {@code <service_dir>/pid}) when none runs, and a wait until svstat says up. Restart is stop
 * then start. Everything runs on the host through the transport.
 */
final class DaemontoolsService {
  private static final Duration POLL = Duration.ofMillis(100);

  /** What svstat says about a service folder. */
  enum Status { UP, DOWN, NO_SUPERVISE }

  private final ActionContext ctx;
  private final String dir;
  private final String bin;
  private final Duration timeout;

  DaemontoolsService(ActionContext ctx, String serviceDir, String daemontoolsDir, Duration timeout) {
    this.ctx = ctx;
    this.dir = serviceDir.endsWith("/") && serviceDir.length() > 1
        ? serviceDir.substring(0, serviceDir.length() - 1) : serviceDir;
    this.bin = daemontoolsDir == null || daemontoolsDir.isBlank() ? ""
        : daemontoolsDir.endsWith("/") ? daemontoolsDir : daemontoolsDir + "/";
    this.timeout = timeout;
  }

  /** Runs {@code state} (started, stopped, restarted); {@code data} gets svstat's word as status. */
  ActionResult execute(String state, Integer port, String host, Map<String, Object> data) {
    try {
      Status before = status();
      data.put("status", word(before));
      boolean running = before == Status.UP;
      boolean stop = state.equals("restarted") || state.equals("stopped") && running;
      boolean start = state.equals("restarted") || state.equals("started") && !running;
      if (!stop && !start) {
        return ActionResult.ok(data);
      }
      if (ctx.checkMode()) {
        return ActionResult.changed(data);
      }
      if (stop) {
        stop(port, host);
      }
      if (start) {
        start(stop ? status() : before);
      }
      return ActionResult.changed(data);
    } catch (Failure f) {
      return ActionResult.failed(f.getMessage(), data);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ActionResult.failed("interrupted while waiting for " + dir, data);
    }
  }

  /** svstat's word for the registered {@code status}: up, down or "supervise not running". */
  static String word(Status s) {
    return switch (s) {
      case UP -> "up";
      case DOWN -> "down";
      case NO_SUPERVISE -> "supervise not running";
    };
  }

  Status status() {
    CommandResult r = run(bin + "svstat", dir);
    if (r.rc() < 0 || r.rc() >= 126) {
      throw new Failure(bin + "svstat cannot run on " + ctx.transport().describe()
          + " (" + r.status().describe() + "); install daemontools or give daemontools_dir");
    }
    return parse(r.stdout() + r.stderr());
  }

  /** svstat's line: {@code dir: up (pid 12) 3 seconds}, {@code dir: down 2 seconds, normally up}. */
  static Status parse(String svstat) {
    String s = svstat.strip();
    int colon = s.lastIndexOf(": ");
    String rest = colon < 0 ? s : s.substring(colon + 2);
    if (rest.startsWith("up ")) {
      return Status.UP;
    }
    if (rest.startsWith("down ")) {
      return Status.DOWN;
    }
    return Status.NO_SUPERVISE;
  }

  /** Starts supervise when none runs, then {@code svc -u}; waits until svstat says up. */
  void start(Status before) throws InterruptedException {
    if (before == Status.NO_SUPERVISE) {
      String q = ServiceAction.shellQuote(dir);
      String sup = ServiceAction.shellQuote(bin + "supervise");
      String script = "cd " + q + " || exit 1\n"
          + "if command -v setsid >/dev/null 2>&1; then s=setsid; else s=; fi\n"
          + "nohup $s " + sup + " " + q + " >/dev/null 2>&1 </dev/null &\n"
          + "echo $! > " + ServiceAction.shellQuote(dir + "/pid") + "\n";
      mustRun("/bin/sh", "-c", script);
      waitFor("supervise to take " + dir, () -> status() != Status.NO_SUPERVISE);
    }
    mustRun(bin + "svc", "-u", dir);
    waitFor("svstat to say up for " + dir, () -> status() == Status.UP);
  }

  /** {@code svc -d}; waits until svstat says down and the port (if any) is closed. */
  void stop(Integer port, String host) throws InterruptedException {
    mustRun(bin + "svc", "-d", dir);
    waitFor("svstat to say down for " + dir, () -> status() != Status.UP
        && (port == null || !ServiceAction.portOpen(ctx, host, port)));
  }

  private interface Check {
    boolean done();
  }

  private void waitFor(String what, Check check) throws InterruptedException {
    RunClock clock = ctx.clock();
    long until = clock.nanoTime() + timeout.toNanos();
    ctx.waitingFor(what);
    try {
      while (!check.done()) {
        if (clock.nanoTime() >= until) {
          throw new Failure("timed out after " + timeout.toSeconds() + "s waiting for " + what
              + " (svstat: " + word(status()) + ")");
        }
        clock.sleep(POLL);
      }
    } finally {
      ctx.waitingFor(null);
    }
  }

  private CommandResult run(String... argv) {
    return ctx.transport().run(CommandSpec.of(argv).withTimeout(timeout));
  }

  private void mustRun(String... argv) {
    CommandResult r = run(argv);
    if (!r.succeeded()) {
      String err = (r.stderr() + r.stdout()).strip();
      throw new Failure(String.join(" ", List.of(argv)).lines().findFirst().orElse("")
          + " failed (" + r.status().describe() + ")" + (err.isEmpty() ? "" : ": " + err.lines().findFirst().orElse("")));
    }
  }

  /** A command or a wait that failed: the task fails with this message. */
  static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message, null, false, false);
    }
  }
}
