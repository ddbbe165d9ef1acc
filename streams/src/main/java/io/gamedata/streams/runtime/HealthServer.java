package io.gamedata.streams.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gamedata.contracts.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A tiny HTTP endpoint (JDK HttpServer): {@code GET /health} answers 200 while the application is
 * running or rebalancing, 503 otherwise; {@code GET /metrics} answers the counters and the lag as
 * JSON. Anything else: 404/405 with a JSON message.
 */
public final class HealthServer implements AutoCloseable {

  static {
    // without TCP_NODELAY small responses can wait for a delayed ACK (tens of ms per request)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** What the endpoint shows. */
  public interface Status {
    String state();

    boolean healthy();

    Map<String, Object> metrics();
  }

  private final HttpServer server;

  public HealthServer(int port, Status status) {
    this("0.0.0.0", port, status);
  }

  /** Listens on {@code host:port} (HTTP_BIND_ADDRESS, HTTP_PORT). */
  public HealthServer(String host, int port, Status status) {
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot listen on " + host + ":" + port + " (HTTP_BIND_ADDRESS, HTTP_PORT)", e);
    }
    server.createContext(
        "/health",
        ex ->
            handle(
                ex,
                () -> {
                  Map<String, Object> body = new LinkedHashMap<>();
                  body.put("state", status.state());
                  body.put("healthy", status.healthy());
                  return new Reply(status.healthy() ? 200 : 503, body);
                }));
    server.createContext("/metrics", ex -> handle(ex, () -> new Reply(200, status.metrics())));
    server.createContext(
        "/", ex -> handle(ex, () -> new Reply(404, Map.of("error", "not found: " + path(ex)))));
  }

  public HealthServer start() {
    server.start();
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private record Reply(int status, Map<String, ?> body) {}

  private static String path(HttpExchange ex) {
    return ex.getRequestURI().getPath();
  }

  private static void handle(HttpExchange ex, Supplier<Reply> route) throws IOException {
    Reply reply;
    if (!"GET".equals(ex.getRequestMethod())) {
      reply = new Reply(405, Map.of("error", "method not allowed: " + ex.getRequestMethod()));
    } else {
      try {
        reply = route.get();
      } catch (RuntimeException e) {
        reply = new Reply(500, Map.of("error", String.valueOf(e.getMessage())));
      }
    }
    byte[] bytes;
    try {
      bytes = Json.mapper().writeValueAsBytes(reply.body());
    } catch (JsonProcessingException e) {
      bytes = "{\"error\":\"cannot render\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(reply.status(), bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
