package io.gamedata.producer.webhook;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.json.Json;
import io.gamedata.http.Exchange;
import io.gamedata.http.HttpService;
import io.gamedata.http.Responses;
import io.gamedata.producer.publish.RecordSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer's HTTP server (the shared {@link HttpService}): receives IGDB webhook deliveries on
 * {@code POST /webhooks/<endpoint>/<create|update|delete>}, answers {@code GET /health} and, with a
 * registry, {@code GET /metrics}. The {@code X-Secret} header is compared in constant time (401
 * otherwise, nothing published); the body is limited in size (413) and must be one JSON object with
 * a numeric {@code id} (400 otherwise); the answer is 200 only after Kafka acknowledged the write
 * (503 if it did not within 10 s, so IGDB may deliver again). Deletes become tombstones. Every
 * delivery counts in {@code producer_webhook_deliveries_total{endpoint, method, outcome}}.
 */
public final class WebhookServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
  public static final String PATH = "/webhooks/";

  private final RecordSink sink;
  private final byte[] secret;
  private final int maxBody;
  private final PrometheusMeterRegistry meters;
  private final HttpService server;
  private final ObjectMapper mapper = Json.mapper();

  /** Without a metrics registry (no {@code /metrics}). */
  public WebhookServer(RecordSink sink, String secret, String host, int port, int maxBodyBytes) {
    this(sink, secret, host, port, maxBodyBytes, null);
  }

  public WebhookServer(
      RecordSink sink,
      String secret,
      String host,
      int port,
      int maxBodyBytes,
      PrometheusMeterRegistry meters) {
    this.sink = sink;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.maxBody = maxBodyBytes;
    this.meters = meters;
    this.server =
        HttpService.builder("producer")
            .bind(host, port)
            .threads(8)
            .meters(meters)
            .routes(
                r ->
                    r.any(PATH + "<rest>", this::handle)
                        .get("/health", ctx -> respond(ctx, 200, Map.of("status", "ok"))))
            .start();
  }

  /** Serving from construction on; kept for callers that chain it. */
  public WebhookServer start() {
    LOG.info("Webhook receiver listening on port {}", port());
    return this;
  }

  public int port() {
    return server.port();
  }

  /** The path IGDB posts one endpoint's events of one kind to. */
  public static String pathFor(IgdbEndpoint e, WebhookEvent.Method m) {
    return PATH + e.path() + "/" + m.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(Exchange ctx) throws IOException {
    if (!"POST".equals(ctx.method())) {
      ctx.header("Allow", "POST");
      respond(ctx, 405, Map.of("error", "use POST"));
      return;
    }
    String given = ctx.header("X-Secret");
    if (given == null || !MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
      count("unknown", "unknown", "unauthorized");
      respond(ctx, 401, Map.of("error", "missing or wrong X-Secret"));
      return;
    }
    String[] parts = ctx.path().substring(PATH.length()).split("/");
    IgdbEndpoint endpoint = parts.length == 2 ? IgdbEndpoint.fromPath(parts[0]).orElse(null) : null;
    WebhookEvent.Method method = parts.length == 2 ? method(parts[1]) : null;
    if (endpoint == null || method == null) {
      count("unknown", "unknown", "not_found");
      respond(ctx, 404, Map.of("error", "expected /webhooks/<endpoint>/<create|update|delete>"));
      return;
    }
    String e = endpoint.path();
    String m = method.name().toLowerCase(Locale.ROOT);
    String len = ctx.header("Content-Length");
    byte[] body = len != null && parseLong(len) > maxBody ? null : readLimited(ctx, maxBody);
    if (body == null) {
      count(e, m, "too_large");
      respond(ctx, 413, Map.of("error", "body larger than " + maxBody + " bytes"));
      return;
    }
    WebhookEvent event;
    try {
      event = parse(endpoint, method, body);
    } catch (IllegalArgumentException ex) {
      count(e, m, "bad_request");
      respond(ctx, 400, Map.of("error", ex.getMessage()));
      return;
    }
    CompletableFuture<Void> write =
        event.method() == WebhookEvent.Method.DELETE
            ? sink.delete(event.endpoint(), event.id())
            : sink.publish(event.endpoint(), event.id(), event.json());
    try {
      write.get(10, TimeUnit.SECONDS);
    } catch (TimeoutException ex) {
      count(e, m, "not_acknowledged");
      respond(ctx, 503, Map.of("error", "Kafka did not acknowledge in time, deliver again"));
      return;
    } catch (Exception ex) {
      LOG.warn("Webhook {} {} {} not written: {}", e, method, event.id(), ex.toString());
      count(e, m, "not_acknowledged");
      respond(ctx, 503, Map.of("error", "Kafka write failed, deliver again"));
      return;
    }
    count(e, m, "accepted");
    respond(ctx, 200, Map.of("status", "ok", "id", event.id(), "method", m));
  }

  private void count(String endpoint, String method, String outcome) {
    if (meters != null) {
      Counter.builder("producer.webhook.deliveries")
          .description("IGDB webhook deliveries by endpoint, method and outcome")
          .tag("endpoint", endpoint)
          .tag("method", method)
          .tag("outcome", outcome)
          .register(meters)
          .increment();
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
  private static byte[] readLimited(Exchange ctx, int max) throws IOException {
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] buf = in.readNBytes(max + 1);
      return buf.length > max ? null : buf;
    }
  }

  private void respond(Exchange ctx, int status, Map<String, ?> body) {
    Responses.json(ctx, status, body, mapper);
  }
}
