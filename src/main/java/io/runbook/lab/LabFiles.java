package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Writes the lab to disk: the release packages under {@code packages/} (each binary a script
 * stamped with its release that starts the lab component), and each node's deploy folder with
 * {@code bin/}, {@code scripts/}, {@code conf/}, {@code log/}, {@code data.*} and {@code status/}.
 * The scripts are those the bundled playbooks write for {@code process_supervision: script}
 * (the default layout).
 */
final class LabFiles {
  private final LabLayout layout;
  private final String java;
  private final Path jar;
  private final long deadlineEpochSeconds;

  LabFiles(LabLayout layout, Path jar, long deadlineEpochSeconds) {
    this.layout = layout;
    this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.jar = jar;
    this.deadlineEpochSeconds = deadlineEpochSeconds;
  }

  void writePackages() throws IOException {
    for (LabPackage p : LabPackage.shipped()) {
      Path bin = layout.packages().resolve(p.name()).resolve("bin");
      Files.createDirectories(bin);
      for (LabPackage.Binary b : p.binaries()) {
        executable(bin.resolve(b.file()), binaryScript(b.component(), p.version()));
      }
    }
  }

  /** {@code runtime/reimport.sh}: the lab's full re-import (see LabReimport). */
  void writeReimportScript() throws IOException {
    executable(layout.root().resolve("runtime").resolve("reimport.sh"), "#!/bin/sh\n"
        + "# the lab's full re-import: downstream := everything TiDB committed; prints the snapshot TSO\n"
        + "exec " + quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp " + quote(jar.toString())
        + " io.runbook.lab.LabMain reimport --lab-dir=" + quote(layout.root().toString()) + "\n");
  }

  /**
   * {@code runtime/bin/tiup}: the lab's tiup on the controller (see LabTiup), its home the lab's
   * {@code tiup/} unless TIUP_HOME says otherwise.
   */
  void writeTiup() throws IOException {
    Path bin = layout.root().resolve("runtime").resolve("bin");
    Files.createDirectories(bin);
    String script = binaryScript("tiup", "v1.12.0");
    int exec = script.indexOf("exec ");
    executable(bin.resolve("tiup"), script.substring(0, exec) + "[ -n \"$TIUP_HOME\" ] || TIUP_HOME="
        + quote(layout.root().resolve("tiup").toString()) + "\nexport TIUP_HOME\n" + script.substring(exec));
  }

  String binaryScript(String component, String version) {
    return "#!/bin/sh\n"
        + "# " + component + " " + version + ": a runbook lab build (a simulator, not the real binary).\n"
        + "# Replacing this file is an upgrade; '-V' prints the release.\n"
        + "if [ \"$(date +%s)\" -ge " + deadlineEpochSeconds + " ]; then\n"
        + "  # past the lab's deadline: a daemontools supervise of this folder must not start it again\n"
        + "  sv=svc; [ -x bin/svc ] && sv=bin/svc\n"
        + "  for d in status/*/supervise; do [ -d \"$d\" ] && \"$sv\" -dx \"${d%/supervise}\"; done 2>/dev/null\n"
        + "  echo \"the lab's deadline has passed\" >&2; exit 1\n"
        + "fi\n"
        + "exec " + quote(java) + " -Xmx96m -Xss512k -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
        + " -XX:-UsePerfData -cp " + quote(jar.toString()) + " io.runbook.lab.LabMain " + component
        + " --release=" + version + " --lab-deadline=" + deadlineEpochSeconds + " \"$@\"\n";
  }

  void deploy(LabNode node) throws IOException {
    Path dir = deployFiles(node);
    executable(dir.resolve("scripts").resolve(node.runScript()), runScript(node));
    executable(dir.resolve("scripts").resolve("start_" + node.role() + ".sh"), startScript(node.role()));
    executable(dir.resolve("scripts").resolve("stop_" + node.role() + ".sh"), stopScript(node.role()));
  }

  /** The deploy folder without its scripts: bin/ with the binary, conf/, log/, status/; returns it. */
  Path deployFiles(LabNode node) throws IOException {
    Path dir = layout.root().resolve(node.dir());
    for (String sub : List.of("bin", "scripts", "conf", "log", "status")) {
      Files.createDirectories(dir.resolve(sub));
    }
    Files.copy(layout.packages().resolve(node.packageName()).resolve("bin").resolve(node.binary()),
        dir.resolve("bin").resolve(node.binary()), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.COPY_ATTRIBUTES);
    if (node.config() != null) {
      Files.writeString(dir.resolve("conf").resolve(node.role() + ".toml"), node.config());
    }
    return dir;
  }

  private static String runScript(LabNode node) {
    StringBuilder b = new StringBuilder("#!/bin/sh\n# runs " + node.role()
        + " in the foreground; start_" + node.role() + ".sh runs this in the background\n"
        + "cd \"$(dirname \"$0\")/..\" || exit 1\nexec bin/" + node.binary());
    for (String f : node.runFlags()) {
      b.append(" \\\n    ").append(quote(f));
    }
    return b.append(" \\\n    2>> log/").append(node.role()).append("_stderr.log\n").toString();
  }

  /** A shell function: the pid runs (a zombie left for a parent to reap does not count). */
  static final String ALIVE = "alive() { kill -0 \"$1\" 2>/dev/null || return 1; "
      + "[ -r \"/proc/$1/stat\" ] || return 0; ! grep -q ') Z ' \"/proc/$1/stat\"; }\n";

  /** Starts the role in its own session, records its pid; does nothing when it already runs. */
  static String startScript(String role) {
    return "#!/bin/sh\n"
        + "cd \"$(dirname \"$0\")/..\" || exit 1\n"
        + "pid_file=status/" + role + ".pid\n" + ALIVE
        + "if [ -f \"$pid_file\" ] && alive \"$(cat \"$pid_file\")\"; then\n"
        + "  echo \"" + role + " is already running (pid $(cat \"$pid_file\"))\"; exit 0\n"
        + "fi\n"
        + "mkdir -p status log\n"
        + "if command -v setsid >/dev/null 2>&1; then\n"
        + "  setsid nohup scripts/run_" + role + ".sh >/dev/null 2>&1 </dev/null &\n"
        + "else\n"
        + "  nohup scripts/run_" + role + ".sh >/dev/null 2>&1 </dev/null &\n"
        + "fi\n"
        + "echo $! > \"$pid_file\"\n"
        + "echo \"ok: started " + role + " (pid $!)\"\n";
  }

  /** SIGTERM, as systemd and supervise stop a service; waits up to 60 s for the process to end. */
  static String stopScript(String role) {
    return "#!/bin/sh\n"
        + "cd \"$(dirname \"$0\")/..\" || exit 1\n"
        + "pid_file=status/" + role + ".pid\n" + ALIVE
        + "if [ -f \"$pid_file\" ]; then\n"
        + "  pid=$(cat \"$pid_file\")\n"
        + "  if alive \"$pid\"; then\n"
        + "    kill -TERM \"$pid\"\n"
        + "    i=0\n"
        + "    while alive \"$pid\"; do\n"
        + "      i=$((i + 1))\n"
        + "      if [ \"$i\" -gt 600 ]; then echo \"" + role + " (pid $pid) did not stop within 60s\" >&2; exit 1; fi\n"
        + "      sleep 0.1\n"
        + "    done\n"
        + "  fi\n"
        + "  rm -f \"$pid_file\"\n"
        + "fi\n"
        + "sync\n"
        + "echo \"ok: stopped!\"\n";
  }

  static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  static String quote(String s) {
    return s.matches("[A-Za-z0-9_./:=,@+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
