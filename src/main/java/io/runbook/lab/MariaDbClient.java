package io.runbook.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lab's way to talk to its MariaDB: the {@code mariadb} command-line client from Debian's
 * packages, one run per statement batch, the batch on standard input. Chosen over MariaDB
 * Connector/J because the lab's processes are small JVMs ({@code -Xmx96m}) started often: the
 * client keeps the driver out of every one of them and out of the jar, and it is the client that
 * comes with the server package the lab needs anyway. A batch sent as one run is one session,
 * so {@code start transaction; ...; commit;} is one transaction; the client stops at the first
 * error (no {@code --force}), and the server rolls back what was not committed. The password goes
 * in the environment ({@code MYSQL_PWD}), never on a command line others can read in {@code ps}.
 *
 * @param host the server's address; TCP is forced, as the real Drainer's Go driver uses TCP
 *     also for {@code localhost}
 * @param port its port
 * @param user the user
 * @param password the password (may be empty)
 */
record MariaDbClient(String host, int port, String user, String password) {
  private static final long TIMEOUT_SECONDS = 20;

  /** The {@code [syncer.to]} server of a Drainer's config, with drainer/config.go's defaults. */
  static MariaDbClient from(LabConfig conf) {
    return new MariaDbClient(conf.string("syncer.to.host", "localhost"), (int) conf.number("syncer.to.port", 3306),
        conf.string("syncer.to.user", "root"), conf.string("syncer.to.password", ""));
  }

  /** The client program, or null when it is not installed. */
  static Path program() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      for (String name : List.of("mariadb", "mysql")) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  /** Runs {@code sql}; the rows it selects, one per line, columns separated by tabs. */
  String run(String sql) throws IOException {
    Path program = program();
    if (program == null) {
      throw new IOException("the mariadb client is not installed (apt-get install mariadb-client)");
    }
    List<String> cmd = new ArrayList<>(List.of(program.toString(), "--no-defaults", "--protocol=TCP",
        "--host=" + ("localhost".equals(host) ? "127.0.0.1" : host), "--port=" + port, "--user=" + user,
        "--batch", "--raw", "--skip-column-names", "--connect-timeout=5"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
    pb.environment().put("MYSQL_PWD", password);
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(sql.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // it stopped reading (it could not connect): its exit status and message say why
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread drainOut = drain(p.getInputStream(), out);
    Thread drain = drain(p.getErrorStream(), err);
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("mariadb at " + host + ":" + port + " did not answer within " + TIMEOUT_SECONDS + " s");
      }
      drainOut.join(1000);
      drain.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while talking to mariadb");
    }
    if (p.exitValue() != 0) {
      throw new IOException("mariadb at " + host + ":" + port + ": " + err.toString(StandardCharsets.UTF_8).strip());
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Thread drain(InputStream from, ByteArrayOutputStream to) {
    Thread t = new Thread(() -> {
      try {
        from.transferTo(to);
      } catch (IOException ignored) {
        // the process is gone
      }
    }, "mariadb-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** {@code text} as a SQL string literal. */
  static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
