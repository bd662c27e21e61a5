package io.runbook.lab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The lab's HTTP client: short timeouts, JSON bodies; any failure is an IOException. */
final class HttpJson {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofMillis(1000)).version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private HttpJson() {}

  static Object get(String url) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
  }

  static Object put(String url, Object body) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : Json.write(body)))
        .build());
  }

  static Object post(String url, Object body) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
  }

  private static Object send(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException(request.uri() + " answered " + r.statusCode() + ": " + r.body());
      }
      return r.body().isEmpty() ? null : Json.read(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IllegalArgumentException e) {
      throw new IOException(request.uri() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IOException(request.uri() + ": " + (e.getMessage() == null
          ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }
}
