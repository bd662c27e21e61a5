package io.runbook.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code runbook lab up|down}: writes the lab into its folder and starts its processes in order,
 * each checked ready before the next starts; stops every process a lab folder holds (those the
 * playbooks deployed too). The lab's record is {@code lab.json}; its inventory
 * {@code inventory.yml}.
 */
public final class Lab {
  static final String RECORD = "lab.json";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(40);

  private final Path root;
  private final PrintWriter out;

  public Lab(Path root, PrintWriter out) {
    this.root = root.toAbsolutePath().normalize();
    this.out = out;
  }

  /** Creates and starts a lab with a file downstream; {@code lifetime} bounds how long its processes may live. */
  public void up(String era, int portOffset, Duration lifetime, Path jar) throws IOException {
    up(era, HostLayout.LAB, portOffset, lifetime, jar, LabSink.FILE);
  }

  /**
   * Creates and starts a lab with its hosts laid out as {@code hostLayout} says and its drainers
   * writing to {@code downstream}: file or mysql (the lab's MariaDB).
   */
  public void up(String era, HostLayout hostLayout, int portOffset, Duration lifetime, Path jar, String downstream)
      throws IOException {
    if (!downstream.equals(LabSink.FILE) && !downstream.equals(LabSink.MYSQL)) {
      throw new LabException("--downstream must be file or mysql, not '" + downstream + "'");
    }
    if (downstream.equals(LabSink.MYSQL) && LabMariaDb.find("mariadbd") == null) {
      throw new LabException(LabMariaDb.MISSING);
    }
    if (!era.equals(LabLayout.CLUSTER) && !era.equals(LabLayout.KAFKA)) {
      throw new LabException("--era must be cluster or kafka, not '" + era + "'");
    }
    if (era.equals(LabLayout.KAFKA) && hostLayout != HostLayout.LAB) {
      throw new LabException("--layout tidb-ansible and tiup work with --era cluster only");
    }
    if (Files.exists(root.resolve(RECORD)) && !LabProcesses.running(root).isEmpty()) {
      throw new LabException("a lab is already running in " + root + "; run 'runbook lab down"
          + " --dir " + root + "' first");
    }
    if (hostLayout == HostLayout.ANSIBLE_SUPERVISE) {
      AnsibleHosts.requireDaemontools();
    }
    clear();
    LabSink sink = downstream.equals(LabSink.MYSQL)
        ? new LabSink(LabSink.MYSQL, LabMariaDb.newServer(portOffset + LabMariaDb.BASE_PORT)) : LabSink.FILE_SINK;
    LabLayout layout = new LabLayout(root, era, portOffset, sink);
    long deadline = System.currentTimeMillis() / 1000 + lifetime.toSeconds();
    Path runtime = root.resolve("runtime").resolve("runbook-lab.jar");
    Files.createDirectories(runtime.getParent());
    Files.copy(jar, runtime, StandardCopyOption.REPLACE_EXISTING);
    LabFiles files = new LabFiles(layout, runtime, deadline);
    LabHosts hosts = LabHosts.of(hostLayout, layout, files);
    hosts.prepare();
    files.writePackages();
    files.writeReimportScript();
    files.writeTiup();
    Files.createDirectories(layout.downstream());
    Files.writeString(root.resolve(RECORD), Json.write(Map.of("era", era, "port_offset", portOffset,
        "deadline", deadline, "pd", layout.pdUrl(), "layout", hostLayout.label())) + "\n");
    List<LabNode> nodes = layout.nodes().stream().map(hosts::place).toList();
    writeInventory(root, layout, hostLayout, nodes);
    out.println("lab: " + era + " era in " + root + (hostLayout == HostLayout.LAB ? "" : ", laid out as "
        + hostLayout.label()) + " (processes stop by themselves after " + lifetime.toMinutes() + " min)");
    if (sink.mysql()) {
      sink.write(root);
      try {
        LabMariaDb.start(root, sink.server(), deadline);
      } catch (LabException e) {
        down();
        throw e;
      }
      out.printf("  %-15s %-8s %-22s up on 127.0.0.1:%d%n", LabMariaDb.HOST, LabMariaDb.ROLE, "mariadbd",
          sink.server().port());
    }
    // In stages, each started together and then checked ready one by one: PD (and the Kafka
    // era's Kafka and ZooKeeper) first; then the Pumps, which register in PD; then the Drainers,
    // which must find the Pumps online, and TiDB, which refuses to start without a Pump.
    for (List<LabNode> stage : stages(nodes)) {
      for (LabNode node : stage) {
        hosts.deploy(node);
        hosts.start(node);
      }
      for (LabNode node : stage) {
        try {
          waitReady(layout, node, hosts);
        } catch (LabException e) {
          out.println("lab: " + node.host() + " (" + node.role() + ") did not come up; stopping the lab");
          down();
          throw e;
        }
        out.printf("  %-15s %-8s %-22s up on 127.0.0.1:%d%n", node.host(), node.role(),
            node.binary() + " " + Release.versionIn(root.resolve(node.dir()).resolve("bin").resolve(node.binary())),
            node.port());
      }
    }
    hosts.finish(nodes);
    out.println("lab: inventory " + root.resolve("inventory.yml"));
  }

