package io.runbook.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How one {@link HostLayout} lays out and runs the lab's processes: where each lives, what its
 * deploy folder holds, how it starts and how the lab tells it runs.
 */
sealed interface LabHosts permits LabHosts.Plain, AnsibleHosts, TiupHosts {

  static LabHosts of(HostLayout h, LabLayout layout, LabFiles files) {
    return switch (h) {
      case LAB -> new Plain(layout, files);
      case ANSIBLE_SYSTEMD, ANSIBLE_SUPERVISE -> new AnsibleHosts(layout, files, h == HostLayout.ANSIBLE_SUPERVISE,
          new LabUnits(layout.root()));
      case TIUP_SYSTEM, TIUP_USER -> new TiupHosts(layout, files, h.scope(), new LabUnits(layout.root()));
    };
  }

  /** The node as this layout places and runs it. */
  default LabNode place(LabNode node) {
    return node;
  }

  /** Before anything is deployed: what the layout needs on the machine, its tools. */
  default void prepare() throws IOException {}

  void deploy(LabNode node) throws IOException;

  void start(LabNode node) throws IOException;

  boolean alive(LabNode node);

  /** After every node runs: what the layout records about the cluster (TiUP's meta.yaml). */
  default void finish(List<LabNode> nodes) throws IOException {}

  /** Whether the pid in {@code file} names a running process. */
  static boolean alivePid(Path file) {
    try {
      long pid = Long.parseLong(Files.readString(file).strip());
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  /**
   * A run script as tidb-ansible's {@code run_<role>_binary.sh.j2} and TiUP's
   * {@code run_<role>.sh.tpl} write it: bash, {@code set -e}, the deploy folder by its absolute
   * path, {@code exec bin/<binary>} with the flags, stderr appended to {@code stderr}.
   * {@code ulimit -n 1000000} (tidb-ansible's) is guarded so that it also runs unprivileged.
   */
  static String runScript(LabNode node, Path deployDir, String stderr, boolean ulimit) {
    StringBuilder b = new StringBuilder("#!/bin/bash\nset -e\n");
    if (ulimit) {
      b.append("ulimit -n 1000000 2>/dev/null || ulimit -n \"$(ulimit -Hn)\" 2>/dev/null || true\n");
    }
    b.append("\nDEPLOY_DIR=").append(LabFiles.quote(deployDir.toString()))
        .append("\ncd \"${DEPLOY_DIR}\" || exit 1\n\nexec bin/").append(node.binary());
    for (String f : node.runFlags()) {
      b.append(" \\\n    ").append(LabFiles.quote(f));
    }
    return b.append(" 2>> ").append(LabFiles.quote(stderr)).append("\n").toString();
  }

  /** The lab's own layout: runbook's pid-file scripts ({@code process_supervision: script}). */
  record Plain(LabLayout layout, LabFiles files) implements LabHosts {
    @Override
    public void deploy(LabNode node) throws IOException {
      files.deploy(node);
    }

    @Override
    public void start(LabNode node) throws IOException {
      LabProcesses.start(layout.root().resolve(node.dir()), node.role());
    }

    @Override
    public boolean alive(LabNode node) {
      return LabProcesses.alive(layout.root().resolve(node.dir()), node.role());
    }
  }
}
