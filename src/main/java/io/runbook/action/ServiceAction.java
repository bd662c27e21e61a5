package io.runbook.action;

import io.runbook.transport.CommandResult;
import io.runbook.transport.CommandSpec;
import io.runbook.transport.FileStat;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code service}: starts, stops, restarts or reloads a service the way tidb-ansible deploys it,
 * through systemd ({@code manager: systemd}, the default) or through start/stop scripts
 * ({@code manager: script}, or its alias {@code supervise}: {@code scripts_dir/start_<name>.sh}
 * and {@code stop_<name>.sh}, run from {@code scripts_dir}), or daemontools
 * ({@code manager: daemontools}: {@code svc}/{@code svstat} on {@code service_dir}, see
 * {@link DaemontoolsService}). {@code scope} (systemd) is Ansible's: {@code system} (default),
 * {@code user} ({@code systemctl --user}) or {@code global}.
 *
 * <p>Idempotence: systemd asks {@code systemctl is-active} (and {@code is-enabled} for
 * {@code enabled}). Script mode asks {@code pid_file} (alive when {@code kill -0} of the pid in it
 * succeeds, run on the host) and/or {@code status_port} (open on {@code status_host}, default
 * 127.0.0.1, probed from the controller like {@code wait_for}; running when either says so);
 * without them {@code started}/{@code stopped} always run the script and report CHANGED.
 * {@code restarted} always acts; {@code reloaded} starts a stopped unit and reloads a running one
 * (systemd only).
 *
 * <p>Check mode runs only the queries and predicts OK or CHANGED; UNKNOWN in script mode when
 * there is nothing to ask. Registered data: {@code name}, {@code state} (the requested one),
 * {@code status} (as found before acting, like Ansible's: {@code is-active}'s word such as
 * active/inactive/failed, or running/stopped/unknown for scripts), {@code enabled}, and the
 * failing command's {@code rc}, {@code stdout}, {@code stderr} when one failed.
 *
 * <p>{@code systemctl} (advanced) is the program to run, default {@code systemctl} from PATH;
 * {@code timeout} (seconds, default 120) bounds each command.
 */