  /** The nodes in start stages, in their order within each: see {@code up}. */
  static List<List<LabNode>> stages(List<LabNode> nodes) {
    List<List<LabNode>> out = new ArrayList<>();
    for (List<String> roles : List.of(List.of("pd", "kafka", "zookeeper"), List.of("pump"), List.of("drainer", "tidb"))) {
      out.add(nodes.stream().filter(n -> roles.contains(n.role())).toList());
    }
    return out;
  }

  /** Stops every process of the lab (SIGTERM through its stop script, then SIGKILL). */
  public void down() throws IOException {
    List<LabProcesses.Running> running = LabProcesses.running(root);
    if (running.isEmpty()) {
      out.println("lab: nothing is running in " + root);
      return;
    }
    // TiDB first, then drainers after pumps have stopped: the order of tidb-ansible's stop.yml.
    running.sort(Comparator.comparingInt(r -> List.of("tidb", "pump", "drainer", "kafka", "zookeeper", "pd", LabMariaDb.ROLE)
        .indexOf(r.role())));
    for (LabProcesses.Running r : running) {
      LabProcesses.stop(r);
      out.printf("  %-15s %-8s stopped%n", r.kind() == LabProcesses.Kind.UNIT ? r.name() : r.dir().getFileName(),
          r.role());
    }
  }

  /**
   * Stops one host's service the way its stop script does (SIGTERM: a Pump tells PD it is
   * paused), leaving the rest of the lab running: a rehearsal's fault. Returns the command.
   */
  public String stopService(String host) throws IOException {
    LabNode node = node(host);
    Path dir = root.resolve(node.dir());
    for (LabProcesses.Running r : LabProcesses.running(root)) {
      if (r.dir().equals(dir) && r.role().equals(node.role())) {
        LabProcesses.stop(r);
      }
    }
    return dir.resolve("scripts").resolve("stop_" + node.role() + ".sh").toString();
  }

  /** Starts one host's service with its start script and waits until it is ready; returns the command. */
  public String startService(String host) throws IOException {
    LabNode node = node(host);
    LabProcesses.start(root.resolve(node.dir()), node.role());
    waitReady(layout(), node);
    return root.resolve(node.dir()).resolve("scripts").resolve("start_" + node.role() + ".sh").toString();
  }

  private LabNode node(String host) throws IOException {
    return layout().nodes().stream().filter(n -> n.host().equals(host)).findFirst()
        .orElseThrow(() -> new LabException("the lab in " + root + " has no host " + host));
  }

