package io.runbook.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster era's processes as real OS processes: the Pump's state machine (SIGTERM → paused,
 * kill -9 leaves online, pause and close through its API), its persistent node id, TiDB's
 * refusals, and a Drainer that merges Pumps in commit order and resumes from its checkpoint.
 */
class ClusterProcessesTests {
  private static final int PD = 29379;
  @TempDir Path dir;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stopEverything() throws Exception {
    for (Process p : started) {
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
    }
    for (LabProcesses.Running r : LabProcesses.running(dir)) {
      LabProcesses.stop(r); // the MariaDB a test started
    }
  }

  private Process start(String component, String version, String... flags) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "io.runbook.lab.LabMain", component, "--release=" + version,
        "--lab-deadline=" + (System.currentTimeMillis() / 1000 + 120)));
    cmd.addAll(List.of(flags));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve(component + "-" + started.size() + ".out").toFile()).start();
    started.add(p);
    return p;
  }

  private void pd() throws Exception {
    start("pd-server", "v3.0.0", "--client-urls=http://127.0.0.1:" + PD, "--data-dir=" + dir.resolve("pd1/data.pd"));
    Eventually.within(15_000, () -> HttpJson.get("http://127.0.0.1:" + PD + "/pd/health"));
  }

  private Process pump(int port, String version) throws Exception {
    Process p = start("pump", version, "--addr=127.0.0.1:" + port, "--pd-urls=http://127.0.0.1:" + PD,
        "--data-dir=" + dir.resolve("pump" + port), "--log-file=" + dir.resolve("pump" + port + ".log"));
    Eventually.within(15_000, () -> assertThat(state(port)).isEqualTo("online"));
    return p;
  }

  private String state(int port) throws IOException {
    for (Map<String, Object> n : new Registry("http://127.0.0.1:" + PD).nodes(Registry.PUMPS).values()) {
      if (n.get("host").equals("127.0.0.1:" + port)) {
        return String.valueOf(n.get("state"));
      }
    }
    return "absent";
  }

  @Test
  void sigtermPausesThePumpKillLeavesItOnlineAndTheNodeIdSurvivesARestart() throws Exception {
    pd();
    Process p = pump(29250, "v3.0.0");
    String nodeId = Files.readString(dir.resolve("pump29250/.node")).strip();
    assertThat(nodeId).endsWith(":29250");
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(state(29250)).isEqualTo("paused");

    Process again = pump(29250, "v3.0.5");
    assertThat(Files.readString(dir.resolve("pump29250/.node")).strip()).isEqualTo(nodeId);
    again.destroyForcibly(); // kill -9
    again.waitFor(10, TimeUnit.SECONDS);
    assertThat(state(29250)).isEqualTo("online");
  }

  @Test
  void pauseAndCloseGoThroughTheirStatesAndTheProcessExits() throws Exception {
    pd();
    Process a = pump(29251, "v3.0.0");
    Process b = pump(29252, "v3.0.0");
    String idA = Files.readString(dir.resolve("pump29251/.node")).strip();
    Map<String, Object> wrong = Json.object(HttpJson.put("http://127.0.0.1:29251/state/nobody/pause", ""));
    assertThat(wrong).containsEntry("code", 3);
    assertThat(String.valueOf(wrong.get("message"))).contains("invalide nodeID nobody, this pump's nodeID is " + idA);
    Map<String, Object> bad = Json.object(HttpJson.put("http://127.0.0.1:29251/state/" + idA + "/stop", ""));
    assertThat(String.valueOf(bad.get("message"))).isEqualTo("invalide action stop");

    Map<String, Object> ok = Json.object(HttpJson.put("http://127.0.0.1:29251/state/" + idA + "/pause", ""));
    assertThat(ok).containsEntry("message", "apply action pause success!").containsEntry("code", 200);
    assertThat(a.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(state(29251)).isEqualTo("paused");

    String idB = Files.readString(dir.resolve("pump29252/.node")).strip();
    HttpJson.put("http://127.0.0.1:29252/state/" + idB + "/close", "");
    assertThat(b.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(state(29252)).isEqualTo("offline");
  }

  @Test
  void tidbRefusesClusterBinlogWithoutAPumpAndAReleaseOfTheWrongGeneration() throws Exception {
    pd();
    Files.writeString(dir.resolve("tidb.toml"), "[binlog]\nenable = true\n");
    Process noPump = start("tidb-server", "v3.0.0", "-P", "29400", "--status=29480",
        "--path=127.0.0.1:" + PD, "--config=" + dir.resolve("tidb.toml"), "--lab-store=" + dir.resolve("t1"));
    assertThat(noPump.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(noPump.exitValue()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("tidb-server-1.out"))).contains("no pump found in pd");

    Process old = start("tidb-server", "v2.1.0-rc.4", "-P", "29401", "--status=29481",
        "--path=127.0.0.1:" + PD, "--config=" + dir.resolve("tidb.toml"), "--lab-store=" + dir.resolve("t2"));
    assertThat(old.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(dir.resolve("tidb-server-2.out"))).contains("predates the cluster version");
  }

  @Test
  void theDrainerMergesThePumpsInCommitOrderAndResumesFromItsCheckpoint() throws Exception {
    pd();
    pump(29253, "v3.0.0");
    pump(29254, "v3.0.0");
    Files.writeString(dir.resolve("drainer.toml"), "synced-check-time = 1\n[syncer]\ndb-type = \"file\"\n[syncer.to]\ndir = \""
        + dir.resolve("downstream") + "\"\n");
    String[] drainerFlags = {"--addr=127.0.0.1:29249", "--pd-urls=http://127.0.0.1:" + PD,
        "--data-dir=" + dir.resolve("drainer"), "--config=" + dir.resolve("drainer.toml")};
    Process drainer = start("drainer", "v3.0.0", drainerFlags);
    Files.writeString(dir.resolve("tidb.toml"), "[binlog]\nenable = true\n");
    Process tidb = start("tidb-server", "v3.0.0", "-P", "29402", "--status=29482", "--path=127.0.0.1:" + PD,
        "--config=" + dir.resolve("tidb.toml"), "--lab-store=" + dir.resolve("tidb1/data.tidb"),
        "--lab-write-interval-ms=10");
    Thread.sleep(1500);
    drainer.destroy();
    drainer.waitFor(10, TimeUnit.SECONDS);
    Thread.sleep(500);
    start("drainer", "v3.0.0", drainerFlags);
    Thread.sleep(1500);
    tidb.destroy();
    tidb.waitFor(10, TimeUnit.SECONDS);

    Eventually.within(15_000, () -> assertThat(Json.object(HttpJson.get("http://127.0.0.1:29249/status")))
        .containsEntry("Synced", true));
    LabVerifier.Result r = new LabVerifier(dir).verify(java.time.Duration.ofSeconds(10));
    assertThat(r.committed()).isGreaterThan(10);
    assertThat(r.ok()).as("%s", r).isTrue();
  }

  @Test
  void aPausedPumpStallsTheDrainerUntilItIsBackOnlineOrMadeOffline() throws Exception {
    pd();
    pump(29255, "v3.0.0");
    pump(29256, "v3.0.0");
    String idA = Files.readString(dir.resolve("pump29255/.node")).strip();
    Files.writeString(dir.resolve("drainer.toml"), "synced-check-time = 1\n[syncer]\ndb-type = \"file\"\n[syncer.to]\ndir = \""
        + dir.resolve("downstream") + "\"\n");
    start("drainer", "v3.0.0", "--addr=127.0.0.1:29248", "--pd-urls=http://127.0.0.1:" + PD,
        "--data-dir=" + dir.resolve("drainer"), "--config=" + dir.resolve("drainer.toml"));
    Files.writeString(dir.resolve("tidb.toml"), "[binlog]\nenable = true\n");
    start("tidb-server", "v3.0.0", "-P", "29403", "--status=29483", "--path=127.0.0.1:" + PD,
        "--config=" + dir.resolve("tidb.toml"), "--lab-store=" + dir.resolve("tidb1/data.tidb"),
        "--lab-write-interval-ms=10");
    Eventually.within(15_000, () -> assertThat(lastTs()).isGreaterThan(0));
    long first = lastTs();
    Eventually.within(15_000, () -> assertThat(lastTs()).isGreaterThan(first));

    HttpJson.put("http://127.0.0.1:29255/state/" + idA + "/pause", "");
    Eventually.within(15_000, () -> assertThat(state(29255)).isEqualTo("paused"));
    Thread.sleep(1000); // what was pulled before the pause is applied
    long stalled = lastTs();
    Thread.sleep(3000); // TiDB keeps committing through the other Pump
    assertThat(lastTs()).as("the Drainer waits for the paused Pump").isEqualTo(stalled);

    pump(29255, "v3.0.0"); // back online: replication goes on
    Eventually.within(15_000, () -> assertThat(lastTs()).isGreaterThan(stalled));
    LabTimeline during = LabTimeline.read(dir);
    assertThat(during.longestStallMillis()).as("lab verify sees the stall").isGreaterThan(3000);
    assertThat(during.noPumpMillis()).as("the other Pump stayed online").isZero();
    LabVerifier.Result strict = new LabVerifier(dir).verify(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(1));
    assertThat(strict.stalledTooLong()).isTrue();
    assertThat(strict.ok()).isFalse();

    HttpJson.put("http://127.0.0.1:29255/state/" + idA + "/pause", "");
    Eventually.within(15_000, () -> assertThat(state(29255)).isEqualTo("paused"));
    Thread.sleep(1000);
    long again = lastTs();
    Process ctl = start("binlogctl", "v3.0.0", "-pd-urls=http://127.0.0.1:" + PD, "-cmd", "update-pump",
        "-node-id", idA, "-state", "offline");
    assertThat(ctl.waitFor(30, TimeUnit.SECONDS) && ctl.exitValue() == 0).as("binlogctl update-pump").isTrue();
    assertThat(state(29255)).isEqualTo("offline");
    Eventually.within(15_000, () -> assertThat(lastTs()).isGreaterThan(again));
  }

  @Test
  void binlogctlListsTheNodesAsTheRealOneAndRefusesAnIllegalState() throws Exception {
    pd();
    pump(29257, "v3.0.0");
    String id = Files.readString(dir.resolve("pump29257/.node")).strip();
    Process list = start("binlogctl", "v3.0.0", "-pd-urls=http://127.0.0.1:" + PD, "-cmd", "pumps");
    assertThat(list.waitFor(30, TimeUnit.SECONDS) && list.exitValue() == 0).isTrue();
    assertThat(Files.readString(dir.resolve("binlogctl-" + (started.size() - 1) + ".out")))
        .contains("[\"query node\"] [type=pump] [node=\"{NodeID: " + id + ", Addr: 127.0.0.1:29257, State: online,");
    Process bad = start("binlogctl", "v3.0.0", "-pd-urls=http://127.0.0.1:" + PD, "-cmd", "update-pump",
        "-node-id", id, "-state", "gone");
    assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.exitValue()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("binlogctl-" + (started.size() - 1) + ".out"))).contains("state gone is illegal");
    assertThat(state(29257)).isEqualTo("online");
  }

  private long lastTs() throws IOException {
    Map<String, Object> status = Json.object(HttpJson.get("http://127.0.0.1:29248/status"));
    return Json.number(status.get("LastTS"));
  }

  @Test
  void withNoPumpAvailableATidbUpToV3012StopsServingAtOnceAndOnlyARestartBringsItBack() throws Exception {
    pd();
    pump(29257, "v3.0.0");
    String id = Files.readString(dir.resolve("pump29257/.node")).strip();
    Files.writeString(dir.resolve("tidb.toml"), "[binlog]\nenable = true\nwrite-timeout = \"15s\"\n");
    start("tidb-server", "v3.0.0", "-P", "29404", "--status=29484", "--path=127.0.0.1:" + PD,
        "--config=" + dir.resolve("tidb.toml"), "--lab-store=" + dir.resolve("tidb1/data.tidb"),
        "--lab-write-interval-ms=10");
    Eventually.within(15_000, () -> assertThat(sqlAnswers(29404)).isTrue());
    // the status port opens beside the SQL port, not necessarily before it
    Eventually.within(15_000, () -> HttpJson.get("http://127.0.0.1:29484/status"));
    assertThat(Json.object(HttpJson.get("http://127.0.0.1:29484/settings")).get("binlog"))
        .isEqualTo(Map.of("enable", true, "write-timeout", "15s", "ignore-error", false, "binlog-socket", "",
            "strategy", "range"));
    assertThat(text("http://127.0.0.1:29484/metrics")).contains("tidb_server_critical_error_total 0");

    long paused = System.currentTimeMillis();
    HttpJson.put("http://127.0.0.1:29257/state/" + id + "/pause", ""); // the only Pump
    Eventually.within(10_000, () -> assertThat(sqlAnswers(29404)).isFalse());
    assertThat(System.currentTimeMillis() - paused).as("at once, not after write-timeout").isLessThan(8_000);
    Thread.sleep(500);
    assertThat(LabTimeline.read(dir).noPumpMillis()).as("lab verify sees the window with no Pump").isGreaterThan(400);
    assertThat(text("http://127.0.0.1:29484/metrics")).contains("tidb_server_critical_error_total 1");
    assertThat(Json.object(HttpJson.get("http://127.0.0.1:29484/status"))).containsKey("version");

    pump(29257, "v3.0.0"); // a Pump again is not enough: the listener stays stopped
    Thread.sleep(1500);
    assertThat(sqlAnswers(29404)).isFalse();
  }

  @Test
  void aLaterTidbFailsTheStatementAndIgnoreErrorSkipsBinlogUntilRecovered() throws Exception {
    pd();
    pump(29258, "v3.0.0");
    String id = Files.readString(dir.resolve("pump29258/.node")).strip();
    Files.writeString(dir.resolve("strict.toml"), "[binlog]\nenable = true\n");
    Files.writeString(dir.resolve("lenient.toml"), "[binlog]\nenable = true\nignore-error = true\n");
    start("tidb-server", "v3.0.13", "-P", "29405", "--status=29485", "--path=127.0.0.1:" + PD,
        "--config=" + dir.resolve("strict.toml"), "--lab-store=" + dir.resolve("tidb1/data.tidb"),
        "--lab-write-interval-ms=10");
    start("tidb-server", "v3.0.0", "-P", "29406", "--status=29486", "--path=127.0.0.1:" + PD,
        "--config=" + dir.resolve("lenient.toml"), "--lab-store=" + dir.resolve("tidb2/data.tidb"),
        "--lab-write-interval-ms=10");
    Eventually.within(15_000, () -> assertThat(sqlAnswers(29405) && sqlAnswers(29406)).isTrue());
    HttpJson.put("http://127.0.0.1:29258/state/" + id + "/pause", "");
    Eventually.within(10_000, () -> assertThat(Json.object(HttpJson.get("http://127.0.0.1:29485/lab/stats")).get("failed"))
        .isNotEqualTo(0));
    assertThat(sqlAnswers(29405)).as("v3.0.13 fails the statement and goes on serving").isTrue();

    Eventually.within(10_000, () -> assertThat(Json.object(HttpJson.get("http://127.0.0.1:29486/lab/stats")))
        .containsEntry("binlog", "skipped after an error"));
    assertThat(text("http://127.0.0.1:29486/metrics")).contains("tidb_server_critical_error_total 1");
    assertThat(sqlAnswers(29406)).isTrue();
    pump(29258, "v3.0.0");
    assertThat(text("http://127.0.0.1:29486/binlog/recover")).contains("success!");
    assertThat(Json.object(HttpJson.get("http://127.0.0.1:29486/lab/stats"))).containsEntry("binlog", "on");
  }

  private static String text(String url) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }

  private static boolean sqlAnswers(int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aPumpTakesTheGivenNodeIdWithoutANodeFileAndAFailedStartLeavesItAsItsReleaseDoes() throws Exception {
    pd();
    pump(29259, "v3.0.5");
    assertThat(Files.readString(dir.resolve("pump29259/.node")).strip()).endsWith(":29259");
    Process given = start("pump", "v3.0.5", "--addr=127.0.0.1:29260", "--pd-urls=http://127.0.0.1:" + PD,
        "--node-id=tiup-pump-29260", "--data-dir=" + dir.resolve("pump29260"));
    Eventually.within(15_000, () -> assertThat(new Registry("http://127.0.0.1:" + PD).nodes(Registry.PUMPS))
        .containsKey("tiup-pump-29260"));
    given.destroy();
    given.waitFor(10, TimeUnit.SECONDS);

    // An online Drainer that does not answer: a new Pump cannot notify it and does not start.
    new Registry("http://127.0.0.1:" + PD).put(Registry.DRAINERS + "ghost:8249",
        NodeId.status("ghost:8249", "127.0.0.1:1", "online", 0, 0));
    for (String[] release : new String[][] {{"v3.0.5", "29261", "offline"}, {"v3.0.0", "29262", "paused"}}) {
      Process p = start("pump", release[0], "--addr=127.0.0.1:" + release[1], "--pd-urls=http://127.0.0.1:" + PD,
          "--data-dir=" + dir.resolve("pump" + release[1]));
      assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isNotZero();
      assertThat(state(Integer.parseInt(release[1]))).as("pump %s after a failed start", release[0]).isEqualTo(release[2]);
    }
  }

  @Test
  void aDrainerIsOnlineBeforeItsPortOpensAndStartsWhereItsReleaseDoes() throws Exception {
    pd();
    Files.writeString(dir.resolve("d.toml"), "[syncer]\ndb-type = \"file\"\n[syncer.to]\ndir = \"" + dir.resolve("down-old") + "\"\n");
    Files.writeString(dir.resolve("n.toml"), "[syncer]\ndb-type = \"file\"\n[syncer.to]\ndir = \"" + dir.resolve("down-new") + "\"\n");
    start("drainer", "v3.0.8", "--addr=127.0.0.1:29246", "--pd-urls=http://127.0.0.1:" + PD,
        "--data-dir=" + dir.resolve("drainer-new"), "--config=" + dir.resolve("n.toml"), "--lab-ddl-load-ms=4000");
    Eventually.within(15_000, () -> assertThat(new Registry("http://127.0.0.1:" + PD).nodes(Registry.DRAINERS)
        .values()).anyMatch(d -> "127.0.0.1:29246".equals(d.get("host")) && "online".equals(d.get("state"))));
    assertThat(sqlAnswers(29246)).as("still loading its DDL history").isFalse();
    Eventually.within(15_000, () -> assertThat(sqlAnswers(29246)).isTrue());
    long now = new Registry("http://127.0.0.1:" + PD).tso();
    assertThat(Json.number(Json.object(HttpJson.get("http://127.0.0.1:29246/status")).get("LastTS")))
        .as("from v3.0.8 a Drainer without a checkpoint starts at PD's latest TSO").isGreaterThan(0).isLessThan(now);

    start("drainer", "v3.0.5", "--addr=127.0.0.1:29247", "--pd-urls=http://127.0.0.1:" + PD,
        "--data-dir=" + dir.resolve("drainer-old"), "--config=" + dir.resolve("d.toml"), "--lab-ddl-load-ms=0");
    Eventually.within(15_000, () -> assertThat(sqlAnswers(29247)).isTrue());
    assertThat(Json.number(Json.object(HttpJson.get("http://127.0.0.1:29247/status")).get("LastTS")))
        .as("up to v3.0.7 it starts at 0").isZero();
  }

  @Test
  void aPumpRefusesWritesBelowItsAvailableSpaceThresholdAndShowsItsStorageOnMetrics() throws Exception {
    pd();
    Process low = start("pump", "v3.0.5", "--addr=127.0.0.1:29263", "--pd-urls=http://127.0.0.1:" + PD,
        "--data-dir=" + dir.resolve("pump29263"), "--lab-available-space=5 gib");
    Eventually.within(15_000, () -> assertThat(state(29263)).isEqualTo("online"));
    assertThat(text("http://127.0.0.1:29263/metrics"))
        .contains("binlog_pump_storage_storage_size_bytes{type=\"available\"} 5368709120");
    long ts = new Registry("http://127.0.0.1:" + PD).tso();
    assertThat(post("http://127.0.0.1:29263/lab/binlog", "{\"commitTS\": " + ts + ", \"payload\": \"x\"}"))
        .contains("no available space, available: 5368709120, StopWriteAtAvailableSpace: 10737418240");

    Files.writeString(dir.resolve("small.toml"), "[storage]\nstop-write-at-available-space = \"1 gib\"\n");
    start("pump", "v3.0.5", "--addr=127.0.0.1:29264", "--pd-urls=http://127.0.0.1:" + PD,
        "--data-dir=" + dir.resolve("pump29264"), "--lab-available-space=5 gib", "--config=" + dir.resolve("small.toml"));
    Eventually.within(15_000, () -> assertThat(state(29264)).isEqualTo("online"));
    long later = new Registry("http://127.0.0.1:" + PD).tso() + (1 << 20);
    assertThat(post("http://127.0.0.1:29264/lab/binlog", "{\"commitTS\": " + later + ", \"payload\": \"x\"}"))
        .contains("\"code\":200");
    low.destroy();
  }

  private static String post(String url, String body) throws Exception {
    return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }

  private String[] drainerFlags(int port, String dataDir, Path config) {
    return new String[] {"--addr=127.0.0.1:" + port, "--pd-urls=http://127.0.0.1:" + PD,
        "--data-dir=" + dir.resolve(dataDir), "--config=" + config, "--initial-commit-ts=0"};
  }

  private Process tidb(int port) throws IOException {
    Files.writeString(dir.resolve("tidb.toml"), "[binlog]\nenable = true\n");
    return start("tidb-server", "v3.0.0", "-P", String.valueOf(port), "--status=" + (port + 80),
        "--path=127.0.0.1:" + PD, "--config=" + dir.resolve("tidb.toml"),
        "--lab-store=" + dir.resolve("tidb1/data.tidb"), "--lab-write-interval-ms=10");
  }

  private static final java.util.regex.Pattern FILE_SAVEPOINT =
      java.util.regex.Pattern.compile("consistent = false\ncommitTS = (\\d+)\nschema-version = 0\n");

  @Test
  void aFileSinkKeepsItsSavepointInItsOwnDataDirSoASecondDrainerDoesNotShareIt() throws Exception {
    pd();
    pump(29257, "v3.0.0");
    Path conf = dir.resolve("drainer.toml");
    Files.writeString(conf, "synced-check-time = 1\n[syncer]\ndb-type = \"file\"\n[syncer.to]\ndir = \""
        + dir.resolve("downstream") + "\"\n");
    Process first = start("drainer", "v3.0.0", drainerFlags(29244, "drainer-a", conf));
    Process tidb = tidb(29404);
    Path savepoint = dir.resolve("drainer-a").resolve("savepoint");
    Eventually.within(15_000, () -> assertThat(savepoint).exists());
    for (int i = 0; i < 300; i++) { // rewritten all along: always whole (temp file, then rename)
      assertThat(Files.readString(savepoint)).matches(FILE_SAVEPOINT);
      Thread.sleep(5);
    }
    tidb.destroy();
    tidb.waitFor(10, TimeUnit.SECONDS);
    Eventually.within(15_000, () -> assertThat(new LabVerifier(dir).verify(java.time.Duration.ZERO).ok()).isTrue());
    first.destroy();
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
    java.util.regex.Matcher m = FILE_SAVEPOINT.matcher(Files.readString(savepoint));
    assertThat(m.matches()).isTrue();
    long lastApplied = BinlogFile.read(dir.resolve("downstream").resolve(FileDownstream.BINLOG)).stream()
        .mapToLong(BinlogFile.Entry::commitTs).max().orElseThrow();
    assertThat(Long.parseLong(m.group(1))).isEqualTo(lastApplied);
    try (var files = Files.list(dir.resolve("downstream"))) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("binlog.log", "applied-at.log");
    }
    try (var files = Files.list(dir.resolve("drainer-a"))) {
      assertThat(files.map(f -> f.getFileName().toString())).doesNotContain("savepoint.tmp");
    }

    // Another Drainer on the same folder, with its own data dir: no savepoint, so it starts at
    // its initial-commit-ts (0) and applies again what the first one had.
    start("drainer", "v3.0.0", drainerFlags(29245, "drainer-b", conf));
    Eventually.within(15_000, () -> assertThat(dir.resolve("drainer-b").resolve("savepoint")).exists());
    Eventually.within(15_000, () -> assertThat(new LabVerifier(dir).verify(java.time.Duration.ZERO).duplicated())
        .isEqualTo((int) BinlogFile.read(dir.resolve("tidb1/data.tidb/committed.log")).size()));
  }

  @Test
  void aDrainerKilledAndRestartedResumesFromTheMysqlCheckpointRowWithNothingTwice() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(LabMariaDb.find("mariadbd") != null, "mariadbd is not installed");
    MariaDbClient server = LabMariaDb.newServer(29307);
    new LabSink(LabSink.MYSQL, server).write(dir);
    LabMariaDb.start(dir, server, System.currentTimeMillis() / 1000 + 120);
    assertThat(LabProcesses.running(dir)).as("one lab process for lab down to stop, by its stop script")
        .extracting(LabProcesses.Running::role).containsExactly("mariadb");
    pd();
    pump(29258, "v3.0.0");
    Path conf = dir.resolve("drainer.toml");
    Files.writeString(conf, "synced-check-time = 1\n[syncer]\ndb-type = \"mysql\"\n[syncer.to]\nhost = \"127.0.0.1\"\n"
        + "port = 29307\nuser = \"" + server.user() + "\"\npassword = \"" + server.password() + "\"\n"
        + "[syncer.to.checkpoint]\nschema = \"lab_cp\"\n");
    String[] flags = drainerFlags(29243, "drainer", conf);
    Process drainer = start("drainer", "v3.0.0", flags);
    Process tidb = tidb(29405);
    Eventually.within(20_000, () -> assertThat(server.run("select count(*) from lab.binlog;").strip()).isNotEqualTo("0"));
    drainer.destroyForcibly(); // kill -9: whatever it was applying is rolled back with its checkpoint
    drainer.waitFor(10, TimeUnit.SECONDS);
    start("drainer", "v3.0.0", flags);
    Thread.sleep(1500);
    tidb.destroy();
    tidb.waitFor(10, TimeUnit.SECONDS);

    LabVerifier.Result r = new LabVerifier(dir).verify(java.time.Duration.ofSeconds(20));
    assertThat(r.committed()).isGreaterThan(10);
    assertThat(r.ok()).as("%s", r).isTrue();
    long clusterId = new Registry("http://127.0.0.1:" + PD).clusterId();
    Map<String, Object> row = MysqlDownstream.read(server, "lab_cp.checkpoint", clusterId);
    long lastApplied = Long.parseLong(server.run("select max(commit_ts) from lab.binlog;").strip());
    assertThat(row).containsOnlyKeys("consistent", "commitTS", "ts-map", "schema-version");
    assertThat(Json.number(row.get("commitTS"))).isEqualTo(lastApplied);
    assertThat(server.run("select count(*) from lab_cp.checkpoint;").strip()).isEqualTo("1");
  }

  @Test
  void theLabsMariaDbStopsByItselfAtTheLabsDeadline() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(LabMariaDb.find("mariadbd") != null, "mariadbd is not installed");
    MariaDbClient server = LabMariaDb.newServer(29308);
    LabMariaDb.start(dir, server, System.currentTimeMillis() / 1000 + 3);
    assertThat(server.run("select 1;").strip()).isEqualTo("1");
    Eventually.within(30_000, () -> assertThat(LabProcesses.running(dir)).isEmpty());
    assertThat(Files.readString(dir.resolve("mariadb1/log/mariadb.log"))).contains("Shutdown complete");
  }
}
