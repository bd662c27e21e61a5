package io.runbook.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** {@code runbook lab status}: each process with its release, and what PD, the drainers and TiDB say. */
public final class LabStatus {
  private final Path root;

  public LabStatus(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Prints the status; false when there is no lab in the folder. */
  public boolean print(PrintWriter out) throws IOException {
    Path record = root.resolve(Lab.RECORD);
    if (!Files.exists(record)) {
      out.println("lab: no lab in " + root + " (runbook lab up)");
      return false;
    }
    Map<String, Object> lab = Json.object(Files.readString(record));
    out.println("lab: " + root + " (" + lab.get("era") + " era at start)");
    out.println("processes:");
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.sorted().toList()) {
        Path scripts = dir.resolve("scripts");
        if (!Files.isDirectory(scripts)) {
          continue;
        }
        try (Stream<Path> s = Files.list(scripts)) {
          for (Path start : s.filter(f -> f.getFileName().toString().startsWith("start_")).sorted().toList()) {
            String role = start.getFileName().toString().replaceAll("^start_|\\.sh$", "");
            out.printf("  %-15s %-8s %-24s %s%n", dir.getFileName(), role, binaryOf(dir, role),
                LabProcesses.alive(dir, role) ? "running" : "stopped");
          }
        }
      }
    }
    Registry pd = new Registry(String.valueOf(lab.get("pd")));
    try {
      out.println("pumps (PD):");
      pd.nodes(Registry.PUMPS).forEach((id, n) -> out.printf("  %-22s %-16s %-8s maxCommitTS %s%n",
          id, n.get("host"), n.get("state"), n.get("maxCommitTS")));
      out.println("drainers (PD):");
      pd.nodes(Registry.DRAINERS).forEach((id, n) -> out.printf("  %-22s %-16s %-8s maxCommitTS %s%n",
          id, n.get("host"), n.get("state"), n.get("maxCommitTS")));
      pd.list(Registry.KAFKA_PUMPS).forEach((k, n) -> out.printf("  kafka pump %-22s alive %s%n",
          n.get("NodeID"), n.get("IsAlive")));
    } catch (IOException e) {
      out.println("  PD is not reachable: " + e.getMessage());
    }
    return true;
  }

  private static String binaryOf(Path dir, String role) {
    if (role.equals(LabMariaDb.ROLE)) {
      return "mariadbd (Debian's)"; // the real server: no lab release stamped on it
    }
    String name = switch (role) {
      case "pd" -> "pd-server";
      case "tidb" -> "tidb-server";
      case "kafka" -> "kafka-server";
      case "zookeeper" -> "zookeeper-server";
      default -> role;
    };
    Path bin = dir.resolve("bin").resolve(name);
    return Files.exists(bin) ? name + " " + Release.versionIn(bin) : name + " (missing)";
  }
}
