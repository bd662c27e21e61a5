package io.runbook.lab;

/**
 * How {@code lab up} lays out each host and supervises its processes ({@code --layout},
 * {@code --supervision}, {@code --systemd-mode}).
 *
 * <ul>
 *   <li>{@code LAB} (the default): deploy folders {@code <lab>/<host>/} with runbook's pid-file
 *       start/stop scripts ({@code process_supervision: script});
 *   <li>{@code ANSIBLE_SYSTEMD}: tidb-ansible's host layout; its {@code scripts/start_<role>.sh}
 *       and {@code stop_<role>.sh} call {@code systemctl start|stop <role>-<port>.service} as
 *       tidb-ansible's {@code roles/systemd} writes them, through the lab's systemctl stand-in;
 *       the playbooks drive the scripts ({@code process_supervision: script});
 *   <li>{@code ANSIBLE_SUPERVISE}: tidb-ansible's host layout under daemontools' supervise
 *       ({@code process_supervision: supervise});
 *   <li>{@code TIUP_SYSTEM}, {@code TIUP_USER}: TiUP's instance layout, units under the lab's
 *       systemctl stand-in ({@code process_supervision: systemd}, {@code systemd_scope}).
 * </ul>
 */
public enum HostLayout {
  LAB, ANSIBLE_SYSTEMD, ANSIBLE_SUPERVISE, TIUP_SYSTEM, TIUP_USER;

  /** From the options of {@code lab up}; a combination that does not exist is refused. */
  public static HostLayout of(String layout, String supervision, String systemdMode) {
    switch (layout) {
      case "lab":
        refuse(supervision != null || systemdMode != null, "--supervision and --systemd-mode work only with"
            + " --layout tidb-ansible and tiup");
        return LAB;
      case "tidb-ansible":
        refuse(systemdMode != null, "--systemd-mode works only with --layout tiup");
        if (supervision == null || supervision.equals("systemd")) {
          return ANSIBLE_SYSTEMD;
        }
        refuse(!supervision.equals("supervise"), "--supervision must be systemd or supervise, not '" + supervision + "'");
        return ANSIBLE_SUPERVISE;
      case "tiup":
        refuse(supervision != null, "--supervision works only with --layout tidb-ansible (TiUP runs systemd)");
        if (systemdMode == null || systemdMode.equals("system")) {
          return TIUP_SYSTEM;
        }
        refuse(!systemdMode.equals("user"), "--systemd-mode must be system or user, not '" + systemdMode + "'");
        return TIUP_USER;
      default:
        throw new LabException("--layout must be lab, tidb-ansible or tiup, not '" + layout + "'");
    }
  }

  private static void refuse(boolean bad, String message) {
    if (bad) {
      throw new LabException(message);
    }
  }

  boolean tiup() {
    return this == TIUP_SYSTEM || this == TIUP_USER;
  }

  boolean ansible() {
    return this == ANSIBLE_SYSTEMD || this == ANSIBLE_SUPERVISE;
  }

  /** The inventory's {@code process_supervision}. */
  String processSupervision() {
    return switch (this) {
      case LAB, ANSIBLE_SYSTEMD -> "script";
      case ANSIBLE_SUPERVISE -> "supervise";
      case TIUP_SYSTEM, TIUP_USER -> "systemd";
    };
  }

  /** systemd's scope of the units: user for TiUP's {@code systemd_mode: user}. */
  String scope() {
    return this == TIUP_USER ? "user" : "system";
  }

  /** The name {@code lab.json} records. */
  String label() {
    return switch (this) {
      case LAB -> "lab";
      case ANSIBLE_SYSTEMD -> "tidb-ansible (systemd)";
      case ANSIBLE_SUPERVISE -> "tidb-ansible (supervise)";
      case TIUP_SYSTEM -> "tiup (systemd_mode system)";
      case TIUP_USER -> "tiup (systemd_mode user)";
    };
  }
}
