package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code lab up --downstream mysql}: a real MariaDB server from Debian's packages
 * ({@code mariadbd}, {@code mariadb-install-db}, the {@code mariadb} client) in the lab's folder
 * {@code mariadb1/}: its own datadir, a unix socket in {@code status/}, a TCP port on 127.0.0.1,
 * and a user for the Drainers with a random password. It runs through the same start and stop
 * scripts as the lab's other processes, so {@code lab down} stops it (SIGTERM, a clean
 * shutdown). It has no deadline of its own: its run script starts a watchdog that sends it
 * SIGTERM at the lab's deadline, as the other processes stop by themselves then.
 */
final class LabMariaDb {
  static final String HOST = "mariadb1";
  static final String ROLE = "mariadb";
  /** The server's port before the lab's offset: MySQL's, which no other lab port is near. */
  static final int BASE_PORT = 3306;
  static final String USER = "runbook";
  static final String MISSING = "MariaDB is not installed; install it with: apt-get install mariadb-server";
  private static final long READY_MILLIS = 60_000;

  private LabMariaDb() {}

  /** A client for a server on {@code port} with a new random password. */
  static MariaDbClient newServer(int port) {
    byte[] secret = new byte[12];
    new SecureRandom().nextBytes(secret);
    return new MariaDbClient("127.0.0.1", port, USER, HexFormat.of().formatHex(secret));
  }

  /** Creates the server's datadir and scripts in {@code root/mariadb1}, starts it and creates the user. */
  static void start(Path root, MariaDbClient server, long deadlineEpochSeconds) throws IOException {
    Path mariadbd = find("mariadbd");
    Path installDb = find("mariadb-install-db");
    if (mariadbd == null || installDb == null || MariaDbClient.program() == null) {
      throw new LabException(MISSING);
    }
    Path dir = root.resolve(HOST);
    for (String sub : List.of("scripts", "conf", "log", "status")) {
      Files.createDirectories(dir.resolve(sub));
    }
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    String user = asRoot ? " --user=root" : ""; // mariadbd refuses to run as root unless told so
    run(dir, List.of("/bin/sh", "-c", LabFiles.quote(installDb.toString()) + " --no-defaults --datadir=\"$PWD/data\""
        + " --auth-root-authentication-method=socket --skip-test-db" + user + " > log/install.log 2>&1"));
    LabFiles.executable(dir.resolve("scripts").resolve("run_" + ROLE + ".sh"), "#!/bin/sh\n"
        + "# runs MariaDB in the foreground; start_" + ROLE + ".sh runs this in the background\n"
        + "cd \"$(dirname \"$0\")/..\" || exit 1\n"
        + "# the lab's deadline: a watchdog stops the server then (SIGTERM: a clean shutdown)\n"
        + "(while [ \"$(date +%s)\" -lt " + deadlineEpochSeconds + " ]; do sleep 5;"
        + " kill -0 $$ 2>/dev/null || exit 0; done; kill -TERM $$) </dev/null >/dev/null 2>&1 &\n"
        + "exec " + LabFiles.quote(mariadbd.toString()) + " --no-defaults --datadir=\"$PWD/data\""
        + " --socket=\"$PWD/status/mariadb.sock\" --bind-address=127.0.0.1 --port=" + server.port()
        + " --skip-name-resolve --skip-log-bin --performance-schema=OFF --innodb-buffer-pool-size=16M"
        // its own pid file stays out of status/, where every *.pid is a lab process to stop
        + " --log-error=\"$PWD/log/mariadb.log\" --pid-file=\"$PWD/data/mariadbd.pid\"" + user
        + " 2>> log/" + ROLE + "_stderr.log\n");
    LabFiles.executable(dir.resolve("scripts").resolve("start_" + ROLE + ".sh"), LabFiles.startScript(ROLE));
    LabFiles.executable(dir.resolve("scripts").resolve("stop_" + ROLE + ".sh"), LabFiles.stopScript(ROLE));
    LabProcesses.start(dir, ROLE);
    String socket = dir.resolve("status").resolve("mariadb.sock").toString();
    String grant = "create user if not exists '" + USER + "'@'127.0.0.1' identified by "
        + MariaDbClient.quote(server.password()) + ";\ngrant all privileges on *.* to '" + USER + "'@'127.0.0.1';\n";
    long until = System.currentTimeMillis() + READY_MILLIS;
    String last = "";
    while (System.currentTimeMillis() < until) {
      if (!LabProcesses.alive(dir, ROLE)) {
        throw new LabException(HOST + ": mariadbd exited at start; see " + dir.resolve("log").resolve("mariadb.log"));
      }
      // the OS user's own account, by socket: mariadb-install-db creates it with unix_socket
      List<String> cmd = List.of(MariaDbClient.program().toString(), "--no-defaults", "--socket=" + socket,
          "--user=" + System.getProperty("user.name"), "-e", grant);
      last = run(dir, cmd);
      if (last.isEmpty()) {
        return;
      }
      Daemon.pause(200);
    }
    throw new LabException(HOST + ": MariaDB not ready after " + READY_MILLIS / 1000 + " s: " + last);
  }

  /** {@code name} on the PATH or in the sbin folders, or null. */
  static Path find(String name) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin:/sbin";
    for (String d : path.split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
        return Path.of(d, name);
      }
    }
    return null;
  }

  /** Runs {@code cmd} in {@code dir} (bounded); its output when it failed, else "". */
  private static String run(Path dir, List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new LabException(HOST + ": " + cmd.get(0) + " did not finish within 60 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted while starting MariaDB");
    }
    String out = new String(p.getInputStream().readAllBytes()).strip();
    if (p.exitValue() == 0) {
      return "";
    }
    if (cmd.get(0).equals("/bin/sh")) {
      throw new LabException(HOST + ": mariadb-install-db failed; see " + dir.resolve("log").resolve("install.log"));
    }
    return out.isEmpty() ? "exit " + p.exitValue() : out;
  }
}
