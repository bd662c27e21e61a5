package io.runbook.lab;

import java.util.Arrays;
import java.util.List;

/**
 * The lab's processes: {@code java -cp runbook.jar io.runbook.lab.LabMain COMPONENT
 * --release=VERSION [flags]}. Each lab binary ({@code bin/pump}, {@code bin/drainer},
 * {@code bin/tidb-server}, ...) is a small script stamped with its release that runs this, so
 * replacing the file is an upgrade and {@code -V} tells the version, as with the real binaries.
 */
public final class LabMain {
  private LabMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length == 2 && args[0].equals("reimport") && args[1].startsWith("--lab-dir=")) {
      try {
        System.out.println(new LabReimport(java.nio.file.Path.of(args[1].substring(10))).run());
        return 0;
      } catch (java.io.IOException e) {
        System.err.println("reimport: " + e.getMessage());
        return 1;
      }
    }
    if (args.length >= 2 && args[0].equals("tiup") && args[1].startsWith("--release=")) {
      // tiup takes subcommands and positional arguments, not the Go binaries' flags
      List<String> rest = Arrays.stream(args).skip(2).filter(a -> !a.startsWith("--lab-deadline=")).toList();
      return LabTiup.run(rest, System.getenv(), System.out, System.err);
    }
    if (args.length < 2 || !args[1].startsWith("--release=")) {
      System.err.println("usage: LabMain COMPONENT --release=VERSION [flags]");
      return 2;
    }
    String component = args[0];
    Release release = new Release(component, args[1].substring("--release=".length()));
    Flags flags;
    try {
      flags = new Flags(Arrays.copyOfRange(args, 2, args.length));
    } catch (IllegalArgumentException e) {
      System.err.println(component + ": " + e.getMessage());
      return 2;
    }
    if (flags.has("V") || flags.has("version")) {
      System.out.print(release.versionText());
      return 0;
    }
    if (flags.has("lab-fail-start")) {
      // A release that cannot start, for rehearsing a bad upgrade.
      System.err.println("[FATAL] " + component + " " + release.version() + ": "
          + flags.get("lab-fail-start", "fail to start"));
      return 1;
    }
    if (component.equals("binlogctl")) {
      return BinlogCtl.run(flags, System.out, System.err);
    }
    Daemon d = switch (component) {
      case "pd-server" -> new PdServer(release, flags);
      case "pump" -> new PumpServer(release, flags);
      case "drainer" -> new DrainerServer(release, flags);
      case "tidb-server" -> new TidbServer(release, flags);
      case "kafka" -> new KafkaStandIn(release, flags);
      case "zookeeper" -> new ZookeeperStandIn(release, flags);
      case "pump-kafka" -> new KafkaPumpServer(release, flags);
      case "drainer-kafka" -> new KafkaDrainerServer(release, flags);
      default -> null;
    };
    if (d == null) {
      System.err.println("unknown lab component '" + component + "'");
      return 2;
    }
    return d.run();
  }
}
