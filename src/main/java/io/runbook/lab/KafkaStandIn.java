package io.runbook.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A one-topic, one-partition Kafka for the Kafka-era Pump and Drainer, speaking a line protocol
 * instead of Kafka's: {@code PRODUCE <commitTS> <payload>} → {@code OFFSET <n>};
 * {@code FETCH <offset> <max>} → {@code MSG <offset> <commitTS> <payload>} lines, then
 * {@code END}. The topic is a {@link BinlogFile} ({@code data-dir/topic.log}), so it survives
 * restarts and an offset is a line's position in it.
 */
final class KafkaStandIn extends Daemon {
  static final int DEFAULT_PORT = 9092;
  private BinlogFile topic;
  private TcpServer server;

  KafkaStandIn(Release release, Flags flags) {
    super(release, flags, "kafka");
  }

  @Override
  protected void start() throws IOException {
    Path dataDir = Path.of(flags.get("data-dir", "data.kafka"));
    Files.createDirectories(dataDir);
    topic = new BinlogFile(dataDir.resolve("topic.log"));
    String listen = flags.get("listen", "127.0.0.1:" + DEFAULT_PORT);
    server = new TcpServer("kafka", listen, this::serve, log);
    log.info("kafka stand-in listening on " + listen + " with " + topic.size() + " messages");
  }

  private void serve(Socket socket) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      out.write(answer(line));
      out.flush();
    }
  }

  /** The reply to one request line, every line of it ending in a newline. */
  private String answer(String request) throws IOException {
    String[] words = request.split(" ", 3);
    try {
      if (words[0].equals("PRODUCE") && words.length == 3) {
        return "OFFSET " + produce(new BinlogFile.Entry(Long.parseLong(words[1]), words[2])) + "\n";
      }
      if (words[0].equals("FETCH") && words.length == 3) {
        return fetch(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
      }
    } catch (NumberFormatException e) {
      return "ERR bad number: " + e.getMessage() + "\n";
    }
    return "ERR unknown command\n";
  }

  private long produce(BinlogFile.Entry e) throws IOException {
    // The append and the size read must be one step, or two producers could get one offset.
    synchronized (topic) {
      topic.append(e);
      return topic.size() - 1;
    }
  }

  private String fetch(int offset, int max) {
    StringBuilder b = new StringBuilder();
    List<BinlogFile.Entry> got = topic.from(Math.max(0, offset), Math.max(0, max));
    for (int i = 0; i < got.size(); i++) {
      b.append("MSG ").append(Math.max(0, offset) + i).append(' ').append(got.get(i).line()).append('\n');
    }
    return b.append("END\n").toString();
  }

  @Override
  protected void stop() {
    server.close();
    try {
      synchronized (topic) {
        topic.close();
      }
    } catch (IOException e) {
      log.warn("closing the topic: " + e.getMessage());
    }
  }
}