  /** The layout {@code lab up} recorded in lab.json. */
  private LabLayout layout() throws IOException {
    Path record = root.resolve(RECORD);
    if (!Files.exists(record)) {
      throw new LabException("no lab in " + root + " (runbook lab up)");
    }
    Map<String, Object> lab = Json.object(Files.readString(record));
    Object hostLayout = lab.getOrDefault("layout", HostLayout.LAB.label());
    if (!HostLayout.LAB.label().equals(hostLayout)) {
      // the rehearsals' faults know the lab's own folders only
      throw new LabException("the lab in " + root + " is laid out as " + hostLayout + "; stop and start"
          + " its services with their own scripts or units");
    }
    return new LabLayout(root, String.valueOf(lab.get("era")), (int) Json.number(lab.get("port_offset")));
  }

  private void waitReady(LabLayout layout, LabNode node) {
    waitReady(layout, node, new LabHosts.Plain(layout, null));
  }

  /** Until {@code node} answers as ready; fails when it exits (as {@code hosts} tells) or after the timeout. */
  private void waitReady(LabLayout layout, LabNode node, LabHosts hosts) {
    long until = System.currentTimeMillis() + READY_TIMEOUT.toMillis();
    String last = "";
    while (System.currentTimeMillis() < until) {
      try {
        if (ready(layout, node)) {
          return;
        }
      } catch (IOException e) {
        last = e.getMessage();
      }
      if (!hosts.alive(node)) {
        throw new LabException(node.host() + ": " + node.role() + " exited at start; see "
            + root.resolve(node.dir()).resolve("log") + " (" + LabProcesses.stderrTail(root.resolve(node.dir()), node.role()) + ")");
      }
      Daemon.pause(50);
    }
    throw new LabException(node.host() + ": " + node.role() + " not ready after "
        + READY_TIMEOUT.toSeconds() + "s: " + last);
  }

  private static boolean ready(LabLayout layout, LabNode node) throws IOException {
    String local = "http://127.0.0.1:" + node.port();
    switch (node.role()) {
      case "pd" -> HttpJson.get(local + "/pd/health");
      case "pump" -> {
        if (layout.era().equals(LabLayout.KAFKA)) {
          HttpJson.get(local + "/status");
        } else {
          return new Registry(layout.pdUrl()).nodes(Registry.PUMPS).values().stream()
              .anyMatch(p -> ("127.0.0.1:" + node.port()).equals(p.get("host")) && "online".equals(p.get("state")));
        }
      }
      case "drainer" -> HttpJson.get(local + "/status");
      case "tidb" -> HttpJson.get("http://127.0.0.1:" + layout.port(10080) + "/status");
      default -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress("127.0.0.1", node.port()), 500);
        }
      }
    }
    return true;
  }

  /** Empties the lab folder; refuses a folder that holds something other than a lab. */
  private void clear() throws IOException {
    if (!Files.exists(root)) {
      Files.createDirectories(root);
      return;
    }
    try (Stream<Path> s = Files.list(root)) {
      if (s.findAny().isPresent() && !Files.exists(root.resolve(RECORD))) {
        throw new LabException(root + " is not empty and holds no lab (" + RECORD + "); choose another --dir");
      }
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(root)) {
          Files.delete(p);
        }
      }
    }
  }

  /**
   * inventory.yml, and beside it a copy of the inventory schema, which its modeline names: the
   * lab's folder may be anywhere, so the schema travels with it.
   */
  private static void writeInventory(Path root, LabLayout layout, HostLayout hostLayout, List<LabNode> nodes)
      throws IOException {
    String schema = "inventory.schema.json";
    try (InputStream in = Lab.class.getResourceAsStream("/schemas/inventory.json")) {
      if (in != null) {
        Files.copy(in, root.resolve(schema), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(root.resolve("inventory.yml"), LabInventory.yaml(layout, root.toString(), schema,
        hostLayout, nodes));
  }
}
