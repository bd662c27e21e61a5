package io.runbook.action;

import io.runbook.transport.FileStat;
import io.runbook.transport.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code wait_for}: waits until a TCP port opens ({@code started}), closes ({@code stopped}) or
 * has no active connections left ({@code drained}); until a path exists ({@code present}, the
 * same as {@code started}) or is gone ({@code absent}, the same as {@code stopped}); or until
 * {@code search_regex} matches a file's content or what a port sends after connecting (after
 * {@code send}, when given). With neither port nor path it just waits {@code timeout} seconds.
 *
 * <p>Timing as Ansible's: {@code delay} seconds first, then a check every {@code sleep} seconds,
 * failing once {@code timeout} seconds (counted from the start, delay included) have passed. All
 * time goes through {@link ActionContext#clock()}.
 *
 * <p>Where checks run: ports are probed from the controller with {@link Socket} (the lab and local
 * runs are on loopback, where that is the host's own view). Probing a remote target's port from
 * the target itself is future work of the SSH transport. Paths are read through the transport;
 * {@code drained} reads {@code /proc/net/tcp} and {@code tcp6} through the transport and counts
 * connections whose local port is {@code port} in Ansible's default active states
 * (ESTABLISHED, SYN_SENT, SYN_RECV, FIN_WAIT1, FIN_WAIT2, TIME_WAIT).
 *
 * <p>Never CHANGED: OK or FAILED (with {@code msg}, or a "Timeout when waiting for ..." message).
 * In check mode it checks once: OK when the condition already holds, else UNKNOWN, because the
 * tasks it waits for did not really run. Registered data: {@code elapsed} (whole seconds),
 * {@code state}, {@code port} or {@code path}, and {@code match_groups}/{@code match_groupdict}
 * when {@code search_regex} matched.
 */
public final class WaitForAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .optional("host", ArgSpec.Type.STRING)
      .optional("port", ArgSpec.Type.INT)
      .optional("path", ArgSpec.Type.STRING)
      .choice("state", false, "started", "stopped", "present", "absent", "drained")
      .optional("search_regex", ArgSpec.Type.STRING)
      .optional("send", ArgSpec.Type.STRING)
      .optional("timeout", ArgSpec.Type.NUMBER)
      .optional("delay", ArgSpec.Type.NUMBER)
      .optional("sleep", ArgSpec.Type.NUMBER)
      .optional("connect_timeout", ArgSpec.Type.NUMBER)
      .optional("msg", ArgSpec.Type.STRING)
      .build();

  private static final Set<String> ACTIVE_TCP_STATES = Set.of("01", "02", "03", "04", "05", "06");
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
  private static final int MAX_READ = 1 << 20;

  public WaitForAction() {}

  @Override
  public String name() {
    return "wait_for";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  /** One wait, its arguments checked. */
  private record Wait(String host, Integer port, String path, boolean up, boolean drained,
      Pattern regex, String send, long connectTimeoutMillis) {

    String what() {
      if (port != null) {
        return host + ":" + port;
      }
      return path;
    }

    String waitingText() {
      if (drained) {
        return "port " + port + " on " + host + " to drain";
      }
      if (port != null) {
        return regex != null ? "'" + regex.pattern() + "' from port " + port + " on " + host
            : "port " + port + " on " + host + (up ? " to open" : " to close");
      }
      if (regex != null) {
        return "'" + regex.pattern() + "' in " + path;
      }
      return path + (up ? " to appear" : " to go away");
    }

    String timeoutMessage() {
      if (drained) {
        return "Timeout when waiting for " + what() + " to drain";
      }
      if (regex != null) {
        return "Timeout when waiting for search string " + regex.pattern() + " in " + what();
      }
      if (port != null) {
        return "Timeout when waiting for " + what() + (up ? "" : " to stop");
      }
      return up ? "Timeout when waiting for file " + path
          : "Timeout when waiting for " + path + " to be absent";
    }
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> args) {
    ActionArgs a = new ActionArgs(name(), args);
    String state = a.string("state", "started");
    String host = a.string("host", "127.0.0.1");
    Long portArg = a.longOrNull("port");
    String path = a.string("path");
    if (portArg != null && (portArg < 1 || portArg > 65535)) {
      throw new ActionException("'wait_for.port' must be between 1 and 65535, not " + portArg);
    }
    if (portArg != null && path != null) {
      throw new ActionException("'wait_for' takes port or path, not both");
    }
    boolean drained = state.equals("drained");
    boolean up = state.equals("started") || state.equals("present");
    Pattern regex = null;
    if (a.has("search_regex")) {
      try {
        regex = Pattern.compile(a.string("search_regex"), Pattern.MULTILINE);
      } catch (PatternSyntaxException e) {
        throw new ActionException("'wait_for.search_regex' is not a valid regular expression: "
            + e.getDescription());
      }
      if (!up) {
        throw new ActionException("'wait_for.search_regex' works only with state started or present");
      }
      if (portArg == null && path == null) {
        throw new ActionException("'wait_for.search_regex' needs a port or a path");
      }
    }
    if (drained && portArg == null) {
      throw new ActionException("'wait_for' with state drained needs a port");
    }
    if (a.has("send") && portArg == null) {
      throw new ActionException("'wait_for.send' needs a port");
    }
    double timeout = a.number("timeout", 300);
    double delay = a.number("delay", 0);
    double sleep = a.number("sleep", 1);
    double connectTimeout = a.number("connect_timeout", 5);
    Wait w = new Wait(host, portArg == null ? null : portArg.intValue(), path, up, drained, regex,
        a.string("send"), Math.max(1, Math.round(connectTimeout * 1000)));

    if (w.port() == null && w.path() == null) {
      return justSleep(ctx, timeout, delay);
    }
    if (w.port() != null && !drained) {
      try {
        InetAddress.getByName(host);
      } catch (UnknownHostException e) {
        return ActionResult.failed("cannot resolve host " + host, Map.of("state", state));
      }
    }
    if (ctx.checkMode()) {
      return checkOnce(ctx, w, state);
    }

    RunClock clock = ctx.clock();
    long start = clock.nanoTime();
    long deadline = start + seconds(timeout).toNanos();
    ctx.waitingFor(w.waitingText());
    try {
      if (delay > 0) {
        clock.sleep(seconds(delay));
      }
      while (true) {
        Optional<Matcher> met = probe(ctx, w);
        long now = clock.nanoTime();
        if (met.isPresent()) {
          return ActionResult.ok(data(w, state, now - start, met.get()));
        }
        if (now >= deadline) {
          String msg = a.string("msg", w.timeoutMessage());
          return ActionResult.failed(msg, data(w, state, now - start, null));
        }
        clock.sleep(Duration.ofNanos(Math.min(seconds(sleep).toNanos(), deadline - now)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ActionResult.failed("interrupted while waiting for " + w.waitingText(), Map.of());
    } finally {
      ctx.waitingFor(null);
    }
  }

  private static ActionResult justSleep(ActionContext ctx, double timeout, double delay) {
    if (ctx.checkMode()) {
      return ActionResult.ok(Map.of("elapsed", 0L)).withMessage("check mode does not wait");
    }
    RunClock clock = ctx.clock();
    long start = clock.nanoTime();
    Duration total = seconds(timeout + delay);
    ctx.waitingFor(total.toSeconds() + "s");
    try {
      clock.sleep(total);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ActionResult.failed("interrupted while waiting", Map.of());
    } finally {
      ctx.waitingFor(null);
    }
    return ActionResult.ok(Map.of("elapsed", (clock.nanoTime() - start) / 1_000_000_000L));
  }

  private static ActionResult checkOnce(ActionContext ctx, Wait w, String state) {
    Optional<Matcher> met = probe(ctx, w);
    if (met.isPresent()) {
      return ActionResult.ok(data(w, state, 0, met.get()));
    }
    return ActionResult.unknown("check mode: " + w.what() + " is not yet " + state
        + "; a real run would wait for it");
  }

  private static Map<String, Object> data(Wait w, String state, long elapsedNanos, Matcher m) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("elapsed", elapsedNanos / 1_000_000_000L);
    data.put("state", state);
    if (w.port() != null) {
      data.put("port", (long) w.port());
    } else {
      data.put("path", w.path());
    }
    if (w.regex() != null) {
      data.put("search_regex", w.regex().pattern());
      if (m != null) {
        List<Object> groups = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
          groups.add(m.group(i));
        }
        Map<String, Object> named = new LinkedHashMap<>();
        Matcher names = GROUP_NAME.matcher(w.regex().pattern());
        while (names.find()) {
          named.put(names.group(1), m.group(names.group(1)));
        }
        data.put("match_groups", groups);
        data.put("match_groupdict", named);
      }
    }
    return data;
  }

  /** Checks once; a present result means the wait is over (with the match, if any). */
  private static Optional<Matcher> probe(ActionContext ctx, Wait w) {
    Matcher done = Pattern.compile("").matcher("");
    done.find();
    if (w.drained()) {
      return activeConnections(ctx, w.port()) == 0 ? Optional.of(done) : Optional.empty();
    }
    if (w.port() != null && HostPorts.onHost(ctx, w.host())) {
      // The host's own loopback, as Ansible's wait_for (which runs on the host) sees it.
      if (w.regex() != null) {
        throw new ActionException("search_regex on a port of a remote host's loopback cannot be read"
            + " from here; give host: the host's address, or delegate_to: localhost");
      }
      return HostPorts.listening(ctx, w.port()) == w.up() ? Optional.of(done) : Optional.empty();
    }
    if (w.port() != null) {
      return probePort(w, done);
    }
    Optional<FileStat> stat;
    try {
      stat = ctx.transport().stat(w.path());
    } catch (TransportException e) {
      return Optional.empty(); // cannot see it yet: keep waiting, as Ansible does
    }
    if (!w.up()) {
      return stat.isEmpty() ? Optional.of(done) : Optional.empty();
    }
    if (stat.isEmpty()) {
      return Optional.empty();
    }
    if (w.regex() == null) {
      return Optional.of(done);
    }
    if (!stat.get().isFile()) {
      return Optional.empty();
    }
    try {
      String text = new String(ctx.transport().read(w.path()), StandardCharsets.UTF_8);
      Matcher m = w.regex().matcher(text);
      return m.find() ? Optional.of(m) : Optional.empty();
    } catch (TransportException e) {
      return Optional.empty();
    }
  }

  private static Optional<Matcher> probePort(Wait w, Matcher done) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(w.host(), w.port()), (int) w.connectTimeoutMillis());
      if (!w.up()) {
        return Optional.empty();
      }
      if (w.regex() == null) {
        return Optional.of(done);
      }
      if (w.send() != null) {
        socket.getOutputStream().write(w.send().getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
      }
      socket.setSoTimeout((int) w.connectTimeoutMillis());
      return readUntilMatch(socket.getInputStream(), w.regex());
    } catch (IOException e) {
      // refused, unreachable or timed out: the port is not (yet) usable
      return w.up() ? Optional.empty() : Optional.of(done);
    }
  }

  private static Optional<Matcher> readUntilMatch(InputStream in, Pattern regex) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (seen.size() < MAX_READ) {
      int n;
      try {
        n = in.read(buf);
      } catch (SocketTimeoutException e) {
        return Optional.empty();
      }
      if (n < 0) {
        return Optional.empty();
      }
      seen.write(buf, 0, n);
      Matcher m = regex.matcher(seen.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Connections on {@code port} in an active state, from the host's socket table. */
  private static int activeConnections(ActionContext ctx, int port) {
    return (int) HostPorts.sockets(ctx).stream()
        .filter(s -> s.localPort() == port && ACTIVE_TCP_STATES.contains(s.state())).count();
  }

  private static Duration seconds(double s) {
    return Duration.ofNanos(Math.round(s * 1e9));
  }
}
