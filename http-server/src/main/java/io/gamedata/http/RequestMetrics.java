package io.gamedata.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code http.server.requests}: one timer per method, route, status, outcome and exception, with
 * histogram buckets (Prometheus {@code http_server_requests_seconds_bucket}) fine enough around the
 * recommender's 5 ms budget. The {@code uri} tag is the route template ({@code
 * /api/games/{id}/similar}), {@code NOT_FOUND} or {@code UNKNOWN} (another method's route) when no
 * route answered, so that the series stay few whatever the clients send.
 */
final class RequestMetrics {

  static final String NAME = "http.server.requests";

  private static final Duration[] BUCKETS = {
    Duration.ofNanos(250_000),
    Duration.ofNanos(500_000),
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private record Key(String method, String uri, int status, String exception) {}

  private final MeterRegistry registry;
  private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String method, String uri, int status, String exception, long nanos) {
    timers
        .computeIfAbsent(new Key(method, uri, status, exception), this::timer)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(Key k) {
    return Timer.builder(NAME)
        .description("HTTP requests served, by route and status")
        .tag("method", k.method())
        .tag("uri", k.uri())
        .tag("status", Integer.toString(k.status()))
        .tag("outcome", outcome(k.status()))
        .tag("exception", k.exception())
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }

  static String outcome(int status) {
    if (status < 200) {
      return "INFORMATIONAL";
    }
    if (status < 300) {
      return "SUCCESS";
    }
    if (status < 400) {
      return "REDIRECTION";
    }
    return status < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
  }
}
