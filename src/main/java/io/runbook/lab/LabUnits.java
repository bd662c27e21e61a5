package io.runbook.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * systemd units in a lab, which cannot run systemd: the stand-in {@code runtime/bin/systemctl}
 * (a /bin/sh script, {@code systemctl.sh} beside this class) over the unit files the lab
 * writes to {@code systemd/system/} or {@code systemd/user/}; the stand-in keeps each started
 * unit's main pid in {@code systemd/run/<scope>/<unit>.pid}.
 */
final class LabUnits {
  private final Path root;

  LabUnits(Path root) {
    this.root = root;
  }

  Path systemctl() {
    return root.resolve("runtime").resolve("bin").resolve("systemctl");
  }

  Path unitDir(String scope) {
    return root.resolve("systemd").resolve(scope);
  }

  Path pidFile(String scope, String unit) {
    return root.resolve("systemd").resolve("run").resolve(scope).resolve(unit + ".pid");
  }

  void writeStandIn() throws IOException {
    String text;
    try (InputStream in = LabUnits.class.getResourceAsStream("systemctl.sh")) {
      if (in == null) {
        throw new LabException("the lab's systemctl stand-in is missing from the jar");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.createDirectories(systemctl().getParent());
    LabFiles.executable(systemctl(), text.replace("lab=@LAB@", "lab=" + LabFiles.quote(root.toString())));
  }

  void writeUnit(String scope, String unit, String text) throws IOException {
    Files.createDirectories(unitDir(scope));
    Files.writeString(unitDir(scope).resolve(unit), text);
  }

  /** {@code systemctl [--user] <verb> <unit>} through the stand-in; fails on a non-zero exit. */
  void run(String scope, String verb, String unit, int timeoutSeconds) throws IOException {
    String systemctl = systemctl().toString();
    if (scope.equals("user")) {
      LabProcesses.command(root, timeoutSeconds, systemctl, "--user", verb, unit);
    } else {
      LabProcesses.command(root, timeoutSeconds, systemctl, verb, unit);
    }
  }

  /**
   * A unit file as tidb-ansible's {@code roles/systemd/templates/systemd_binary.service.j2} and
   * TiUP's {@code embed/templates/systemd/system.service.tpl} write them (the lab's own words).
   */
  static String unit(String service, String user, String execStart, boolean tiup) {
    return "[Unit]\nDescription=" + service + " service\n"
        + "After=syslog.target network.target remote-fs.target nss-lookup.target\n\n"
        + "[Service]\nLimitNOFILE=1000000\nLimitSTACK=10485760\n"
        + (user == null ? "" : "User=" + user + "\n")
        + "ExecStart=" + execStart + "\n"
        + "Restart=" + (tiup && !service.equals("pump") && !service.equals("drainer") ? "always" : "on-failure") + "\n"
        + "RestartSec=15s\n" + (tiup ? "" : "SendSIGKILL=no\n")
        + "\n[Install]\nWantedBy=multi-user.target\n";
  }
}
