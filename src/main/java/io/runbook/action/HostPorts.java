package io.runbook.action;

import java.util.List;

/**
 * Whether a TCP port is listening on the host an action acts on. A port of the host's own
 * loopback must be looked at on that host: for a remote host, from its /proc/net/tcp{,6}; on
 * the controller, by connecting.
 */
final class HostPorts {
  private HostPorts() {}

  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1")
        || host.equals("0.0.0.0");
  }

  /** True when the check must read the host's socket table rather than connect from here. */
  static boolean onHost(ActionContext ctx, String host) {
    return !ctx.transport().isLocal() && isLoopback(host);
  }

  /** One line of the host's socket table: the local port and the TCP state (hex, 0A = LISTEN). */
  record Socket(int localPort, String state) {}

  /** Every TCP socket of the host, from its /proc/net/tcp and tcp6. */
  static List<Socket> sockets(ActionContext ctx) {
    List<Socket> out = new java.util.ArrayList<>();
    boolean readAny = false;
    for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      // cat, not a file read: procfs files report size 0, which SFTP readers may take literally.
      io.runbook.transport.CommandResult r = ctx.transport().run(io.runbook.transport.CommandSpec.of("cat", file)
          .withTimeout(java.time.Duration.ofSeconds(30)));
      if (!r.succeeded()) {
        continue;
      }
      String text = r.stdout();
      readAny = true;
      for (String line : text.split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 4 && f[0].endsWith(":") && f[1].contains(":")) {
          out.add(new Socket(Integer.parseInt(f[1].substring(f[1].lastIndexOf(':') + 1), 16), f[3]));
        }
      }
    }
    if (!readAny) {
      throw new ActionException("checking a port of " + ctx.transport().describe()
          + " needs /proc/net/tcp there; give the host's address to check from here instead");
    }
    return out;
  }

  /** Whether something on the host listens on {@code port}. */
  static boolean listening(ActionContext ctx, int port) {
    return sockets(ctx).stream().anyMatch(s -> s.localPort() == port && s.state().equals("0A"));
  }
}
