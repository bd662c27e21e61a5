package io.runbook.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code http}: an HTTP(S) request, like Ansible's {@code uri}. Sends {@code method} (default
 * GET) to {@code url} with {@code headers} and {@code body} ({@code body_format}: {@code raw}
 * sends a string as is, {@code json} serialises a mapping or list and sets Content-Type,
 * {@code form-urlencoded} encodes a mapping), follows redirects unless
 * {@code follow_redirects: false}, and fails unless the status is in {@code status_code}
 * (a number or a list, default 200).
 *
 * <p>Status: OK for GET, HEAD and OPTIONS; CHANGED for every other method, because a
 * {@code PUT /state/<id>/pause} does change a pump (Ansible's {@code uri} says ok for all; a
 * task's {@code changed_when} can say otherwise). FAILED, never an exception, for refused
 * connections, timeouts, unexpected status codes (with the data still registered) and bodies that
 * should be JSON and are not. Check mode sends GET, HEAD and OPTIONS for real (they only read)
 * and is UNKNOWN for other methods.
 *
 * <p>Registered data: {@code status}, {@code url} (after redirects), {@code redirected},
 * {@code headers} (lower-cased names; repeated headers joined with ", "), {@code content}
 * (when {@code return_content}, the default), {@code json} (the parsed body when the response
 * says it is JSON or {@code body_format} is json; integers stay exact: Long, or BigInteger past
 * 64 bits), {@code elapsed} (whole seconds).
 *
 * <p>One HTTP client serves every request (HTTP/1.1, connect timeout 5 s); {@code timeout}
 * (default 30 s) bounds the wait for the response. Certificates are always verified.
 */
public final class HttpAction implements Action {
  private static final ArgSpec SPEC = ArgSpec.builder()
      .required("url", ArgSpec.Type.STRING)
      .optional("method", ArgSpec.Type.STRING)
      .optional("headers", ArgSpec.Type.MAP)
      .optional("body", ArgSpec.Type.ANY)
      .choice("body_format", false, "json", "raw", "form-urlencoded")
      .optional("status_code", ArgSpec.Type.ANY)
      .optional("timeout", ArgSpec.Type.NUMBER)
      .optional("return_content", ArgSpec.Type.BOOL)
      .optional("follow_redirects", ArgSpec.Type.ANY)
      .build();

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Set<String> READ_ONLY = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 10;
  /** Made on first use: Jackson costs a start that only reads a playbook (plan, lint) too much. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** The one client, made on first use. */
  private static final class Client {
    static final HttpClient INSTANCE = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER) // followed here, to know the final URL
        .build();
  }

  public HttpAction() {}

  @Override
  public String name() {
    return "http";
  }

  @Override
  public ArgSpec spec() {
    return SPEC;
  }

  @Override
  public ActionResult execute(ActionContext ctx, Map<String, Object> args) {
    ActionArgs a = new ActionArgs(name(), args);
    URI uri = parseUrl(a.requiredString("url"));
    String host = uri.getHost() == null ? "" : uri.getHost();
    if (!ctx.transport().isLocal() && (host.equals("localhost") || host.startsWith("127.")
        || host.equals("[::1]") || host.equals("::1"))) {
      // Requests go out from the controller: the host's own loopback is not reachable from here.
      throw new ActionException("http runs on the controller, so " + uri + " would reach the"
          + " controller, not " + ctx.host() + "; use the host's address, e.g."
          + " http://{{ ansible_host }}:PORT/..., or delegate_to: localhost if the controller is meant");
    }
    String method = a.string("method", "GET").trim().toUpperCase(Locale.ROOT);
    if (!method.matches("[A-Z]+")) {
      throw new ActionException("'http.method' is not an HTTP method: " + method);
    }
    Map<String, String> headers = a.stringMap("headers");
    String bodyFormat = a.string("body_format", "raw");
    byte[] body = body(a, bodyFormat);
    String contentType = body == null ? null : switch (bodyFormat) {
      case "json" -> "application/json";
      case "form-urlencoded" -> "application/x-www-form-urlencoded";
      default -> null;
    };
    List<Long> expected = statusCodes(a);
    Duration timeout = Duration.ofNanos(Math.round(a.number("timeout", 30) * 1e9));
    if (timeout.isZero()) {
      throw new ActionException("'http.timeout' must be more than 0");
    }
    boolean returnContent = a.bool("return_content", true);
    boolean follow = followRedirects(a);
    boolean readOnly = READ_ONLY.contains(method);

    if (ctx.checkMode() && !readOnly) {
      return ActionResult.unknown("check mode does not send " + method + " " + uri
          + "; it may change the server");
    }

    long start = ctx.clock().nanoTime();
    ctx.waitingFor("a response from " + uri);
    HttpResponse<byte[]> response;
    boolean redirected = false;
    try {
      int hops = 0;
      while (true) {
        HttpRequest request = request(uri, method, headers, contentType, body, timeout);
        response = Client.INSTANCE.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String location = response.headers().firstValue("location").orElse(null);
        if (!follow || !REDIRECTS.contains(response.statusCode()) || location == null) {
          break;
        }
        if (++hops > MAX_REDIRECTS) {
          return ActionResult.failed("more than " + MAX_REDIRECTS + " redirects from " + uri,
              noResponse(uri));
        }
        uri = parseUrl(uri.resolve(location.trim()).toString());
        redirected = true;
        int code = response.statusCode();
        if (code == 303 || (code == 301 || code == 302) && method.equals("POST")) {
          method = "GET";
          body = null;
          contentType = null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ActionResult.failed("interrupted while waiting for " + uri, noResponse(uri));
    } catch (IOException e) {
      return ActionResult.failed(describeFailure(e, uri, timeout), noResponse(uri));
    } finally {
      ctx.waitingFor(null);
    }
    long elapsedNanos = ctx.clock().nanoTime() - start;
    return result(response, uri, redirected, bodyFormat, expected, returnContent, readOnly,
        elapsedNanos);
  }

  private static ActionResult result(HttpResponse<byte[]> response, URI uri, boolean redirected,
      String bodyFormat, List<Long> expected, boolean returnContent, boolean readOnly,
      long elapsedNanos) {
    Map<String, String> headers = new TreeMap<>();
    response.headers().map().forEach((k, v) -> {
      if (!k.startsWith(":")) {
        headers.merge(k.toLowerCase(Locale.ROOT), String.join(", ", v), (x, y) -> x + ", " + y);
      }
    });
    String contentTypeHeader = headers.getOrDefault("content-type", "");
    String content = new String(response.body(), charset(contentTypeHeader));

    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", (long) response.statusCode());
    data.put("url", uri.toString());
    data.put("redirected", redirected);
    data.put("headers", headers);
    if (returnContent) {
      data.put("content", content);
    }
    data.put("elapsed", elapsedNanos / 1_000_000_000L);

    boolean jsonExpected = isJson(contentTypeHeader) || bodyFormat.equals("json");
    String jsonError = null;
    if (jsonExpected && !content.isBlank()) {
      try {
        data.put("json", wholeNumbersAsLongs(Json.MAPPER.readValue(content, Object.class)));
      } catch (JsonProcessingException e) {
        jsonError = shortReason(e);
      }
    }
    if (!expected.contains((long) response.statusCode())) {
      return ActionResult.failed("status " + response.statusCode() + " is not one of " + expected,
          data);
    }
    if (jsonError != null) {
      return ActionResult.failed("response from " + uri + " is not valid JSON: " + jsonError, data);
    }
    return ActionResult.of(!readOnly, data);
  }

  /**
   * Jackson reads small integers as Integer, larger as Long and beyond 64 bits as BigInteger;
   * the engine's values use Long for every integer that fits, so commit timestamps stay exact.
   */
  static Object wholeNumbersAsLongs(Object v) {
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, x) -> out.put(String.valueOf(k), wholeNumbersAsLongs(x)));
      return out;
    }
    if (v instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      list.forEach(x -> out.add(wholeNumbersAsLongs(x)));
      return out;
    }
    return v;
  }

  private static HttpRequest request(URI uri, String method, Map<String, String> headers,
      String contentType, byte[] body, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    boolean hasContentType = false;
    for (Map.Entry<String, String> h : headers.entrySet()) {
      try {
        b.header(h.getKey(), h.getValue());
      } catch (IllegalArgumentException e) {
        throw new ActionException("'http.headers' cannot set " + h.getKey() + ": " + e.getMessage());
      }
      hasContentType |= h.getKey().equalsIgnoreCase("content-type");
    }
    if (contentType != null && !hasContentType) {
      b.header("Content-Type", contentType);
    }
    return b.build();
  }

  private static URI parseUrl(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new ActionException("'http.url' is not a valid URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ActionException("'http.url' must be an http or https URL, not " + url);
    }
    if (uri.getHost() == null) {
      throw new ActionException("'http.url' has no host: " + url);
    }
    return uri;
  }

  private static byte[] body(ActionArgs a, String bodyFormat) {
    Object body = a.raw("body");
    if (body == null) {
      return null;
    }
    String text;
    if (body instanceof String s) {
      text = s;
    } else if (bodyFormat.equals("json")) {
      try {
        text = Json.MAPPER.writeValueAsString(body);
      } catch (JsonProcessingException e) {
        throw new ActionException("'http.body' cannot be written as JSON: " + shortReason(e));
      }
    } else if (bodyFormat.equals("form-urlencoded")) {
      text = formEncode(body);
    } else if (body instanceof Map || body instanceof List) {
      throw new ActionException("'http.body' must be a string when body_format is raw;"
          + " use body_format: json or form-urlencoded for " + ActionArgs.describe(body));
    } else {
      text = String.valueOf(body);
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String formEncode(Object body) {
    List<String[]> pairs = new ArrayList<>();
    if (body instanceof Map<?, ?> map) {
      map.forEach((k, v) -> pairs.add(new String[] {String.valueOf(k), v == null ? "" : String.valueOf(v)}));
    } else if (body instanceof List<?> list) {
      for (Object item : list) {
        if (!(item instanceof List<?> pair) || pair.size() != 2) {
          throw new ActionException("'http.body' for form-urlencoded must be a mapping or a list"
              + " of [name, value] pairs");
        }
        pairs.add(new String[] {String.valueOf(pair.get(0)), String.valueOf(pair.get(1))});
      }
    } else {
      return String.valueOf(body);
    }
    List<String> parts = new ArrayList<>();
    for (String[] p : pairs) {
      parts.add(URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(p[1], StandardCharsets.UTF_8));
    }
    return String.join("&", parts);
  }

  private static List<Long> statusCodes(ActionArgs a) {
    Object v = a.raw("status_code");
    if (v == null) {
      return List.of(200L);
    }
    List<Long> codes = new ArrayList<>();
    for (Object item : v instanceof List<?> list ? list : List.of(v)) {
      long code;
      if (item instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        code = n.longValue();
      } else if (item instanceof String s && s.trim().matches("\\d{3}")) {
        code = Long.parseLong(s.trim());
      } else {
        throw new ActionException("'http.status_code' must be a status code or a list of them, not "
            + ActionArgs.describe(item));
      }
      codes.add(code);
    }
    if (codes.isEmpty()) {
      throw new ActionException("'http.status_code' must name at least one status code");
    }
    return codes;
  }

  private static boolean followRedirects(ActionArgs a) {
    Object v = a.raw("follow_redirects");
    if (v == null) {
      return true;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = String.valueOf(v).trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "yes", "all", "safe", "urllib2" -> true;
      case "false", "no", "none" -> false;
      default -> throw new ActionException("'http.follow_redirects' must be true or false, not "
          + ActionArgs.describe(v));
    };
  }

  private static boolean isJson(String contentType) {
    String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return media.equals("application/json") || media.endsWith("+json");
  }

  private static Charset charset(String contentType) {
    for (String param : contentType.split(";")) {
      String p = param.trim();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        try {
          return Charset.forName(p.substring(8).replace("\"", "").trim());
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static String describeFailure(IOException e, URI uri, Duration timeout) {
    if (e instanceof HttpConnectTimeoutException) {
      return "connection to " + uri + " timed out after " + CONNECT_TIMEOUT.toSeconds() + "s";
    }
    if (e instanceof HttpTimeoutException) {
      return "no response from " + uri + " within " + seconds(timeout);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException) {
        return "cannot resolve host " + uri.getHost() + " of " + uri;
      }
    }
    if (e instanceof ConnectException) {
      return "connection refused to " + uri;
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "request to " + uri + " failed: " + reason;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() / 1000.0 + "s";
  }

  private static String shortReason(JsonProcessingException e) {
    String m = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    int nl = m.indexOf('\n');
    if (nl >= 0) {
      m = m.substring(0, nl);
    }
    return m.length() > 120 ? m.substring(0, 117) + "..." : m;
  }

  /** The result when no response came: status -1, as Ansible's uri module registers it. */
  private static Map<String, Object> noResponse(URI uri) {
    return Map.of("url", uri.toString(), "status", -1L);
  }
}
