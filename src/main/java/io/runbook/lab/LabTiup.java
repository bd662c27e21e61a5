package io.runbook.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The lab's {@code tiup}: the two commands of {@code tiup cluster} the bundled playbooks use or
 * print, over a cluster's {@code meta.yaml} under {@code $TIUP_HOME/storage/cluster/clusters/NAME/}.
 * {@code patch NAME PACKAGE -N ID[,ID] | -R ROLE --offline [--overwrite] [--yes]} does what
 * pkg/cluster/manager/patch.go does for a stopped service: backs {@code bin/} up as
 * {@code bin.old.<version>}, unpacks the package into {@code bin/}, keeps it as the role's
 * package under {@code patch/} with {@code --overwrite}, and marks the instances
 * {@code patched: true} in meta.yaml. A patch that would restart services is refused (the lab's
 * tiup does not restart). {@code display NAME} lists the instances, a patched one's role as
 * {@code pump (patched)} (pkg/cluster/manager/display.go).
 */
final class LabTiup {
  private final Path home;
  private final PrintStream out;

  LabTiup(Path home, PrintStream out) {
    this.home = home;
    this.out = out;
  }

  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Path home = Path.of(env.getOrDefault("TIUP_HOME", System.getProperty("user.home") + "/.tiup"));
    try {
      if (args.size() >= 3 && args.get(0).equals("cluster") && args.get(1).equals("display")) {
        new LabTiup(home, out).display(args.get(2));
        return 0;
      }
      if (args.size() >= 4 && args.get(0).equals("cluster") && args.get(1).equals("patch")) {
        new LabTiup(home, out).patch(args.get(2), Path.of(args.get(3)), args.subList(4, args.size()));
        return 0;
      }
      err.println("Error: the lab's tiup knows only 'tiup cluster patch' and 'tiup cluster display'");
      return 1;
    } catch (IOException | LabException | IllegalArgumentException e) {
      err.println("Error: " + e.getMessage());
      return 1;
    }
  }

  private void patch(String name, Path pkg, List<String> options) throws IOException {
    List<String> nodes = new ArrayList<>();
    List<String> roles = new ArrayList<>();
    boolean offline = false;
    boolean overwrite = false;
    for (int i = 0; i < options.size(); i++) {
      switch (options.get(i)) {
        case "-N", "--node" -> nodes.addAll(List.of(value(options, ++i).split(",")));
        case "-R", "--role" -> roles.addAll(List.of(value(options, ++i).split(",")));
        case "--offline" -> offline = true;
        case "--overwrite" -> overwrite = true;
        case "--yes", "-y" -> { }
        default -> throw new IllegalArgumentException("unknown flag: " + options.get(i));
      }
    }
    if (nodes.isEmpty() && roles.isEmpty()) {
      throw new IllegalArgumentException("the flag -R or -N must be specified at least one");
    }
    if (!offline) {
      throw new IllegalArgumentException("the lab's tiup patches stopped services only (--offline)");
    }
    if (!Files.isRegularFile(pkg)) {
      throw new IllegalArgumentException("specified package(" + pkg + ") not exists");
    }
    Path metaFile = metaFile(name);
    Map<String, Object> meta = read(metaFile);
    String version = String.valueOf(meta.get("tidb_version"));
    String component = null;
    for (Instance inst : instances(meta)) {
      if (nodes.contains(inst.id()) || roles.contains(inst.role())) {
        Path deploy = Path.of(String.valueOf(inst.spec().get("deploy_dir")));
        copyTree(deploy.resolve("bin"), deploy.resolve("bin.old." + version));
        untar(pkg, deploy.resolve("bin"));
        inst.spec().put("patched", true);
        component = inst.role();
        out.println("+ [ Serial ] - InstallPackage: component=" + inst.role() + ", node=" + inst.id());
      }
    }
    if (component == null) {
      throw new IllegalArgumentException("no instance matches -N " + nodes + " -R " + roles);
    }
    if (overwrite) {
      Path patches = metaFile.resolveSibling("patch");
      Files.createDirectories(patches);
      Files.copy(pkg, patches.resolve(component + ".tar.gz"), StandardCopyOption.REPLACE_EXISTING);
    }
    write(metaFile, meta);
    out.println("Patched cluster `" + name + "` successfully");
  }

  private void display(String name) throws IOException {
    Map<String, Object> meta = read(metaFile(name));
    out.println("Cluster type:       tidb");
    out.println("Cluster name:       " + name);
    out.println("Cluster version:    " + meta.get("tidb_version"));
    out.printf("%-20s %-18s %-12s %-7s %s%n", "ID", "Role", "Host", "Ports", "Deploy Dir");
    for (Instance inst : instances(meta)) {
      String role = inst.role() + (Boolean.TRUE.equals(inst.spec().get("patched")) ? " (patched)" : "");
      out.printf("%-20s %-18s %-12s %-7s %s%n", inst.id(), role, inst.spec().get("host"),
          inst.spec().get("port"), inst.spec().get("deploy_dir"));
    }
  }

  /** One instance of the topology: its role (the list's name without {@code _servers}) and its fields. */
  private record Instance(String role, Map<String, Object> spec) {
    String id() {
      return spec.get("host") + ":" + spec.getOrDefault("port", spec.get("client_port"));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Instance> instances(Map<String, Object> meta) {
    List<Instance> out = new ArrayList<>();
    Object topology = meta.get("topology");
    if (!(topology instanceof Map)) {
      throw new LabException("meta.yaml has no topology");
    }
    for (Map.Entry<String, Object> list : ((Map<String, Object>) topology).entrySet()) {
      if (list.getKey().endsWith("_servers") && list.getValue() instanceof List) {
        for (Object spec : (List<Object>) list.getValue()) {
          out.add(new Instance(list.getKey().replace("_servers", ""), (Map<String, Object>) spec));
        }
      }
    }
    return out;
  }

  private Path metaFile(String name) {
    Path f = home.resolve("storage/cluster/clusters").resolve(name).resolve("meta.yaml");
    if (!Files.isRegularFile(f)) {
      throw new LabException("Cluster " + name + " not found (no " + f + ")");
    }
    return f;
  }

  private static Map<String, Object> read(Path f) throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Object doc = yaml.load(Files.readString(f));
    if (!(doc instanceof Map)) {
      throw new LabException(f + " is not a TiUP cluster meta");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = new LinkedHashMap<>((Map<String, Object>) doc);
    return meta;
  }

  private static void write(Path f, Map<String, Object> meta) throws IOException {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    Files.writeString(tmp, new Yaml(new Representer(options), options).dump(meta));
    Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void untar(Path pkg, Path into) throws IOException {
    Process p = new ProcessBuilder("tar", "-xzf", pkg.toString(), "-C", into.toString())
        .redirectErrorStream(true).start();
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new LabException("tar -xzf " + pkg + " failed: " + new String(p.getInputStream().readAllBytes()).strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LabException("interrupted while unpacking " + pkg);
    }
  }

  private static String value(List<String> options, int i) {
    if (i >= options.size()) {
      throw new IllegalArgumentException("flag " + options.get(i - 1) + " needs a value");
    }
    return options.get(i);
  }
}
