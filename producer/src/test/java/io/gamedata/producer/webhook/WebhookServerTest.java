package io.gamedata.producer.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.testing.MemorySink;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookServerTest {

  static final String SECRET = "s3cret-value";
  CompletableFuture<Void> ack = CompletableFuture.completedFuture(null);
  MemorySink sink =
      new MemorySink() {
        @Override
        public CompletableFuture<Void> publish(IgdbEndpoint e, long id, byte[] json) {
          super.publish(e, id, json);
          return ack;
        }
      };
  WebhookServer server;
  HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    server = new WebhookServer(sink, SECRET, "localhost", 0, 1024).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  HttpResponse<String> post(String path, String secret, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
            .timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (secret != null) {
      b.header("X-Secret", secret);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void createIsPublishedAndAcknowledged() throws Exception {
    var r = post("/webhooks/games/create", SECRET, "{\"id\":5,\"name\":\"x\"}");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(sink.ids(IgdbEndpoint.GAMES)).containsExactly(5L);
  }

  @Test
  void wrongOrMissingSecretIsRefusedAndNothingPublished() throws Exception {
    assertThat(post("/webhooks/games/create", "wrong", "{\"id\":5}").statusCode()).isEqualTo(401);
    assertThat(post("/webhooks/games/create", null, "{\"id\":5}").statusCode()).isEqualTo(401);
    assertThat(sink.published).isEmpty();
  }

  @Test
  void garbageGetsAClearClientError() throws Exception {
    var notJson = post("/webhooks/games/update", SECRET, "not json");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("\"error\"").contains("not JSON");
    assertThat(post("/webhooks/games/update", SECRET, "[1,2]").statusCode()).isEqualTo(400);
    assertThat(post("/webhooks/games/update", SECRET, "{\"id\":\"x\"}").statusCode())
        .isEqualTo(400);
    assertThat(post("/webhooks/nope/update", SECRET, "{\"id\":1}").statusCode()).isEqualTo(404);
    assertThat(post("/webhooks/games/rename", SECRET, "{\"id\":1}").statusCode()).isEqualTo(404);
    var big =
        post("/webhooks/games/update", SECRET, "{\"id\":1,\"x\":\"" + "a".repeat(2000) + "\"}");
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(sink.published).isEmpty();
  }

  @Test
  void deleteBecomesATombstone() throws Exception {
    assertThat(post("/webhooks/games/delete", SECRET, "{\"id\":9}").statusCode()).isEqualTo(200);
    assertThat(sink.deleted.get(IgdbEndpoint.GAMES)).containsExactly(9L);
  }

  @Test
  void answersOnlyAfterTheWriteIsAcknowledged() throws Exception {
    ack = new CompletableFuture<>();
    CompletableFuture<HttpResponse<String>> response =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return post("/webhooks/games/update", SECRET, "{\"id\":3}");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !sink.ids(IgdbEndpoint.GAMES).isEmpty());
    assertThat(response).isNotDone();
    ack.complete(null);
    assertThat(response.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void aFailedWriteIsNotAcknowledged() throws Exception {
    ack = CompletableFuture.failedFuture(new IllegalStateException("broker down"));
    assertThat(post("/webhooks/games/update", SECRET, "{\"id\":3}").statusCode()).isEqualTo(503);
  }

  @Test
  void healthAndPrometheusMetricsWithDeliveryCounts() throws Exception {
    try (io.gamedata.http.AppMetrics meters = io.gamedata.http.AppMetrics.create();
        WebhookServer withMetrics =
            new WebhookServer(sink, SECRET, "localhost", 0, 1024, meters.registry())) {
      String base = "http://localhost:" + withMetrics.port();
      HttpRequest.Builder delivery =
          HttpRequest.newBuilder(URI.create(base + "/webhooks/games/create"))
              .header("X-Secret", SECRET)
              .POST(HttpRequest.BodyPublishers.ofString("{\"id\":7}"));
      assertThat(http.send(delivery.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      var health =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"ok\"");
      var metrics =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains(
              "producer_webhook_deliveries_total{endpoint=\"games\",method=\"create\","
                  + "outcome=\"accepted\"} 1.0")
          .contains("http_server_requests_seconds_bucket{")
          .contains("uri=\"/webhooks/<rest>\"");
    }
  }
}
