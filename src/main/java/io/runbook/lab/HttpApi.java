package io.runbook.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/** A small JSON-over-HTTP server on the JDK's HttpServer: routes by method and path prefix. */
final class HttpApi {
  /** One request: method, path, decoded query parameters and the body as text. */
  record Request(String method, String path, Map<String, String> query, String body) {
    String param(String name, String fallback) {
      return query.getOrDefault(name, fallback);
    }

    /** The path segments after {@code prefix}: {@code /state/a:8250/pause} → [a:8250, pause]. */
    List<String> rest(String prefix) {
      List<String> out = new ArrayList<>();
      for (String s : path.substring(Math.min(prefix.length(), path.length())).split("/")) {
        if (!s.isEmpty()) {
          out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
        }
      }
      return out;
    }
  }

  /** A reply: status code and a body (JSON-encoded unless it is a String; none when null). */
  record Reply(int code, Object body) {
    static Reply ok(Object body) {
      return new Reply(200, body);
    }
  }

  interface Handler {
    Reply handle(Request request) throws Exception;
  }

  private record Route(String method, String prefix, Handler handler) {}

  private final HttpServer server;
  private final List<Route> routes = new ArrayList<>();

  HttpApi(String host, int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(host, port), 64);
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "http");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::dispatch);
  }

  HttpApi on(String method, String prefix, Handler handler) {
    routes.add(new Route(method, prefix, handler));
    return this;
  }

  void start() {
    server.start();
  }

  void stop() {
    server.stop(0);
  }

  private void dispatch(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      Request req = new Request(ex.getRequestMethod(), path, query(ex.getRequestURI().getRawQuery()),
          new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      Reply reply = new Reply(404, Map.of("message", "no route " + path, "code", 2));
      for (Route r : routes) {
        if (r.method.equals(req.method()) && (path.equals(r.prefix) || path.startsWith(r.prefix + "/"))) {
          reply = handle(r.handler, req);
          break;
        }
      }
      send(ex, reply);
    }
  }

  private static Reply handle(Handler handler, Request req) {
    try {
      return handler.handle(req);
    } catch (Exception e) {
      return new Reply(500, Map.of("message", String.valueOf(e.getMessage()), "code", 1));
    }
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    if (reply.body() == null) {
      ex.sendResponseHeaders(reply.code(), -1);
      return;
    }
    boolean text = reply.body() instanceof String;
    byte[] bytes = (text ? (String) reply.body() : Json.write(reply.body()))
        .getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", text ? "text/plain; charset=utf-8" : "application/json");
    ex.sendResponseHeaders(reply.code(), bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      out.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
