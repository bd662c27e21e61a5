package io.runbook.lab;

import java.util.List;

/**
 * One process of the lab: the inventory host it stands for, its deploy folder, its role (which
 * names its scripts: {@code scripts/start_<role>.sh}), its binary and the package that binary
 * comes from, its main port, and the flags its run script passes.
 */
record LabNode(String host, String dir, String role, String binary, String packageName, int port,
    List<String> runFlags, String config) {

  String runScript() {
    return "run_" + role + ".sh";
  }

  String pidFile() {
    return "status/" + role + ".pid";
  }
}
