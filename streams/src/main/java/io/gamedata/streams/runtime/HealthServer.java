package io.gamedata.streams.runtime;

import io.gamedata.contracts.json.Json;
import io.gamedata.http.HttpService;
import io.gamedata.http.Responses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The streams application's HTTP endpoint on the shared {@link HttpService}: {@code GET /health}
 * answers 200 while the application is running or rebalancing, 503 otherwise; {@code GET /stats}
 * the counters and the lag as JSON; {@code GET /metrics} the app's registry in Prometheus text
 * (pipeline counters, Kafka Streams client metrics, JVM). Anything else: 404/405 with a JSON
 * message.
 */
public final class HealthServer implements AutoCloseable {

  /** What the endpoint shows. */
  public interface Status {
    String state();

    boolean healthy();

    Map<String, Object> metrics();
  }

  private final HttpService server;

  /** On every interface, without a Prometheus registry (tests). */
  public HealthServer(int port, Status status) {
    this("0.0.0.0", port, status, null);
  }

  public HealthServer(String bindAddress, int port, Status status, PrometheusMeterRegistry meters) {
    server =
        HttpService.builder("streams")
            .bind(bindAddress, port)
            .threads(2)
            .meters(meters)
            .routes(
                r ->
                    r.get(
                            "/health",
                            ctx -> {
                              Map<String, Object> body = new LinkedHashMap<>();
                              body.put("state", status.state());
                              body.put("healthy", status.healthy());
                              Responses.json(
                                  ctx, status.healthy() ? 200 : 503, body, Json.mapper());
                            })
                        .get(
                            "/stats",
                            ctx -> Responses.json(ctx, 200, status.metrics(), Json.mapper())))
            .start();
  }

  /** Serving from construction on; kept for callers that chain it. */
  public HealthServer start() {
    return this;
  }

  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
  }
}
