package io.runbook.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kafka-era Pump's producer and Drainer's consumer, talking to {@link KafkaStandIn}: one
 * connection kept open, tried against each of {@code --kafka-addrs} in turn, dropped on any
 * failure and opened again by the next call. Not thread-safe; each user holds its own.
 */
final class KafkaClient implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MILLIS = 1000;
  private static final int READ_TIMEOUT_MILLIS = 3000;

  /** One stored message: its offset in the topic and the binlog it carries. */
  record Message(long offset, BinlogFile.Entry binlog) {}

  private final String[] addrs;
  private Socket socket;
  private BufferedReader in;
  private Writer out;

  /** {@code kafkaAddrs}: comma-separated {@code host:port}, as {@code --kafka-addrs} takes them. */
  KafkaClient(String kafkaAddrs) {
    addrs = kafkaAddrs.split(",");
  }

  /** Connects now, so a caller can refuse to start when Kafka is unreachable. */
  void connect() throws IOException {
    if (socket != null) {
      return;
    }
    IOException last = null;
    for (String a : addrs) {
      String addr = a.strip();
      int colon = addr.lastIndexOf(':');
      Socket s = new Socket();
      try {
        s.connect(new InetSocketAddress(addr.substring(0, colon), Integer.parseInt(addr.substring(colon + 1))),
            CONNECT_TIMEOUT_MILLIS);
        s.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket = s;
        in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
        return;
      } catch (IOException | RuntimeException e) {
        s.close();
        last = new IOException("cannot reach kafka at " + addr + ": " + e.getMessage(), e);
      }
    }
    throw last;
  }

  /** Stores one binlog in the topic; returns its offset. */
  long produce(long commitTs, String payload) throws IOException {
    String reply = exchange("PRODUCE " + commitTs + " " + payload, BufferedReader::readLine);
    if (reply == null || !reply.startsWith("OFFSET ")) {
      throw failed("kafka answered " + reply + " to PRODUCE");
    }
    return Long.parseLong(reply.substring("OFFSET ".length()));
  }

  /** Up to {@code max} messages from {@code offset} on. */
  List<Message> fetch(long offset, int max) throws IOException {
    return exchange("FETCH " + offset + " " + max, r -> {
      List<Message> got = new ArrayList<>();
      for (String line = r.readLine(); !"END".equals(line); line = r.readLine()) {
        if (line == null || !line.startsWith("MSG ")) {
          throw failed("kafka answered " + line + " to FETCH");
        }
        String rest = line.substring("MSG ".length());
        int sp = rest.indexOf(' ');
        got.add(new Message(Long.parseLong(rest.substring(0, sp)), BinlogFile.Entry.parse(rest.substring(sp + 1))));
      }
      return got;
    });
  }

  private interface ReplyReader<T> {
    T read(BufferedReader in) throws IOException;
  }

  /** Sends one request and reads its reply; any failure drops the connection, which may be mid-reply. */
  private <T> T exchange(String line, ReplyReader<T> reader) throws IOException {
    connect();
    try {
      out.write(line + "\n");
      out.flush();
      return reader.read(in);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private IOException failed(String why) {
    close();
    return new IOException(why);
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already broken
      }
    }
    socket = null;
  }
}
