package io.runbook.action;

import io.runbook.transport.CommandResult;
import io.runbook.transport.CommandSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code service} with {@code manager: systemd}: {@code systemctl [--user|--global]} (Ansible's
 * {@code scope}) {@code is-active}, {@code is-enabled}, {@code start}/{@code stop}/{@code restart}/
 * {@code reload}, {@code enable}/{@code disable}, {@code daemon-reload}; a unit whose
 * {@code LoadState} is not-found fails rather than passing for a stopped one.
 */
final class SystemdService {
  private static final Set<String> SYSTEMD_RUNNING = Set.of("active", "activating", "reloading");

  private SystemdService() {}

  static ActionResult execute(ActionContext ctx, ActionArgs a, String unit, Duration timeout,
      Map<String, Object> data) {
    for (String scriptOnly : List.of("scripts_dir", "start_script", "stop_script", "status_port",
        "status_host", "pid_file")) {
      if (a.has(scriptOnly)) {
        throw new ActionException("'service." + scriptOnly + "' works only with manager script");
      }
    }
    ServiceAction.daemontoolsOnly(a);
    String state = a.string("state");
    Boolean enabled = a.boolOrNull("enabled");
    boolean daemonReload = a.bool("daemon_reload", false);
    if (state == null && enabled == null && !daemonReload) {
      throw new ActionException("'service' needs state, enabled or daemon_reload");
    }
    String scope = a.string("scope", "system");
    String[] systemctl = scope.equals("system") ? new String[] {a.string("systemctl", "systemctl")}
        : new String[] {a.string("systemctl", "systemctl"), "--" + scope};
    if (daemonReload && !ctx.checkMode()) {
      mustRun(ctx, data, timeout, argv(systemctl, "daemon-reload"));
    }
    boolean changed = false;
    if (enabled != null) {
      CommandResult q = query(ctx, data, timeout, argv(systemctl, "is-enabled", unit));
      boolean isEnabled = q.rc() == 0;
      if (isEnabled != enabled) {
        changed = true;
        if (!ctx.checkMode()) {
          mustRun(ctx, data, timeout, argv(systemctl, enabled ? "enable" : "disable", unit));
        }
      }
      data.put("enabled", enabled);
    }
    if (state != null) {
      String status = firstWord(query(ctx, data, timeout, argv(systemctl, "is-active", unit)).stdout());
      data.put("status", status);
      boolean running = SYSTEMD_RUNNING.contains(status);
      if (!running && isMissing(ctx, data, timeout, systemctl, unit)) {
        // is-active says "inactive" for a unit that does not exist: a typo would pass as stopped.
        return ActionResult.failed("unit " + unit + " does not exist (systemctl show: LoadState=not-found);"
            + " check the name", data);
      }
      String verb = switch (state) {
        case "started" -> running ? null : "start";
        case "stopped" -> running ? "stop" : null;
        case "restarted" -> "restart";
        default -> running ? "reload" : "start";
      };
      if (verb != null) {
        changed = true;
        if (!ctx.checkMode()) {
          mustRun(ctx, data, timeout, argv(systemctl, verb, unit));
        }
      }
    }
    return ActionResult.of(changed, data);
  }

  private static String[] argv(String[] systemctl, String... more) {
    String[] out = java.util.Arrays.copyOf(systemctl, systemctl.length + more.length);
    System.arraycopy(more, 0, out, systemctl.length, more.length);
    return out;
  }

  private static boolean isMissing(ActionContext ctx, Map<String, Object> data, Duration timeout,
      String[] systemctl, String unit) {
    CommandResult r = ctx.transport().run(CommandSpec.of(argv(systemctl, "show", "-p", "LoadState", "--value", unit))
        .withTimeout(timeout));
    return r.rc() == 0 && r.stdout().strip().equals("not-found");
  }

  /** Runs a read-only systemctl query; a systemctl that cannot run at all fails the task. */
  private static CommandResult query(ActionContext ctx, Map<String, Object> data, Duration timeout,
      String... argv) {
    CommandResult r = ctx.transport().run(CommandSpec.of(argv).withTimeout(timeout));
    if (r.rc() < 0 || r.rc() >= 126 || r.stdout().isBlank()) {
      throw new Failed(ServiceAction.failure(String.join(" ", argv), r, data));
    }
    return r;
  }

  private static String firstWord(String s) {
    String t = s.strip();
    int end = 0;
    while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
      end++;
    }
    return t.substring(0, end);
  }

  private static void mustRun(ActionContext ctx, Map<String, Object> data, Duration timeout,
      String... argv) {
    CommandResult r = ctx.transport().run(CommandSpec.of(argv).withTimeout(timeout));
    if (!r.succeeded()) {
      throw new Failed(ServiceAction.failure(String.join(" ", argv), r, data));
    }
  }

  /** A command that failed, turned into the action's result. */
  static final class Failed extends RuntimeException {
    final transient ActionResult result;

    Failed(ActionResult result) {
      super(result.message(), null, false, false);
      this.result = result;
    }
  }
}
