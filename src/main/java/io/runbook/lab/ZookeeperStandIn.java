package io.runbook.lab;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A ZooKeeper that answers only the four-letter words a deployment checks ({@code ruok},
 * {@code srvr}, {@code stat}), shaped like ZooKeeper 3.4's replies. The Kafka stand-in does not
 * need it; it is here so that a runbook's checks and the rolling order have something to meet.
 */
final class ZookeeperStandIn extends Daemon {
  static final int DEFAULT_PORT = 2181;
  private static final int READ_TIMEOUT_MILLIS = 3000;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong sent = new AtomicLong();
  private TcpServer server;

  ZookeeperStandIn(Release release, Flags flags) {
    super(release, flags, "zookeeper");
  }

  @Override
  protected void start() throws IOException {
    Files.createDirectories(Path.of(flags.get("data-dir", "data.zookeeper")));
    String listen = flags.get("listen", "127.0.0.1:" + DEFAULT_PORT);
    server = new TcpServer("zookeeper", listen, this::serve, log);
    log.info("zookeeper stand-in listening on " + listen);
  }

  /** One command per connection, as ZooKeeper serves them: answered, then closed. */
  private void serve(Socket socket) throws IOException {
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    InputStream in = socket.getInputStream();
    String word = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
    received.incrementAndGet();
    String answer = switch (word) {
      case "ruok" -> "imok";
      case "srvr" -> serverText();
      case "stat" -> statText(socket);
      default -> null;
    };
    if (answer != null) {
      socket.getOutputStream().write(answer.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      sent.incrementAndGet();
    }
  }

  private String serverText() {
    return "Zookeeper version: 3.4.10-runbook-lab, built on 01/01/2019\n" + counters();
  }

  private String statText(Socket socket) {
    return "Zookeeper version: 3.4.10-runbook-lab, built on 01/01/2019\n"
        + "Clients:\n /" + socket.getInetAddress().getHostAddress() + ":" + socket.getPort()
        + "[0](queued=0,recved=1,sent=0)\n\n" + counters();
  }

  private String counters() {
    return "Latency min/avg/max: 0/0/0\n"
        + "Received: " + received.get() + "\n"
        + "Sent: " + sent.get() + "\n"
        + "Connections: 1\n"
        + "Outstanding: 0\n"
        + "Zxid: 0x0\n"
        + "Mode: standalone\n"
        + "Node count: 4\n";
  }

  @Override
  protected void stop() {
    server.close();
  }
}