public final class ServiceAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .required("name", ArgSpec.Type.STRING)
      .choice("state", false, "started", "stopped", "restarted", "reloaded")
      .optional("enabled", ArgSpec.Type.BOOL)
      .choice("manager", false, "systemd", "script", "supervise", "daemontools")
      .choice("scope", false, "system", "user", "global")
      .optional("service_dir", ArgSpec.Type.STRING)
      .optional("daemontools_dir", ArgSpec.Type.STRING)
      .optional("daemon_reload", ArgSpec.Type.BOOL)
      .optional("scripts_dir", ArgSpec.Type.STRING)
      .optional("start_script", ArgSpec.Type.STRING)
      .optional("stop_script", ArgSpec.Type.STRING)
      .optional("status_port", ArgSpec.Type.INT)
      .optional("status_host", ArgSpec.Type.STRING)
      .optional("pid_file", ArgSpec.Type.STRING)
      .optional("systemctl", ArgSpec.Type.STRING)
      .optional("timeout", ArgSpec.Type.NUMBER)
      .build();

  private static final int STATUS_CONNECT_MILLIS = 2000;

  public ServiceAction() {}

  @Override
  public String name() {
    return "service";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> args) {
    ActionArgs a = new ActionArgs(name(), args);
    String unit = a.requiredString("name");
    String manager = a.string("manager", "systemd");
    Duration timeout = Duration.ofNanos(Math.round(a.number("timeout", 120) * 1e9));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("name", unit);
    if (a.has("state")) {
      data.put("state", a.string("state"));
    }
    try {
      switch (manager) {
        case "systemd":
          return SystemdService.execute(ctx, a, unit, timeout, data);
        case "daemontools":
          return daemontools(ctx, a, timeout, data);
        default:
          return script(ctx, a, unit, timeout, data);
      }
    } catch (SystemdService.Failed f) {
      return f.result;
    }
  }

  // ---- start/stop scripts ----

  private ActionResult script(ActionContext ctx, ActionArgs a, String unit, Duration timeout,
      Map<String, Object> data) {
    systemdOnly(a);
    daemontoolsOnly(a);
    String scriptsDir = a.string("scripts_dir");
    if (scriptsDir == null || scriptsDir.isBlank()) {
      throw new ActionException("'service' with manager " + a.string("manager")
          + " needs scripts_dir (e.g. {{ deploy_dir }}/scripts)");
    }
    String state = a.string("state");
    if (state == null) {
      throw new ActionException("'service' with manager " + a.string("manager") + " needs state");
    }
    if (state.equals("reloaded")) {
      throw new ActionException("state reloaded works only with manager systemd; use restarted");
    }
    String start = inDir(scriptsDir, a.string("start_script", "start_" + unit + ".sh"));
    String stop = inDir(scriptsDir, a.string("stop_script", "stop_" + unit + ".sh"));
    Boolean running = scriptStatus(ctx, a);
    data.put("status", running == null ? "unknown" : running ? "running" : "stopped");

    List<String> toRun = switch (state) {
      case "started" -> Boolean.TRUE.equals(running) ? List.of() : List.of(start);
      case "stopped" -> Boolean.FALSE.equals(running) ? List.of() : List.of(stop);
      default -> List.of(stop, start);
    };
    if (toRun.isEmpty()) {
      return ActionResult.ok(data);
    }
    if (ctx.checkMode()) {
      if (running == null && !state.equals("restarted")) {
        return ActionResult.unknown("check mode cannot tell whether " + unit + " runs;"
            + " give status_port or pid_file");
      }
      return ActionResult.changed(data);
    }
    for (String path : toRun) {
      Optional<FileStat> stat = ctx.transport().stat(path);
      if (stat.isEmpty() || !stat.get().isFile()) {
        return ActionResult.failed("script " + path + " does not exist", data);
      }
      CommandResult r = ctx.transport().run(CommandSpec.of(path)
          .withWorkingDirectory(scriptsDir).withTimeout(timeout));
      if (!r.succeeded()) {
        return failure(path, r, data);
      }
    }
    return ActionResult.changed(data);
  }

  static void systemdOnly(ActionArgs a) {
    for (String systemdOnly : List.of("enabled", "daemon_reload", "systemctl", "scope")) {
      if (a.has(systemdOnly)) {
        throw new ActionException("'service." + systemdOnly + "' works only with manager systemd");
      }
    }
  }

  static void daemontoolsOnly(ActionArgs a) {
    for (String only : List.of("service_dir", "daemontools_dir")) {
      if (a.has(only)) {
        throw new ActionException("'service." + only + "' works only with manager daemontools");
      }
    }
  }

  // ---- daemontools ----

  private ActionResult daemontools(ActionContext ctx, ActionArgs a, Duration timeout, Map<String, Object> data) {
    systemdOnly(a);
    for (String scriptOnly : List.of("scripts_dir", "start_script", "stop_script", "pid_file")) {
      if (a.has(scriptOnly)) {
        throw new ActionException("'service." + scriptOnly + "' works only with manager script");
      }
    }
    String serviceDir = a.string("service_dir");
    if (serviceDir == null || serviceDir.isBlank()) {
      throw new ActionException("'service' with manager daemontools needs service_dir"
          + " (e.g. {{ deploy_dir }}/status/pump)");
    }
    String state = a.string("state");
    if (state == null || state.equals("reloaded")) {
      throw new ActionException("'service' with manager daemontools needs state started, stopped or restarted");
    }
    Long port = a.longOrNull("status_port");
    return new DaemontoolsService(ctx, serviceDir, a.string("daemontools_dir"), timeout)
        .execute(state, port == null ? null : checkedPort(port), a.string("status_host", "127.0.0.1"), data);
  }

  /** True/false when pid_file or status_port can tell, null when neither is given. */
  private static Boolean scriptStatus(ActionContext ctx, ActionArgs a) {
    Long port = a.longOrNull("status_port");
    String pidFile = a.string("pid_file");
    if (port == null && pidFile == null) {
      return null;
    }
    if (pidFile != null) {
      String check = "kill -0 \"$(cat " + shellQuote(pidFile) + " 2>/dev/null)\" 2>/dev/null";
      if (ctx.transport().run(CommandSpec.of("/bin/sh", "-c", check)
          .withTimeout(Duration.ofSeconds(30))).succeeded()) {
        return true;
      }
    }
    if (port != null) {
      return portOpen(ctx, a.string("status_host", "127.0.0.1"), checkedPort(port));
    }
    return false;
  }

  private static int checkedPort(long port) {
    if (port < 1 || port > 65535) {
      throw new ActionException("'service.status_port' must be between 1 and 65535, not " + port);
    }
    return (int) port;
  }

  /** Whether {@code port} listens on {@code host}: on the host itself for its loopback, else from here. */
  static boolean portOpen(ActionContext ctx, String host, int port) {
    if (HostPorts.onHost(ctx, host)) {
      return HostPorts.listening(ctx, port);
    }
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), STATUS_CONNECT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String inDir(String dir, String script) {
    if (script.startsWith("/")) {
      return script;
    }
    return dir.endsWith("/") ? dir + script : dir + "/" + script;
  }

  /** Single-quotes a word for /bin/sh. */
  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  static ActionResult failure(String what, CommandResult r, Map<String, Object> data) {
    Map<String, Object> d = new LinkedHashMap<>(data);
    String stdout = ProcCommandRunner.stripEnds(r.stdout());
    String stderr = ProcCommandRunner.stripEnds(r.stderr());
    d.put("rc", (long) r.rc());
    d.put("stdout", stdout);
    d.put("stderr", stderr);
    String first = ProcCommandRunner.firstLine(stderr);
    if (first == null) {
      first = ProcCommandRunner.firstLine(stdout);
    }
    return ActionResult.failed(what + " failed (" + r.status().describe() + ")"
        + (first == null ? "" : ": " + first), d);
  }
}
