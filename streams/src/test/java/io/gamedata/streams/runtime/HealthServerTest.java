package io.gamedata.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.http.AppMetrics;
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
  void healthFollowsTheStateStatsAreJsonAndMetricsPrometheusText() throws Exception {
    FakeStatus status = new FakeStatus();
    HttpClient client = HttpClient.newHttpClient();
    try (AppMetrics meters = AppMetrics.create();
        HealthServer server = new HealthServer("127.0.0.1", 0, status, meters.registry())) {
      String base = "http://localhost:" + server.port();
      HttpResponse<String> down = get(client, base + "/health");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("\"state\":\"ERROR\"");
      status.healthy = true;
      assertThat(get(client, base + "/health").statusCode()).isEqualTo(200);
      HttpResponse<String> stats = get(client, base + "/stats");
      assertThat(stats.statusCode()).isEqualTo(200);
      assertThat(stats.body()).contains("\"dlq\":3");
      HttpResponse<String> metrics = get(client, base + "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
      assertThat(metrics.body())
          .contains("http_server_requests_seconds_bucket{")
          .contains("uri=\"/health\"");
      HttpResponse<String> missing = get(client, base + "/nope");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).contains("\"error\"");
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
