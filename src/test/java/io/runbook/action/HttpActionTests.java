package io.runbook.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.runbook.model.Status;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpActionTests {
  private static final String PUMP_STATUS = "{\"status\":{\"host:8250\":{\"nodeId\":\"host:8250\","
      + "\"host\":\"127.0.0.1:8250\",\"state\":\"online\",\"isAlive\":true,\"score\":0,\"label\":null,"
      + "\"maxCommitTS\":405808765432152065,\"updateTS\":405808765432152065}},"
      + "\"CommitTS\":405808765432152065,\"ErrMsg\":\"\"}";

  private final HttpAction action = new HttpAction();
  private final TestActionContext ctx = new TestActionContext();
  private final CountDownLatch release = new CountDownLatch(1);
  private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
  private HttpServer server;
  private ExecutorService executor;
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "test-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/status", ex -> reply(ex, 200, "application/json", PUMP_STATUS));
    server.createContext("/big", ex -> reply(ex, 200, "application/json; charset=utf-8",
        "{\"n\":123456789012345678901234567890,\"f\":1.5}"));
    server.createContext("/garbage", ex -> reply(ex, 200, "application/json", "{\"status\": onl"));
    server.createContext("/text", ex -> reply(ex, 200, "text/plain", "TiDB is here"));
    server.createContext("/error", ex -> reply(ex, 500, "text/plain", "boom"));
    server.createContext("/redirect", ex -> {
      ex.getResponseHeaders().add("Location", "/status");
      reply(ex, 302, "text/plain", "");
    });
    server.createContext("/hang", ex -> {
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply(ex, 200, "text/plain", "late");
    });
    server.createContext("/state/", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " "
          + ex.getRequestHeaders().getFirst("Content-Type") + " "
          + ex.getRequestHeaders().getFirst("X-Token") + " " + body);
      reply(ex, 200, "application/json", "{\"message\":\"apply action pause success!\",\"code\":200,\"data\":null}");
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }

  private ActionResult run(Object... kv) {
    Map<String, Object> args = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      args.put((String) kv[i], kv[i + 1]);
    }
    return action.execute(ctx, args);
  }

  @Test
  @SuppressWarnings("unchecked")
  void getsAPumpStatusAndKeepsCommitTimestampsExact() {
    ActionResult r = run("url", base + "/status");
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.data()).containsEntry("status", 200L).containsEntry("url", base + "/status")
        .containsEntry("content", PUMP_STATUS);
    Map<String, Object> json = (Map<String, Object>) r.data().get("json");
    Map<String, Object> node = (Map<String, Object>) ((Map<String, Object>) json.get("status")).get("host:8250");
    assertThat(node).containsEntry("maxCommitTS", 405808765432152065L).containsEntry("state", "online")
        .containsEntry("score", 0L).containsEntry("label", null);
    assertThat(json).containsEntry("CommitTS", 405808765432152065L);
    assertThat((Map<String, String>) r.data().get("headers")).containsEntry("content-type", "application/json");
  }

  @Test
  @SuppressWarnings("unchecked")
  void parsesNumbersBeyondSixtyFourBitsAsBigIntegers() {
    Map<String, Object> json = (Map<String, Object>) run("url", base + "/big").data().get("json");
    assertThat(json).containsEntry("n", new BigInteger("123456789012345678901234567890"))
        .containsEntry("f", 1.5);
  }

  @Test
  void failsOnABodyThatShouldBeJsonAndIsNot() {
    ActionResult r = run("url", base + "/garbage");
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).startsWith("response from " + base + "/garbage is not valid JSON: ")
        .doesNotContain("\n");
    assertThat(r.data()).containsEntry("status", 200L).doesNotContainKey("json");
  }

  @Test
  void aTextBodyIsNotParsedUnlessJsonIsExpected() {
    ActionResult r = run("url", base + "/text");
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.data()).containsEntry("content", "TiDB is here").doesNotContainKey("json");
    ActionResult expectJson = run("url", base + "/text", "body_format", "json");
    assertThat(expectJson.status()).isEqualTo(Status.FAILED);
    assertThat(expectJson.message()).contains("is not valid JSON");
  }

  @Test
  void failsOnAnUnexpectedStatusWithTheDataStillRegistered() {
    ActionResult r = run("url", base + "/error");
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).isEqualTo("status 500 is not one of [200]");
    assertThat(r.data()).containsEntry("status", 500L).containsEntry("content", "boom");
    assertThat(run("url", base + "/error", "status_code", List.of(200L, "500")).status()).isEqualTo(Status.OK);
    assertThat(run("url", base + "/error", "status_code", 500L).status()).isEqualTo(Status.OK);
  }

  @Test
  void followsRedirectsUnlessTold() {
    ActionResult r = run("url", base + "/redirect");
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.data()).containsEntry("url", base + "/status").containsEntry("redirected", true);
    ActionResult stay = run("url", base + "/redirect", "follow_redirects", false, "status_code", 302L);
    assertThat(stay.status()).isEqualTo(Status.OK);
    assertThat(stay.data()).containsEntry("status", 302L).containsEntry("redirected", false);
  }

  @Test
  void aMutatingMethodIsChangedAndSendsJsonWithHeaders() {
    ActionResult r = run("url", base + "/state/host:8250/pause", "method", "put",
        "headers", Map.of("X-Token", "t1"), "body", Map.of("reason", "upgrade"), "body_format", "json");
    assertThat(r.status()).isEqualTo(Status.CHANGED);
    assertThat(requests).containsExactly(
        "PUT /state/host:8250/pause application/json t1 {\"reason\":\"upgrade\"}");
    Map<String, Object> expected = new HashMap<>();
    expected.put("message", "apply action pause success!");
    expected.put("code", 200L);
    expected.put("data", null);
    assertThat(r.data()).containsEntry("json", expected);
  }

  @Test
  void encodesAFormBody() {
    run("url", base + "/state/x", "method", "POST", "body", Map.of("a b", "c&d"), "body_format", "form-urlencoded");
    assertThat(requests).containsExactly("POST /state/x application/x-www-form-urlencoded null a+b=c%26d");
  }

  @Test
  void refusesAMappingBodyInRawFormat() {
    assertThatThrownBy(() -> run("url", base + "/state/x", "method", "POST", "body", Map.of("a", 1L)))
        .isInstanceOf(ActionException.class).hasMessageContaining("body_format");
  }

  @Test
  void aRefusedConnectionIsAFailureNotAnException() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/status";
    ActionResult r = run("url", url);
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).isEqualTo("connection refused to " + url);
  }

  @Test
  void aHangingEndpointTimesOut() {
    ActionResult r = run("url", base + "/hang", "timeout", 1L);
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.message()).isEqualTo("no response from " + base + "/hang within 1s");
    assertThat(ctx.waits).containsExactly("a response from " + base + "/hang");
  }

  @Test
  void checkModeReadsButDoesNotWrite() {
    ctx.checkMode = true;
    assertThat(run("url", base + "/status").status()).isEqualTo(Status.OK);
    ActionResult put = run("url", base + "/state/host:8250/pause", "method", "PUT");
    assertThat(put.status()).isEqualTo(Status.UNKNOWN);
    assertThat(requests).isEmpty();
  }

  @Test
  void leavesOutTheContentWhenNotWanted() {
    ActionResult r = run("url", base + "/status", "return_content", false);
    assertThat(r.data()).doesNotContainKey("content").containsKey("json");
  }

  @Test
  void refusesUrlsThatAreNotHttp() {
    assertThatThrownBy(() -> run("url", "file:///etc/passwd"))
        .isInstanceOf(ActionException.class).hasMessageContaining("http or https");
    assertThatThrownBy(() -> run("url", "http://"))
        .isInstanceOf(ActionException.class);
  }
}
