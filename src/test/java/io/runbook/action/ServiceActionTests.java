package io.runbook.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbook.model.Status;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceActionTests {
  private final ServiceAction action = new ServiceAction();
  private final TestActionContext ctx = new TestActionContext();
  @TempDir Path dir;

  private Path fixture(String name, String as) throws IOException {
    Path target = dir.resolve(as);
    try (InputStream in = getClass().getResourceAsStream("/fixtures/actions/" + name)) {
      Files.copy(in, target);
    }
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
    return target;
  }

  private ActionResult run(Object... kv) {
    Map<String, Object> args = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      args.put((String) kv[i], kv[i + 1]);
    }
    return action.execute(ctx, args);
  }

  @Nested
  class Systemd {
    private Path systemctl;

    private List<String> calls() throws IOException {
      Path log = dir.resolve("systemctl.calls");
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private ActionResult systemd(Object... kv) throws IOException {
      if (systemctl == null) {
        systemctl = fixture("fake-systemctl.sh", "systemctl");
      }
      Object[] all = new Object[kv.length + 2];
      System.arraycopy(kv, 0, all, 0, kv.length);
      all[kv.length] = "systemctl";
      all[kv.length + 1] = systemctl.toString();
      return run(all);
    }

    @Test
    void startsAStoppedUnitAndThenReportsOk() throws Exception {
      ActionResult first = systemd("name", "pump-8250.service", "state", "started");
      assertThat(first.status()).isEqualTo(Status.CHANGED);
      assertThat(first.data()).containsEntry("name", "pump-8250.service")
          .containsEntry("state", "started").containsEntry("status", "inactive");
      ActionResult again = systemd("name", "pump-8250.service", "state", "started");
      assertThat(again.status()).isEqualTo(Status.OK);
      assertThat(again.data()).containsEntry("status", "active");
      assertThat(calls()).containsExactly("is-active pump-8250.service",
          "show -p LoadState --value pump-8250.service", "start pump-8250.service", "is-active pump-8250.service");
    }

    @Test
    void scopeUserRunsSystemctlWithUserForEveryCall() throws Exception {
      ActionResult r = systemd("name", "pump-8250.service", "state", "started", "scope", "user");
      assertThat(r.status()).isEqualTo(Status.CHANGED);
      assertThat(calls()).containsExactly("--user is-active pump-8250.service",
          "--user show -p LoadState --value pump-8250.service", "--user start pump-8250.service");
      assertThatThrownBy(() -> run("name", "pump", "manager", "script", "scripts_dir", "/x",
          "state", "started", "scope", "user")).hasMessageContaining("'service.scope' works only with manager systemd");
    }

    @Test
    void stopsOnlyARunningUnit() throws Exception {
      assertThat(systemd("name", "pump-8250.service", "state", "stopped").status()).isEqualTo(Status.OK);
      Files.createFile(dir.resolve("pump-8250.service.active"));
      assertThat(systemd("name", "pump-8250.service", "state", "stopped").status()).isEqualTo(Status.CHANGED);
      assertThat(dir.resolve("pump-8250.service.active")).doesNotExist();
      assertThat(calls()).contains("stop pump-8250.service");
    }

    @Test
    void aUnitThatDoesNotExistIsAFailureNotAStoppedUnit() throws Exception {
      ActionResult r = systemd("name", "missing-kafka.service", "state", "stopped");
      assertThat(r.status()).isEqualTo(Status.FAILED);
      assertThat(r.message()).contains("unit missing-kafka.service does not exist");
      assertThat(calls()).doesNotContain("stop missing-kafka.service");
    }

    @Test
    void restartsAlwaysAndReloadsARunningUnit() throws Exception {
      Files.createFile(dir.resolve("drainer-8249.service.active"));
      assertThat(systemd("name", "drainer-8249.service", "state", "restarted").status()).isEqualTo(Status.CHANGED);
      assertThat(systemd("name", "drainer-8249.service", "state", "reloaded").status()).isEqualTo(Status.CHANGED);
      assertThat(calls()).contains("restart drainer-8249.service", "reload drainer-8249.service");
    }

    @Test
    void enablesAndDisablesIdempotentlyAfterADaemonReload() throws Exception {
      ActionResult r = systemd("name", "pump-8250.service", "enabled", true, "daemon_reload", true);
      assertThat(r.status()).isEqualTo(Status.CHANGED);
      assertThat(r.data()).containsEntry("enabled", true);
      assertThat(systemd("name", "pump-8250.service", "enabled", true).status()).isEqualTo(Status.OK);
      assertThat(systemd("name", "pump-8250.service", "enabled", false).status()).isEqualTo(Status.CHANGED);
      assertThat(calls()).containsExactly("daemon-reload", "is-enabled pump-8250.service",
          "enable pump-8250.service", "is-enabled pump-8250.service", "is-enabled pump-8250.service",
          "disable pump-8250.service");
    }

    @Test
    void aFailingStartIsFailedWithTheCommandOutput() throws Exception {
      ActionResult r = systemd("name", "broken.service", "state", "started");
      assertThat(r.status()).isEqualTo(Status.FAILED);
      assertThat(r.message()).startsWith(systemctl + " start broken.service failed (exit code 1): ")
          .endsWith("Job for broken.service failed because the control process exited with error code.");
      assertThat(r.data()).containsEntry("rc", 1L).containsKey("stderr").containsEntry("name", "broken.service");
    }

    @Test
    void checkModePredictsFromTheQueriesWithoutActing() throws Exception {
      ctx.checkMode = true;
      assertThat(systemd("name", "pump-8250.service", "state", "started").status()).isEqualTo(Status.CHANGED);
      assertThat(systemd("name", "pump-8250.service", "state", "stopped").status()).isEqualTo(Status.OK);
      assertThat(systemd("name", "pump-8250.service", "enabled", true, "daemon_reload", true).status())
          .isEqualTo(Status.CHANGED);
      assertThat(calls()).containsExactly("is-active pump-8250.service",
          "show -p LoadState --value pump-8250.service", "is-active pump-8250.service",
          "show -p LoadState --value pump-8250.service", "is-enabled pump-8250.service");
    }

    @Test
    void aMissingSystemctlFailsClearly() {
      ActionResult r = run("name", "pump", "state", "started", "systemctl", dir.resolve("nope").toString());
      assertThat(r.status()).isEqualTo(Status.FAILED);
      assertThat(r.message()).contains("is-active pump failed").contains("cannot run");
    }

    @Test
    void refusesScriptOptionsAndNothingToDo() {
      assertThatThrownBy(() -> run("name", "pump", "state", "started", "pid_file", "/x"))
          .isInstanceOf(ActionException.class).hasMessageContaining("manager script");
      assertThatThrownBy(() -> run("name", "pump"))
          .isInstanceOf(ActionException.class).hasMessageContaining("needs state");
    }
  }

  @Nested
  class Scripts {
    private Path scripts;

    @AfterEach
    void killWhatTheScriptsStarted() throws IOException {
      Path pid = dir.resolve("scripts/sleeper.pid");
      if (Files.exists(pid)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroy);
      }
    }

    private void install() throws IOException {
      scripts = Files.createDirectories(dir.resolve("scripts"));
      fixture("start_sleeper.sh", "scripts/start_sleeper.sh");
      fixture("stop_sleeper.sh", "scripts/stop_sleeper.sh");
    }

    private List<String> calls() throws IOException {
      Path log = scripts.resolve("calls.log");
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private String pidFile() {
      return scripts.resolve("sleeper.pid").toString();
    }

    @Test
    void startsAndStopsThroughTheScriptsIdempotentlyWithAPidFile() throws Exception {
      install();
      ActionResult start = run("name", "sleeper", "manager", "supervise", "state", "started",
          "scripts_dir", scripts.toString(), "pid_file", pidFile());
      assertThat(start.status()).isEqualTo(Status.CHANGED);
      assertThat(start.data()).containsEntry("status", "stopped");
      long pid = Long.parseLong(Files.readString(scripts.resolve("sleeper.pid")).trim());
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

      ActionResult again = run("name", "sleeper", "manager", "script", "state", "started",
          "scripts_dir", scripts.toString(), "pid_file", pidFile());
      assertThat(again.status()).isEqualTo(Status.OK);
      assertThat(again.data()).containsEntry("status", "running");

      assertThat(run("name", "sleeper", "manager", "script", "state", "stopped",
          "scripts_dir", scripts.toString(), "pid_file", pidFile()).status()).isEqualTo(Status.CHANGED);
      assertThat(run("name", "sleeper", "manager", "script", "state", "stopped",
          "scripts_dir", scripts.toString(), "pid_file", pidFile()).status()).isEqualTo(Status.OK);
      assertThat(calls()).containsExactly("start", "stop");
    }

    @Test
    void restartedRunsStopThenStart() throws Exception {
      install();
      ActionResult r = run("name", "sleeper", "manager", "script", "state", "restarted",
          "scripts_dir", scripts.toString());
      assertThat(r.status()).isEqualTo(Status.CHANGED);
      assertThat(calls()).containsExactly("stop", "start");
    }

    @Test
    void learnsFromTheStatusPortWhetherItRuns() throws Exception {
      install();
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      Files.writeString(scripts.resolve("port"), String.valueOf(port));
      Object[] args = {"name", "sleeper", "manager", "script", "scripts_dir", scripts.toString(),
          "status_port", (long) port};
      assertThat(runWith(args, "state", "stopped").status()).isEqualTo(Status.OK);
      assertThat(runWith(args, "state", "started").status()).isEqualTo(Status.CHANGED);
      ActionResult up = new WaitForAction().execute(new ClockedContext(ctx, RunClock.SYSTEM),
          Map.of("port", (long) port, "timeout", 30L, "sleep", 0.1));
      assertThat(up.status()).isEqualTo(Status.OK);
      ActionResult again = runWith(args, "state", "started");
      assertThat(again.status()).isEqualTo(Status.OK);
      assertThat(again.data()).containsEntry("status", "running");
      assertThat(runWith(args, "state", "stopped").status()).isEqualTo(Status.CHANGED);
      assertThat(calls()).containsExactly("start", "stop");
    }

    private ActionResult runWith(Object[] base, Object... more) {
      Object[] all = new Object[base.length + more.length];
      System.arraycopy(base, 0, all, 0, base.length);
      System.arraycopy(more, 0, all, base.length, more.length);
      return run(all);
    }

    @Test
    void withoutAStatusItAlwaysRunsTheScriptAndCheckModeIsUnknown() throws Exception {
      install();
      Object[] args = {"name", "sleeper", "manager", "script", "scripts_dir", scripts.toString()};
      ctx.checkMode = true;
      ActionResult predicted = runWith(args, "state", "stopped");
      assertThat(predicted.status()).isEqualTo(Status.UNKNOWN);
      assertThat(predicted.message()).contains("status_port or pid_file");
      ctx.checkMode = false;
      assertThat(runWith(args, "state", "stopped").status()).isEqualTo(Status.CHANGED);
      assertThat(runWith(args, "state", "stopped").status()).isEqualTo(Status.CHANGED);
      assertThat(calls()).containsExactly("stop", "stop");
    }

    @Test
    void checkModePredictsFromThePidFileWithoutRunningScripts() throws Exception {
      install();
      ctx.checkMode = true;
      ActionResult r = run("name", "sleeper", "manager", "script", "state", "started",
          "scripts_dir", scripts.toString(), "pid_file", pidFile());
      assertThat(r.status()).isEqualTo(Status.CHANGED);
      assertThat(calls()).isEmpty();
    }

    @Test
    void aMissingOrFailingScriptFails() throws Exception {
      install();
      ActionResult missing = run("name", "pump", "manager", "script", "state", "started",
          "scripts_dir", scripts.toString());
      assertThat(missing.status()).isEqualTo(Status.FAILED);
      assertThat(missing.message()).isEqualTo("script " + scripts.resolve("start_pump.sh") + " does not exist");

      Path failing = scripts.resolve("stop_pump.sh");
      Files.writeString(failing, "#!/bin/sh\necho 'pump is not running' >&2\nexit 1\n");
      Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwxr-xr-x"));
      ActionResult r = run("name", "pump", "manager", "script", "state", "stopped",
          "scripts_dir", scripts.toString());
      assertThat(r.status()).isEqualTo(Status.FAILED);
      assertThat(r.message()).isEqualTo(failing + " failed (exit code 1): pump is not running");
      assertThat(r.data()).containsEntry("rc", 1L).containsEntry("stderr", "pump is not running");
    }

    @Test
    void quotesThePidFileForTheShell() throws Exception {
      install();
      Path odd = scripts.resolve("it's $(touch pwned) \"x\".pid");
      Files.writeString(odd, String.valueOf(ProcessHandle.current().pid()));
      ActionResult r = run("name", "sleeper", "manager", "script", "state", "started",
          "scripts_dir", scripts.toString(), "pid_file", odd.toString());
      assertThat(r.status()).isEqualTo(Status.OK);
      assertThat(r.data()).containsEntry("status", "running");
      assertThat(scripts.resolve("pwned")).doesNotExist();
      assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void refusesSystemdOptionsAndReload() {
      assertThatThrownBy(() -> run("name", "pump", "manager", "script", "state", "started"))
          .isInstanceOf(ActionException.class).hasMessageContaining("scripts_dir");
      assertThatThrownBy(() -> run("name", "pump", "manager", "script", "scripts_dir", "/x",
          "state", "started", "enabled", true))
          .isInstanceOf(ActionException.class).hasMessageContaining("manager systemd");
      assertThatThrownBy(() -> run("name", "pump", "manager", "script", "scripts_dir", "/x",
          "state", "reloaded"))
          .isInstanceOf(ActionException.class).hasMessageContaining("restarted");
    }
  }
}
