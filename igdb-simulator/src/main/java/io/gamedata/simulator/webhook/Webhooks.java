package io.gamedata.simulator.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.simulator.catalog.CatalogChange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IGDB webhooks: registrations per endpoint and method (create, update, delete), deliveries as
 * {@code POST} with {@code X-Secret} and the unexpanded record (only {@code {"id": N}} on delete),
 * up to {@value #LANES} in flight per webhook (in order per record id: the changes of one record
 * never overtake each other), and deactivation after {@value #MAX_FAILURES} failed deliveries
 * (non-2xx, error or no answer within the timeout). IGDB documents no ordering; delivering one at a
 * time would make a burst of changes queue behind each receiver's round trip.
 */
public final class Webhooks implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Webhooks.class);

  /** Failed deliveries after which a webhook is deactivated for good. */
  public static final int MAX_FAILURES = 5;

  /** Deliveries in flight per webhook (one lane per id hash; lanes start their thread lazily). */
  public static final int LANES = 8;

  /** A registered webhook. */
  public static final class Hook {
    final long id;
    final IgdbEndpoint endpoint;
    final String method;
    final String url;
    final String secret;
    final String apiKey;
    final Instant createdAt;
    volatile boolean active = true;
    volatile boolean lastFailed;
    final Object serial = new Object();
    final AtomicInteger failures = new AtomicInteger();
    final AtomicLong delivered = new AtomicLong();
    final ExecutorService[] lanes = new ExecutorService[LANES];

    Hook(long id, IgdbEndpoint endpoint, String method, String url, String secret, String apiKey) {
      this.id = id;
      this.endpoint = endpoint;
      this.method = method;
      this.url = url;
      this.secret = secret;
      this.apiKey = apiKey;
      this.createdAt = Instant.now();
      for (int i = 0; i < LANES; i++) {
        String name = "webhook-" + id + "-" + i;
        lanes[i] =
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, name);
                  t.setDaemon(true);
                  return t;
                });
      }
    }

    ExecutorService lane(long recordId) {
      return lanes[Math.floorMod(Long.hashCode(recordId), LANES)];
    }

    void shutdown() {
      for (ExecutorService lane : lanes) {
        lane.shutdown();
      }
    }

    public long id() {
      return id;
    }

    public boolean active() {
      return active;
    }

    public int failures() {
      return failures.get();
    }

    public long delivered() {
      return delivered.get();
    }

    /** IGDB's JSON shape of a webhook. */
    public ObjectNode toJson() {
      ObjectNode n = Json.mapper().createObjectNode();
      n.put("id", id);
      n.put("url", url);
      n.put("category", endpoint.ordinal() + 1);
      n.put("sub_category", subCategory(method));
      n.put("active", active);
      n.put("number_of_retries", failures.get());
      n.put("api_key", apiKey);
      n.put("secret", secret);
      n.put("created_at", createdAt.toString());
      n.put("updated_at", createdAt.toString());
      return n;
    }
  }

  private final Map<Long, Hook> hooks = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);
  private final HttpClient client;
  private final Duration timeout;

  public Webhooks(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** 0 create, 1 delete, 2 update: IGDB's sub_category. */
  static int subCategory(String method) {
    return switch (method) {
      case "create" -> 0;
      case "delete" -> 1;
      default -> 2;
    };
  }

  /** Registers a webhook; validates the method and url. */
  public Hook register(
      IgdbEndpoint endpoint, String url, String secret, String method, String apiKey) {
    if (method == null || !List.of("create", "update", "delete").contains(method)) {
      throw new IllegalArgumentException("method must be create, update or delete");
    }
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException("url must be an http(s) URL");
    }
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("secret is required");
    }
    long id = nextId.getAndIncrement();
    Hook h = new Hook(id, endpoint, method, url, secret, apiKey);
    hooks.put(id, h);
    return h;
  }

  public List<Hook> list() {
    List<Hook> out = new ArrayList<>(hooks.values());
    out.sort((a, b) -> Long.compare(a.id, b.id));
    return out;
  }

  public Optional<Hook> get(long id) {
    return Optional.ofNullable(hooks.get(id));
  }

  /** Removes a webhook; empty when unknown. */
  public Optional<Hook> delete(long id) {
    Hook h = hooks.remove(id);
    if (h != null) {
      h.shutdown();
    }
    return Optional.ofNullable(h);
  }

  /** Fires every active webhook registered for the change's endpoint and method. */
  public void onChange(CatalogChange change) {
    String method = change.kind().webhookMethod();
    for (Hook h : hooks.values()) {
      if (h.active && h.endpoint == change.endpoint() && h.method.equals(method)) {
        deliver(h, change.kind() == CatalogChange.Kind.DELETED, change.record());
      }
    }
  }

  /** Sends one record to one webhook (the "test" endpoint), regardless of its method. */
  public void deliver(Hook h, boolean delete, IgdbRecord record) {
    byte[] body;
    try {
      body =
          delete
              ? Json.mapper().writeValueAsBytes(Map.of("id", record.id()))
              : Json.mapper().writeValueAsBytes(record);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try {
      h.lane(record.id()).execute(() -> send(h, body));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // deleted meanwhile
    }
  }

  private void send(Hook h, byte[] body) {
    if (!h.active) {
      return;
    }
    if (h.delivered.get() == 0 || h.lastFailed) {
      // a receiver not yet known to work gets one delivery at a time, so a dead one sees exactly
      // MAX_FAILURES attempts before the webhook is deactivated
      synchronized (h.serial) {
        if (h.active) {
          attempt(h, body);
        }
      }
    } else {
      attempt(h, body);
    }
  }

  private void attempt(Hook h, byte[] body) {
    boolean ok;
    try {
      HttpRequest req =
          HttpRequest.newBuilder(URI.create(h.url))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("X-Secret", h.secret)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      int status = client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
      ok = status >= 200 && status < 300;
    } catch (IOException e) {
      ok = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    h.lastFailed = !ok;
    if (ok) {
      h.delivered.incrementAndGet();
    } else if (h.failures.incrementAndGet() >= MAX_FAILURES && h.active) {
      h.active = false;
      LOG.info("webhook {} deactivated after {} failed deliveries", h.id, MAX_FAILURES);
    }
  }

  @Override
  public void close() {
    for (Hook h : hooks.values()) {
      for (ExecutorService lane : h.lanes) {
        lane.shutdownNow();
      }
    }
    for (Hook h : hooks.values()) {
      for (ExecutorService lane : h.lanes) {
        try {
          lane.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
