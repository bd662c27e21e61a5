package io.runbook.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runbook.model.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code service} with {@code manager: daemontools}, against Debian's real daemontools. */
class DaemontoolsServiceTests {
  private final ActionContext ctx = new ClockedContext(new TestActionContext(), RunClock.SYSTEM);
  @TempDir Path dir;
  private Path service;

  private ActionResult run(Object... kv) {
    Map<String, Object> args = new HashMap<>(Map.of("name", "sleeper", "manager", "daemontools",
        "service_dir", service.toString(), "timeout", 20L));
    for (int i = 0; i < kv.length; i += 2) {
      args.put((String) kv[i], kv[i + 1]);
    }
    return new ServiceAction().execute(ctx, args);
  }

  private void install() throws Exception {
    service = Files.createDirectories(dir.resolve("status").resolve("sleeper"));
    Path run = service.resolve("run");
    // bounded: the service ends by itself after a minute
    Files.writeString(run, "#!/bin/sh\nexec sleep 60\n");
    Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String svstat(Path service) throws Exception {
    Process p = new ProcessBuilder("svstat", service.toString()).redirectErrorStream(true).start();
    p.waitFor(10, TimeUnit.SECONDS);
    return new String(p.getInputStream().readAllBytes()).strip();
  }

  @AfterEach
  void endSupervise() throws Exception {
    if (service != null && Files.exists(service.resolve("supervise"))) {
      new ProcessBuilder("svc", "-dx", service.toString()).start().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void startsSuperviseThenStopsAndStartsThroughSvcIdempotently() throws Exception {
    install();
    ActionResult start = run("state", "started");
    assertThat(start.status()).as(start.message()).isEqualTo(Status.CHANGED);
    assertThat(start.data()).containsEntry("status", "supervise not running");
    assertThat(svstat(service)).contains(": up (pid ");
    long supervise = Long.parseLong(Files.readString(service.resolve("pid")).strip());
    assertThat(ProcessHandle.of(supervise).map(h -> h.info().command().orElse(""))).hasValueSatisfying(
        c -> assertThat(c).endsWith("supervise"));

    ActionResult again = run("state", "started");
    assertThat(again.status()).isEqualTo(Status.OK);
    assertThat(again.data()).containsEntry("status", "up");

    ActionResult stop = run("state", "stopped");
    assertThat(stop.status()).as(stop.message()).isEqualTo(Status.CHANGED);
    Thread.sleep(1500);
    assertThat(svstat(service)).as("supervise does not restart a service svc -d took down").contains(": down ");
    assertThat(run("state", "stopped").status()).isEqualTo(Status.OK);

    ActionResult restarted = run("state", "restarted");
    assertThat(restarted.status()).as(restarted.message()).isEqualTo(Status.CHANGED);
    assertThat(restarted.data()).containsEntry("status", "down");
    assertThat(svstat(service)).contains(": up (pid ");
    assertThat(Long.parseLong(Files.readString(service.resolve("pid")).strip()))
        .as("the same supervise").isEqualTo(supervise);
  }

  @Test
  void readsSvstatsWords() {
    assertThat(DaemontoolsService.parse("status/pump: up (pid 12) 3 seconds")).isEqualTo(DaemontoolsService.Status.UP);
    assertThat(DaemontoolsService.parse("status/pump: down 2 seconds, normally up"))
        .isEqualTo(DaemontoolsService.Status.DOWN);
    assertThat(DaemontoolsService.parse("status/pump: supervise not running"))
        .isEqualTo(DaemontoolsService.Status.NO_SUPERVISE);
    assertThat(DaemontoolsService.parse("svstat: fatal: unable to open status/pump/supervise/ok: file does not exist"))
        .isEqualTo(DaemontoolsService.Status.NO_SUPERVISE);
  }

  @Test
  void aMissingSvstatFailsTheTaskWithWhatToInstallAndWrongArgumentsAreRefused() throws Exception {
    install();
    ActionResult r = run("state", "started", "daemontools_dir", dir.resolve("nowhere").toString());
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).contains("svstat cannot run").contains("install daemontools");
    assertThatThrownBy(() -> run("state", "reloaded")).hasMessageContaining("started, stopped or restarted");
    assertThatThrownBy(() -> run("state", "started", "pid_file", "/x")).hasMessageContaining("manager script");
    assertThatThrownBy(() -> run("state", "started", "systemctl", "/x")).hasMessageContaining("manager systemd");
  }
}
