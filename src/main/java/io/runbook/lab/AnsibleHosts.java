package io.runbook.lab;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * tidb-ansible's host layout (pingcap/tidb-ansible release-3.0): {@code bin/}, {@code conf/},
 * {@code scripts/run_<role>.sh} (as {@code roles/pump/templates/run_pump_binary.sh.j2} writes it:
 * every PD in {@code --pd-urls}, {@code ulimit -n}), {@code log/}, {@code status/},
 * {@code data.<role>/}, and start/stop scripts for one of its two {@code process_supervision}s:
 *
 * <ul>
 *   <li>supervise ({@code roles/supervise}): {@code bin/supervise}, {@code bin/svc},
 *       {@code bin/svstat} (links to the installed daemontools), the service folder
 *       {@code status/<role>/} whose {@code run} runs {@code scripts/run_<role>.sh}, supervise's
 *       pid in {@code status/<role>/pid}; start starts supervise (or {@code svc -u}), stop is
 *       {@code svc -d}, a wait, and {@code svc -x}; supervise restarts a process that dies;
 *   <li>systemd ({@code roles/systemd}): the unit {@code <role>-<port>.service}
 *       ({@code systemd_binary.service.j2}) and scripts that run {@code systemctl start|stop}
 *       on it, here through the lab's systemctl stand-in and without sudo.
 * </ul>
 *
 * <p>The processes listen on 127.0.0.1 where tidb-ansible writes {@code --addr=0.0.0.0}: the
 * lab stays on the loopback.
 */
record AnsibleHosts(LabLayout layout, LabFiles files, boolean supervise, LabUnits units) implements LabHosts {
  private static final List<String> DAEMONTOOLS = List.of("supervise", "svc", "svstat");

  @Override
  public void prepare() throws IOException {
    if (supervise) {
      requireDaemontools();
    } else {
      units.writeStandIn();
    }
  }

  static void requireDaemontools() {
    for (String tool : DAEMONTOOLS) {
      if (onPath(tool).isEmpty()) {
        throw new LabException("--supervision supervise needs daemontools (" + tool
            + " is not on the PATH): install it, e.g. 'apt-get install daemontools'");
      }
    }
  }

  static Optional<Path> onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(d.isEmpty() ? "." : d, tool);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static String unitName(LabNode node) {
    return node.role() + "-" + node.port() + ".service";
  }

  @Override
  public void deploy(LabNode node) throws IOException {
    Path dir = files.deployFiles(node);
    String role = node.role();
    Files.createDirectories(dir.resolve("data." + role));
    Path scripts = dir.resolve("scripts");
    LabFiles.executable(scripts.resolve(node.runScript()),
        LabHosts.runScript(node, dir, "log/" + role + "_stderr.log", true));
    if (supervise) {
      for (String tool : DAEMONTOOLS) {
        Files.deleteIfExists(dir.resolve("bin").resolve(tool));
        Files.createSymbolicLink(dir.resolve("bin").resolve(tool), onPath(tool).orElseThrow());
      }
      Path service = Files.createDirectories(dir.resolve("status").resolve(role));
      LabFiles.executable(service.resolve("run"), "#!/bin/sh\n# supervise runs this in status/" + role
          + "/ (tidb-ansible: roles/supervise)\nexec " + LabFiles.quote(scripts.resolve(node.runScript()).toString()) + "\n");
      LabFiles.executable(scripts.resolve("start_" + role + ".sh"), superviseStart(dir, role));
      LabFiles.executable(scripts.resolve("stop_" + role + ".sh"), superviseStop(dir, role));
    } else {
      units.writeUnit("system", unitName(node), LabUnits.unit(role, System.getProperty("user.name"),
          scripts.resolve(node.runScript()).toString(), false));
      for (String verb : List.of("start", "stop")) {
        LabFiles.executable(scripts.resolve(verb + "_" + role + ".sh"), "#!/bin/bash\nset -e\n"
            + "# tidb-ansible: sudo systemctl " + verb + " " + unitName(node) + " (roles/systemd/templates/"
            + verb + "_role.sh.j2); the lab's systemctl stand-in, without sudo\n"
            + LabFiles.quote(units.systemctl().toString()) + " " + verb + " " + unitName(node) + "\n");
      }
    }
  }

  @Override
  public void start(LabNode node) throws IOException {
    LabProcesses.start(layout.root().resolve(node.dir()), node.role());
  }

  @Override
  public boolean alive(LabNode node) {
    Path dir = layout.root().resolve(node.dir());
    return supervise ? LabHosts.alivePid(dir.resolve("status").resolve(node.role()).resolve("pid"))
        : LabHosts.alivePid(units.pidFile("system", unitName(node)));
  }

  /** After tidb-ansible's roles/supervise/templates/start_role.sh.j2 (the root refusal left out). */
  static String superviseStart(Path dir, String role) {
    return superviseHeader(dir, role)
        + "case \"$(bin/svstat \"$status_dir\" 2>&1)\" in\n"
        + "  *\": up (pid \"*) echo \"ok: already started!\"; exit 0 ;;\n"
        + "  *\": down \"*) bin/svc -u \"$status_dir\"; echo \"ok: started!\"; exit 0 ;;\n"
        + "esac\n"
        + "if command -v setsid >/dev/null 2>&1; then s=setsid; else s=; fi\n"
        + "nohup $s bin/supervise \"$status_dir\" >/dev/null 2>&1 </dev/null &\n"
        + "echo $! > \"$status_dir/pid\"\n"
        + "echo \"ok: started!\"\n";
  }

  /** After tidb-ansible's roles/supervise/templates/stop_role.sh.j2: svc -d, wait, supervise exits. */
  static String superviseStop(Path dir, String role) {
    return superviseHeader(dir, role)
        + "bin/svc -d \"$status_dir\" 2>/dev/null || true\n"
        + "i=0\n"
        + "while bin/svstat \"$status_dir\" 2>&1 | grep -q ': up (pid '; do\n"
        + "  i=$((i + 1))\n"
        + "  if [ \"$i\" -gt 600 ]; then echo \"" + role + " did not stop within 60s\" >&2; exit 1; fi\n"
        + "  sleep 0.1\n"
        + "done\n"
        + "bin/svc -x \"$status_dir\" 2>/dev/null || true\n"
        + "sync\n"
        + "echo \"ok: stopped!\"\n";
  }

  private static String superviseHeader(Path dir, String role) {
    return "#!/bin/sh\ncd " + LabFiles.quote(dir.toString()) + " || exit 1\nstatus_dir=status/" + role + "\n";
  }
}
