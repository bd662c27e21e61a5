package io.runbook.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A unix-socket server answering one line with one line, on daemon threads: the Kafka-era
 * Pump's {@code --socket}, where TiDB on the same host writes its binlogs. Closing it closes
 * the open connections too and removes the socket file.
 */
final class UnixLineServer implements AutoCloseable {
  private final Path path;
  private final UnaryOperator<String> answer;
  private final ServerSocketChannel server;
  private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

  UnixLineServer(Path path, UnaryOperator<String> answer) throws IOException {
    this.path = path;
    this.answer = answer;
    // A socket file left by a killed process would make bind fail; run_pump.sh removes it too.
    Files.deleteIfExists(path);
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    daemonThread("socket-accept", this::acceptLoop);
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel c = server.accept();
        open.add(c);
        daemonThread("socket-conn", () -> serve(c));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SocketChannel channel) {
    try (channel) {
      BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
      Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        out.write(answer.apply(line) + "\n");
        out.flush();
      }
    } catch (IOException e) {
      // The client went away or we are closing; a client reconnects on its next write.
    } finally {
      open.remove(channel);
    }
  }

  private static void daemonThread(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
    // Open connections too: a client must see the server gone, not write into a stopped one.
    for (SocketChannel c : open) {
      c.close();
    }
    Files.deleteIfExists(path);
  }
}
