package io.runbook.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stand-ins' TCP listener: accepts on a daemon thread and serves each connection on its own
 * daemon thread. Closing it also closes the open connections, so a stop looks like a dead server
 * to clients (they reconnect), as a real broker's restart does.
 */
final class TcpServer implements AutoCloseable {
  interface Connection {
    void serve(Socket socket) throws IOException;
  }

  private final ServerSocket server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread accept;

  /** Listens on {@code listen} ({@code host:port}) and serves connections with {@code handler}. */
  TcpServer(String name, String listen, Connection handler, LabLog log) throws IOException {
    int colon = listen.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("--listen must be host:port, got '" + listen + "'");
    }
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1))));
    accept = new Thread(() -> acceptLoop(name, handler, log), name + "-accept");
    accept.setDaemon(true);
    accept.start();
  }

  private void acceptLoop(String name, Connection handler, LabLog log) {
    while (!server.isClosed()) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return;
      }
      open.add(s);
      Thread t = new Thread(() -> {
        try (s) {
          handler.serve(s);
        } catch (IOException e) {
          if (!server.isClosed()) {
            log.warn(name + " connection from " + s.getRemoteSocketAddress() + ": " + e.getMessage());
          }
        } finally {
          open.remove(s);
        }
      }, name + "-conn");
      t.setDaemon(true);
      t.start();
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
    try {
      // The JDK closes a listening socket only once its blocked accept() has returned; waiting
      // for that lets a restart in the same process bind the port again at once.
      accept.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
