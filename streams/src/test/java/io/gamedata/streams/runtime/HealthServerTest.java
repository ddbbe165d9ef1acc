package io.gamedata.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthServerTest {

  static final class FakeStatus implements HealthServer.Status {
    volatile boolean healthy;

    @Override
    public String state() {
      return healthy ? "RUNNING" : "ERROR";
    }

    @Override
    public boolean healthy() {
      return healthy;
    }

    @Override
    public Map<String, Object> metrics() {
      return Map.of("dlq", 3L, "lag", 0L);
    }
  }

  @Test
  void healthFollowsTheStateAndMetricsAreJson() throws Exception {
    FakeStatus status = new FakeStatus();
    HttpClient client = HttpClient.newHttpClient();
    try (HealthServer server = new HealthServer(0, status).start()) {
      String base = "http://localhost:" + server.port();
      HttpResponse<String> down = get(client, base + "/health");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("\"state\":\"ERROR\"");
      status.healthy = true;
      assertThat(get(client, base + "/health").statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = get(client, base + "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("\"dlq\":3");
      assertThat(get(client, base + "/nope").statusCode()).isEqualTo(404);
      HttpResponse<String> post =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/health"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.body()).contains("error");
    }
  }

  private static HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
