package io.gamedata.producer.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamedata.contracts.json.Json;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.limiter.Backoff;
import io.gamedata.producer.limiter.RateLimiter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IGDB API v4 client: every call goes through the {@link RateLimiter}, carries {@code
 * Client-ID}, the bearer token and a descriptive {@code User-Agent}, renews the token once on 401
 * and retries 429, 5xx, timeouts and I/O errors with exponential backoff and jitter. Responses are
 * parsed as a stream, one record at a time; a page is held only until it parsed completely, so a
 * response cut off mid-way is retried without delivering half a page.
 */
public final class IgdbClient implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(IgdbClient.class);

  /** 429s one call waits through (with backoff) before they count as failed attempts. */
  private static final int MAX_THROTTLED_PER_CALL = 50;

  /**
   * Added to the one-second window: a request can reach the server a little later than the limiter
   * let it go (scheduling, a new connection), which would squeeze two starts one window apart.
   */
  static final Duration WINDOW_MARGIN = Duration.ofMillis(15);

  private static final MediaType TEXT = MediaType.get("text/plain; charset=utf-8");

  private final OkHttpClient http;
  private final HttpUrl base;
  private final String clientId;
  private final String userAgent;

  /** Token renewals one call may do before a 401 is final. */
  static final int MAX_RENEWALS_PER_CALL = 3;

  private final TokenProvider tokens;
  private final RateLimiter limiter;
  private final Backoff backoff;
  private final int maxAttempts;
  private final ClientMetrics metrics;
  private final ObjectMapper mapper = Json.mapper();
  private final JsonFactory factory = mapper.getFactory();

  public IgdbClient(ProducerConfig config) {
    this(config, Clock.systemUTC());
  }

  public IgdbClient(ProducerConfig config, Clock clock) {
    this(
        config,
        new RateLimiter(config.requestsPerSecond(), config.maxInFlight(), WINDOW_MARGIN),
        clock);
  }

  public IgdbClient(ProducerConfig config, RateLimiter limiter, Clock clock) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(config.maxInFlight() * 2);
    dispatcher.setMaxRequestsPerHost(config.maxInFlight() * 2);
    this.http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(config.maxInFlight() * 2, 5, TimeUnit.MINUTES))
            .connectTimeout(Duration.ofSeconds(10))
            .readTimeout(config.requestTimeout())
            .callTimeout(config.requestTimeout().plusSeconds(5))
            .retryOnConnectionFailure(false)
            .eventListener(
                new EventListener() {
                  @Override
                  public void requestHeadersStart(Call call) {
                    RateLimiter.Permit p = call.request().tag(RateLimiter.Permit.class);
                    if (p != null) {
                      p.sent();
                    }
                  }
                })
            .build();
    String b = config.apiUrl().toString();
    this.base = HttpUrl.get(b.endsWith("/") ? b : b + "/");
    this.clientId = config.clientId();
    this.userAgent = config.userAgent();
    this.metrics = new ClientMetrics();
    this.tokens =
        new TokenProvider(
            http,
            config.tokenUrl(),
            config.clientId(),
            config.clientSecret(),
            userAgent,
            clock,
            metrics);
    this.limiter = limiter;
    this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
    this.maxAttempts = config.maxAttempts();
  }

  public ClientMetrics metrics() {
    return metrics;
  }

  /** Runs one Apicalypse query on {@code /v4/<endpoint>}; the records of the page in order. */
  public List<RawRecord> query(String endpoint, String apicalypse) {
    return query(endpoint, apicalypse, maxAttempts);
  }

  /** As {@link #query(String, String)} with its own attempt budget (bisection uses fewer). */
  public List<RawRecord> query(String endpoint, String apicalypse, int attempts) {
    return call(
        attempts,
        () -> post(base.resolve(endpoint), RequestBody.create(apicalypse, TEXT)),
        this::parseRecords);
  }

  /** {@code POST /v4/<endpoint>/count} with a {@code where} clause (may be empty). */
  public long count(String endpoint, String where) {
    String q = where == null || where.isBlank() ? "" : "where " + where + ";";
    return call(
        maxAttempts,
        () -> post(base.resolve(endpoint + "/count"), RequestBody.create(q, TEXT)),
        in -> mapper.readTree(in).path("count").asLong(-1));
  }

  /**
   * {@code POST /v4/multiquery}: up to 10 named sub-queries in one request. Returns the records of
   * each sub-query by name, in the order of the answer.
   */
  public Map<String, List<RawRecord>> multiquery(String body, int attempts) {
    return call(
        attempts,
        () -> post(base.resolve("multiquery"), RequestBody.create(body, TEXT)),
        this::parseMultiquery);
  }

  /** Registers a webhook ({@code method} = create, update or delete); the answer as JSON. */
  public JsonNode registerWebhook(String endpoint, String url, String secret, String method) {
    FormBody form =
        new FormBody.Builder().add("url", url).add("secret", secret).add("method", method).build();
    return call(
        maxAttempts, () -> post(base.resolve(endpoint + "/webhooks/"), form), mapper::readTree);
  }

  /** {@code GET /v4/webhooks/}. */
  public JsonNode listWebhooks() {
    return call(
        maxAttempts,
        () -> authed(new Request.Builder().url(base.resolve("webhooks/")).get()),
        mapper::readTree);
  }

  /** {@code DELETE /v4/webhooks/<id>}. */
  public void deleteWebhook(long id) {
    call(
        maxAttempts,
        () -> authed(new Request.Builder().url(base.resolve("webhooks/" + id)).delete()),
        in -> null);
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private Request.Builder post(HttpUrl url, RequestBody body) {
    return authed(new Request.Builder().url(url).post(body));
  }

  private Request.Builder authed(Request.Builder b) {
    return b.header("Client-ID", clientId)
        .header("User-Agent", userAgent)
        .header("Accept", "application/json");
  }

  @FunctionalInterface
  private interface BodyReader<T> {
    T read(InputStream in) throws IOException;
  }

  @FunctionalInterface
  private interface RequestFactory {
    Request.Builder build();
  }

  private <T> T call(int attempts, RequestFactory factory, BodyReader<T> reader) {
    int renewals = 0;
    int throttledHere = 0;
    IgdbException last = null;
    String path = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (last != null) {
        metrics.retries.increment();
        if (last.status() != 401) {
          sleep(backoff.delay(Math.max(attempt - 1, Math.min(throttledHere, 6))));
        }
      }
      String token;
      try {
        token = tokens.token();
      } catch (IgdbException e) {
        if (!e.retryable()) {
          throw e;
        }
        last = e;
        continue;
      }
      Request.Builder rb = factory.build().header("Authorization", "Bearer " + token);
      RateLimiter.Permit permit;
      try {
        permit = limiter.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IgdbException(0, "Interrupted waiting for the rate limiter", e);
      }
      Request req = rb.tag(RateLimiter.Permit.class, permit).build();
      path = req.url().encodedPath();
      try (permit;
          Response resp = http.newCall(req).execute()) {
        metrics.requests.increment();
        int code = resp.code();
        ResponseBody body = resp.body();
        if (code == 200) {
          CountingInputStream in = new CountingInputStream(body.byteStream());
          T value = reader.read(in);
          metrics.bytes.add(in.count());
          limiter.onSuccess();
          return value;
        }
        String text = clip(body);
        if (code == 401 && renewals < MAX_RENEWALS_PER_CALL) {
          // a token can expire while a call waits out 429s; each renewal gets a fresh token, and
          // a 401 that survives several fresh tokens (wrong Client-ID) is final
          renewals++;
          tokens.invalidate(token);
          LOG.info(
              "{} answered 401: renewing the token ({} of {})",
              path,
              renewals,
              MAX_RENEWALS_PER_CALL);
          attempt--; // the renewal does not use up an attempt
          last = new IgdbException(code, path + ": HTTP 401 " + text, null);
          continue;
        }
        if (code == 429) {
          metrics.throttled.increment();
          permit.refused();
          limiter.onThrottled();
          if (++throttledHere <= MAX_THROTTLED_PER_CALL) {
            attempt--; // throttling is the limiter's business: it slowed down, this is not a
            // failure
            last = new IgdbException(code, path + ": HTTP 429", null);
            continue;
          }
        } else if (code >= 500) {
          metrics.serverErrors.increment();
        }
        last = new IgdbException(code, path + ": HTTP " + code + " " + text, null);
        if (!last.retryable()) {
          throw last;
        }
      } catch (IOException e) {
        metrics.ioErrors.increment();
        last = new IgdbException(0, path + ": " + e, e);
      } catch (RuntimeException e) {
        if (e instanceof IgdbException ie) {
          throw ie;
        }
        // a malformed body (JSON error wrapped by the reader) is retried like an I/O error
        metrics.ioErrors.increment();
        last = new IgdbException(0, path + ": " + e, e);
      }
    }
    throw new IgdbException(
        last == null ? 0 : last.status(),
        "Gave up after " + attempts + " attempts: " + (last == null ? path : last.getMessage()),
        last);
  }

  private List<RawRecord> parseRecords(InputStream in) throws IOException {
    try (JsonParser p = factory.createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("expected a JSON array, got " + p.currentToken());
      }
      return readArray(p);
    }
  }

  /**
   * Reads the records of an array one at a time, copying each object's tokens straight into its
   * compact bytes (no tree per record) and picking up {@code id} and {@code updated_at} on the way.
   */
  private List<RawRecord> readArray(JsonParser p) throws IOException {
    List<RawRecord> out = new ArrayList<>();
    ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t != JsonToken.START_OBJECT) {
        throw new IOException("expected an object in the array, got " + t);
      }
      buf.reset();
      long id = 0;
      boolean hasId = false;
      Long updatedAt = null;
      try (JsonGenerator g = factory.createGenerator(buf)) {
        g.writeStartObject();
        JsonToken x;
        while ((x = p.nextToken()) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          g.writeFieldName(name);
          JsonToken v = p.nextToken();
          if (v == JsonToken.VALUE_NUMBER_INT) {
            if ("id".equals(name)) {
              id = p.getLongValue();
              hasId = true;
            } else if ("updated_at".equals(name)) {
              updatedAt = p.getLongValue();
            }
          }
          g.copyCurrentStructure(p);
        }
        if (x != JsonToken.END_OBJECT) {
          throw new IOException("truncated record: got " + x);
        }
        g.writeEndObject();
      }
      if (!hasId) {
        String head = buf.toString(StandardCharsets.UTF_8);
        throw new IOException(
            "record without a numeric id: " + head.substring(0, Math.min(80, head.length())));
      }
      out.add(new RawRecord(id, updatedAt, buf.toByteArray()));
    }
    return out;
  }

  private Map<String, List<RawRecord>> parseMultiquery(InputStream in) throws IOException {
    Map<String, List<RawRecord>> out = new LinkedHashMap<>();
    try (JsonParser p = factory.createParser(in)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("expected a JSON array, got " + p.currentToken());
      }
      while (p.nextToken() == JsonToken.START_OBJECT) {
        String name = null;
        List<RawRecord> records = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          JsonToken v = p.nextToken();
          if ("name".equals(field)) {
            name = p.getValueAsString();
          } else if ("result".equals(field) && v == JsonToken.START_ARRAY) {
            records = readArray(p);
          } else {
            p.skipChildren();
          }
        }
        if (name == null) {
          throw new IOException("multiquery answer without a name");
        }
        out.put(name, records);
      }
    }
    return out;
  }

  private static String clip(ResponseBody body) {
    try {
      var src = body.source();
      src.request(500);
      return src.readUtf8(Math.min(500, src.getBuffer().size()));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IgdbException(0, "Interrupted during backoff", e);
    }
  }

  /** Counts bytes read, for the per-endpoint byte totals. */
  static final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    long count() {
      return count;
    }
  }
}
