package io.gamedata.producer.webhook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.json.Json;
import io.gamedata.producer.publish.RecordSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives IGDB webhook deliveries on {@code POST /webhooks/<endpoint>/<create|update|delete>}. The
 * {@code X-Secret} header is compared in constant time (401 otherwise, nothing published); the body
 * is limited in size (413) and must be one JSON object with a numeric {@code id} (400 otherwise);
 * the answer is 200 only after Kafka acknowledged the write (503 if it did not within 10 s, so IGDB
 * may deliver again). Deletes become tombstones. {@code GET /health} answers 200.
 */
public final class WebhookServer implements AutoCloseable {

  static {
    // without TCP_NODELAY small responses can wait for a delayed ACK (tens of ms per request)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
  public static final String PATH = "/webhooks/";

  private final RecordSink sink;
  private final byte[] secret;
  private final int maxBody;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ObjectMapper mapper = Json.mapper();

  public WebhookServer(RecordSink sink, String secret, String host, int port, int maxBodyBytes)
      throws IOException {
    this.sink = sink;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.maxBody = maxBodyBytes;
    this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
    this.executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "webhook-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext(PATH, this::handle);
    server.createContext("/health", ex -> respond(ex, 200, Map.of("status", "ok")));
    server.createContext(
        "/", ex -> respond(ex, 404, Map.of("error", "not found: " + ex.getRequestURI().getPath())));
  }

  public WebhookServer start() {
    server.start();
    LOG.info("Webhook receiver listening on port {}", port());
    return this;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The path IGDB posts one endpoint's events of one kind to. */
  public static String pathFor(IgdbEndpoint e, WebhookEvent.Method m) {
    return PATH + e.path() + "/" + m.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().add("Allow", "POST");
        respond(ex, 405, Map.of("error", "use POST"));
        return;
      }
      String given = ex.getRequestHeaders().getFirst("X-Secret");
      if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
        respond(ex, 401, Map.of("error", "missing or wrong X-Secret"));
        return;
      }
      String[] parts = ex.getRequestURI().getPath().substring(PATH.length()).split("/");
      IgdbEndpoint endpoint =
          parts.length == 2 ? IgdbEndpoint.fromPath(parts[0]).orElse(null) : null;
      WebhookEvent.Method method = parts.length == 2 ? method(parts[1]) : null;
      if (endpoint == null || method == null) {
        respond(ex, 404, Map.of("error", "expected /webhooks/<endpoint>/<create|update|delete>"));
        return;
      }
      String len = ex.getRequestHeaders().getFirst("Content-Length");
      if (len != null && parseLong(len) > maxBody) {
        respond(ex, 413, Map.of("error", "body larger than " + maxBody + " bytes"));
        return;
      }
      byte[] body = readLimited(ex.getRequestBody(), maxBody);
      if (body == null) {
        respond(ex, 413, Map.of("error", "body larger than " + maxBody + " bytes"));
        return;
      }
      WebhookEvent event;
      try {
        event = parse(endpoint, method, body);
      } catch (IllegalArgumentException e) {
        respond(ex, 400, Map.of("error", e.getMessage()));
        return;
      }
      CompletableFuture<Void> write =
          event.method() == WebhookEvent.Method.DELETE
              ? sink.delete(event.endpoint(), event.id())
              : sink.publish(event.endpoint(), event.id(), event.json());
      try {
        write.get(10, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        respond(ex, 503, Map.of("error", "Kafka did not acknowledge in time, deliver again"));
        return;
      } catch (Exception e) {
        LOG.warn(
            "Webhook {} {} {} not written: {}", endpoint.path(), method, event.id(), e.toString());
        respond(ex, 503, Map.of("error", "Kafka write failed, deliver again"));
        return;
      }
      respond(
          ex,
          200,
          Map.of(
              "status", "ok", "id", event.id(), "method", method.name().toLowerCase(Locale.ROOT)));
    }
  }

  WebhookEvent parse(IgdbEndpoint endpoint, WebhookEvent.Method method, byte[] body) {
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JacksonException | RuntimeException e) {
      throw new IllegalArgumentException("body is not JSON");
    } catch (IOException e) {
      throw new IllegalArgumentException("body is not readable");
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("body must be one JSON object");
    }
    JsonNode id = node.get("id");
    if (id == null || !id.isIntegralNumber() || id.asLong() <= 0) {
      throw new IllegalArgumentException("body must carry a positive integer id");
    }
    byte[] json;
    try {
      json = mapper.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalArgumentException("body cannot be re-serialized");
    }
    return new WebhookEvent(endpoint, method, id.asLong(), json);
  }

  private static WebhookEvent.Method method(String s) {
    try {
      return WebhookEvent.Method.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The body, or null when it is longer than {@code max}. */
  private static byte[] readLimited(InputStream in, int max) throws IOException {
    byte[] buf = in.readNBytes(max + 1);
    return buf.length > max ? null : buf;
  }

  private void respond(HttpExchange ex, int status, Map<String, ?> body) throws IOException {
    byte[] bytes = mapper.writeValueAsBytes(body);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
