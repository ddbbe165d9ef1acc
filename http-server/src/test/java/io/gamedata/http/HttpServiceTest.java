package io.gamedata.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shared server on a random port with a real client: routes, JSON errors, metrics. */
class HttpServiceTest {

  static AppMetrics metrics;
  static HttpService http;
  static final HttpClient CLIENT = HttpClient.newHttpClient();
  static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void start() {
    metrics = AppMetrics.create();
    http =
        HttpService.builder("test")
            .bind("127.0.0.1", 0)
            .threads(2)
            .meters(metrics.registry())
            .header("Cache-Control", "no-store")
            .routes(
                r ->
                    r.get(
                            "/items/{id}",
                            ctx -> {
                              String id = ctx.pathParam("id");
                              if (!id.matches("[0-9]+")) {
                                throw HttpError.badParameter("id", "id must be a number");
                              }
                              Responses.json(ctx, 200, Map.of("id", Long.parseLong(id)));
                            })
                        .post("/items", ctx -> Responses.json(ctx, 201, Map.of("created", true)))
                        .get(
                            "/teapot",
                            ctx -> {
                              throw new HttpError(418, "short and stout").header("X-Tea", "yes");
                            })
                        .get(
                            "/boom",
                            ctx -> {
                              throw new IllegalStateException("secret detail");
                            }))
            .start();
  }

  @AfterAll
  static void stop() {
    http.close();
    metrics.close();
  }

  static HttpResponse<String> send(String method, String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    return JSON.readTree(r.body());
  }

  @Test
  void routesAnswerWithTheirStatusAndTheCommonHeaders() throws Exception {
    var r = send("GET", "/items/7");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json(r).get("id").asLong()).isEqualTo(7);
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(send("POST", "/items").statusCode()).isEqualTo(201);
  }

  @Test
  void headAnswersTheGetHeadersWithoutBody() throws Exception {
    var r = send("HEAD", "/items/7");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(r.body()).isEmpty();
  }

  @Test
  void errorsAreJsonNamingTheParameter() throws Exception {
    var bad = send("GET", "/items/x");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").asText()).isEqualTo("id must be a number");
    assertThat(json(bad).get("parameter").asText()).isEqualTo("id");
    assertThat(bad.headers().firstValue("Cache-Control")).hasValue("no-store");
    var tea = send("GET", "/teapot");
    assertThat(tea.statusCode()).isEqualTo(418);
    assertThat(tea.headers().firstValue("X-Tea")).hasValue("yes");
    assertThat(json(tea).has("parameter")).isFalse();
  }

  @Test
  void unknownPathIs404AndOtherMethodIs405WithAllow() throws Exception {
    var missing = send("GET", "/nothing/here");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(json(missing).get("error").asText()).contains("/nothing/here");
    var wrong = send("DELETE", "/items/3");
    assertThat(wrong.statusCode()).isEqualTo(405);
    assertThat(wrong.headers().firstValue("Allow").orElse("")).contains("GET", "HEAD");
    assertThat(json(wrong).get("error").asText()).contains("DELETE");
    var getOnPost = send("GET", "/items");
    assertThat(getOnPost.statusCode()).isEqualTo(405);
    assertThat(getOnPost.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void anUnexpectedExceptionIs500WithoutItsDetail() throws Exception {
    var r = send("GET", "/boom");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(json(r).get("error").asText()).isEqualTo("internal error");
    assertThat(r.body()).doesNotContain("secret");
  }

  @Test
  void aMalformedRequestGetsAJsonErrorToo() throws Exception {
    try (Socket s = new Socket("127.0.0.1", http.port())) {
      OutputStream out = s.getOutputStream();
      out.write(
          "GET /items/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400");
      assertThat(answer).contains("application/json").contains("{\"error\":");
    }
  }

  @Test
  void metricsAreServedAsPrometheusTextWithRequestHistograms() throws Exception {
    send("GET", "/items/1");
    send("GET", "/items/x");
    send("GET", "/nothing");
    var r = send("GET", "/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(r.body())
        .contains("http_server_requests_seconds_bucket{")
        .contains("uri=\"/items/{id}\"")
        .contains("status=\"400\"")
        .contains("outcome=\"CLIENT_ERROR\"")
        .contains("uri=\"NOT_FOUND\"")
        .contains("le=\"0.005\"")
        .contains("jvm_memory_used_bytes")
        .contains("jvm_gc_pause_seconds")
        .contains("process_cpu_usage");
    assertThat(r.body()).doesNotContain("uri=\"/nothing\"");
  }

  @Test
  void aTakenPortFailsNamingTheAddress() {
    assertThatThrownBy(() -> HttpService.builder("second").bind("127.0.0.1", http.port()).start())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:" + http.port())
        .hasMessageContaining("HTTP_PORT");
  }
}
