package io.runbook.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * TiDB's binlog client of the Kafka/Local era: one unix socket to the pump on the same host
 * ({@code binlog-socket}), one line per binlog ({@code <commitTS> <payload>}), answered
 * {@code ok}. Reconnects on the next write after a failure.
 */
final class SocketSink implements BinlogSink {
  private final Path socket;
  private SocketChannel channel;
  private BufferedReader in;
  private Writer out;

  SocketSink(Path socket) {
    this.socket = socket;
  }

  @Override
  public String write(long commitTs, String payload) {
    try {
      if (channel == null) {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        out = Channels.newWriter(channel, StandardCharsets.UTF_8);
      }
      out.write(commitTs + " " + payload + "\n");
      out.flush();
      String answer = in.readLine();
      if ("ok".equals(answer)) {
        return null;
      }
      close();
      return "pump at " + socket + " answered " + answer;
    } catch (IOException e) {
      close();
      return "cannot write to pump socket " + socket + ": " + e.getMessage();
    }
  }

  private void close() {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // already broken
    }
    channel = null;
  }
}
