package io.gamedata.simulator.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.simulator.auth.TokenStore;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.fault.Faults;
import io.gamedata.simulator.fault.Injected;
import io.gamedata.simulator.limit.ClientLimiter;
import io.gamedata.simulator.live.LiveFeed;
import io.gamedata.simulator.query.ApicalypseParser;
import io.gamedata.simulator.query.Query;
import io.gamedata.simulator.query.QueryEngine;
import io.gamedata.simulator.query.QueryException;
import io.gamedata.simulator.webhook.Webhooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP adapter: IGDB's routes over the JDK HTTP server. Thin handlers: parse, call the
 * catalogue/query engine/webhooks, map errors to IGDB's statuses and JSON shapes.
 */
public final class ApiServer implements AutoCloseable {

  static {
    // without TCP_NODELAY small responses can wait for a delayed ACK (tens of ms per request)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** Settings of the HTTP layer. */
  public record Settings(
      String host,
      int port,
      int threads,
      int rateLimitPerSecond,
      int maxOpenRequests,
      boolean multiqueryCountsSubqueries) {}

  /** Counters, for tests and {@code GET /admin/stats}. */
  public static final class Stats {
    public final AtomicLong requests = new AtomicLong();
    public final AtomicLong ok = new AtomicLong();
    public final AtomicLong unauthorized = new AtomicLong();
    public final AtomicLong tooManyRequests = new AtomicLong();
    public final AtomicLong badRequests = new AtomicLong();
    public final AtomicLong serverErrors = new AtomicLong();
    public final AtomicLong forbidden = new AtomicLong();
    public final AtomicLong recordsServed = new AtomicLong();

    ObjectNode toJson() {
      ObjectNode n = Json.mapper().createObjectNode();
      n.put("requests", requests.get());
      n.put("ok", ok.get());
      n.put("unauthorized", unauthorized.get());
      n.put("too_many_requests", tooManyRequests.get());
      n.put("bad_requests", badRequests.get());
      n.put("server_errors", serverErrors.get());
      n.put("forbidden", forbidden.get());
      n.put("records_served", recordsServed.get());
      return n;
    }
  }

  private final Catalog catalog;
  private final QueryEngine engine;
  private final TokenStore tokens;
  private final Webhooks webhooks;
  private final LiveFeed live;
  private final Supplier<Faults> faults;
  private final Consumer<Faults> setFaults;
  private final Injected injected;
  private final Settings settings;
  private final Map<String, ClientLimiter> limiters = new ConcurrentHashMap<>();
  private final Stats stats = new Stats();
  private final SplittableRandom faultRng = new SplittableRandom(7);
  private HttpServer server;
  private ExecutorService pool;

  public ApiServer(
      Catalog catalog,
      TokenStore tokens,
      Webhooks webhooks,
      LiveFeed live,
      Supplier<Faults> faults,
      Consumer<Faults> setFaults,
      Injected injected,
      Settings settings) {
    this.catalog = catalog;
    this.engine = new QueryEngine(catalog);
    this.tokens = tokens;
    this.webhooks = webhooks;
    this.live = live;
    this.faults = faults;
    this.setFaults = setFaults;
    this.injected = injected;
    this.settings = settings;
  }

  /** Binds and starts serving; returns the bound port. */
  public int start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 256);
    pool =
        Executors.newFixedThreadPool(
            settings.threads(),
            r -> {
              Thread t = new Thread(r, "igdb-simulator-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(pool);
    server.createContext("/oauth2/token", this::token);
    server.createContext("/v4/", this::api);
    server.createContext("/admin/", this::admin);
    server.start();
    return server.getAddress().getPort();
  }

  public Stats stats() {
    return stats;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
      pool.shutdownNow();
      try {
        pool.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ------------------------------------------------------------------ oauth
  private void token(HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("POST")) {
        send(ex, 405, json(Map.of("status", 405, "message", "method not allowed")));
        return;
      }
      Map<String, String> p = params(ex.getRequestURI().getRawQuery());
      p.putAll(params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      if (!"client_credentials".equals(p.get("grant_type"))) {
        send(ex, 400, json(Map.of("status", 400, "message", "invalid grant type")));
        return;
      }
      if (p.get("client_id") == null || !tokens.clientId().equals(p.get("client_id"))) {
        send(ex, 400, json(Map.of("status", 400, "message", "invalid client")));
        return;
      }
      String token = tokens.mint(p.get("client_id"), p.get("client_secret"));
      if (token == null) {
        send(ex, 403, json(Map.of("status", 403, "message", "invalid client secret")));
        return;
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("access_token", token);
      body.put("expires_in", tokens.lifetimeSeconds());
      body.put("token_type", "bearer");
      send(ex, 200, json(body));
    }
  }

  // ------------------------------------------------------------------ /v4
  private void api(HttpExchange ex) throws IOException {
    try (ex) {
      stats.requests.incrementAndGet();
      Faults f = faults.get();
      if (f.requireUserAgent() && isBlank(ex.getRequestHeaders().getFirst("User-Agent"))) {
        stats.forbidden.incrementAndGet();
        sendText(ex, 403, "error code: 1010");
        return;
      }
      String clientId = ex.getRequestHeaders().getFirst("Client-ID");
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      String token =
          auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
              ? auth.substring(7).trim()
              : null;
      if (!tokens.valid(clientId, token)) {
        stats.unauthorized.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Authorization Failure. Have you tried:");
        body.put("Tip 1", "Ensure you are sending Authorization and Client-ID as headers.");
        body.put("Tip 2", "Ensure Authorization value starts with 'Bearer ', including the space");
        body.put("Tip 3", "Ensure Authorization is an App Access Token, not a User Access Token.");
        body.put("Tip 4", "Ensure the token has not expired or been revoked.");
        send(ex, 401, json(body));
        return;
      }
      String path = ex.getRequestURI().getPath().substring(4); // after /v4/
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (path.equals("webhooks") || path.startsWith("webhooks/") || path.contains("/webhooks")) {
        webhookRoute(ex, path, clientId);
        return;
      }
      int storm = injected.take();
      if (storm != 0) {
        if (storm == 429) {
          stats.tooManyRequests.incrementAndGet();
          send(ex, 429, json(Map.of("message", "Too Many Requests")));
        } else if (storm >= 500) {
          serverError(ex, storm, "injected fault");
        } else {
          stats.badRequests.incrementAndGet();
          send(ex, storm, error("Injected", storm, "injected fault"));
        }
        return;
      }
      byte[] bodyBytes = ex.getRequestBody().readAllBytes();
      String body = new String(bodyBytes, StandardCharsets.UTF_8);
      int weight = 1;
      List<Multiquery.Sub> subs = null;
      if (path.equals("multiquery")) {
        try {
          subs = Multiquery.parse(body);
        } catch (QueryException e) {
          badRequest(ex, e);
          return;
        }
        if (settings.multiqueryCountsSubqueries()) {
          weight = Math.max(1, subs.size());
        }
      }
      ClientLimiter limiter =
          limiters.computeIfAbsent(
              clientId,
              c ->
                  new ClientLimiter(
                      settings.rateLimitPerSecond(), settings.maxOpenRequests(), System::nanoTime));
      if (!limiter.tryStart(weight)) {
        stats.tooManyRequests.incrementAndGet();
        send(ex, 429, json(Map.of("message", "Too Many Requests")));
        return;
      }
      try {
        long delay;
        synchronized (faultRng) {
          delay = f.latency().sampleMillis(faultRng);
        }
        if (delay > 0) {
          try {
            Thread.sleep(delay); // simulated network/server latency, not a wait on state
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (f.errorRate() > 0) {
          boolean fail;
          int status;
          synchronized (faultRng) {
            fail = faultRng.nextDouble() < f.errorRate();
            status = new int[] {500, 502, 503, 504}[faultRng.nextInt(4)];
          }
          if (fail) {
            serverError(ex, status, "injected fault");
            return;
          }
        }
        byte[] answer;
        try {
          answer = subs != null ? multiquery(subs, f) : query(path, body, f);
        } catch (QueryException e) {
          badRequest(ex, e);
          return;
        } catch (NotFound e) {
          send(ex, 404, error("Not Found", 404, e.getMessage()));
          return;
        } catch (FailingId e) {
          serverError(ex, 500, "Internal Server Error");
          return;
        }
        if (f.truncateRate() > 0) {
          boolean cut;
          synchronized (faultRng) {
            cut = faultRng.nextDouble() < f.truncateRate();
          }
          if (cut) {
            answer = Arrays.copyOf(answer, answer.length / 2);
          }
        }
        stats.ok.incrementAndGet();
        send(ex, 200, answer);
      } finally {
        limiter.finish();
      }
    } catch (RuntimeException e) {
      stats.serverErrors.incrementAndGet();
      sendQuietly(ex, 500, error("Internal Server Error", 500, String.valueOf(e.getMessage())));
    }
  }

  private static final class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFound(String m) {
      super(m, null, false, false);
    }
  }

  private static final class FailingId extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FailingId() {
      super(null, null, false, false);
    }
  }

  private byte[] query(String path, String body, Faults f) throws IOException {
    boolean count = path.endsWith("/count");
    String name = count ? path.substring(0, path.length() - 6) : path;
    IgdbEndpoint endpoint =
        IgdbEndpoint.fromPath(name).orElseThrow(() -> new NotFound("unknown endpoint " + name));
    Query q = ApicalypseParser.parse(body);
    if (count) {
      return json(Map.of("count", engine.count(endpoint, q)));
    }
    List<IgdbRecord> rows = engine.find(endpoint, q);
    checkFailing(rows, f);
    stats.recordsServed.addAndGet(rows.size());
    return engine.render(endpoint, q, rows);
  }

  private void checkFailing(List<IgdbRecord> rows, Faults f) {
    if (!f.failingIds().isEmpty()) {
      for (IgdbRecord r : rows) {
        if (f.failingIds().contains(r.id())) {
          throw new FailingId();
        }
      }
    }
  }

  private byte[] multiquery(List<Multiquery.Sub> subs, Faults f) throws IOException {
    if (subs.size() > 10) {
      throw new QueryException(
          "Too Many Concurrent queries",
          "a multiquery holds at most 10 queries, got " + subs.size());
    }
    ArrayNode out = Json.mapper().createArrayNode();
    for (Multiquery.Sub s : subs) {
      IgdbEndpoint endpoint =
          IgdbEndpoint.fromPath(s.endpoint())
              .orElseThrow(() -> QueryException.syntax("unknown endpoint " + s.endpoint()));
      Query q = ApicalypseParser.parse(s.body());
      ObjectNode item = out.addObject();
      item.put("name", s.name());
      if (s.count()) {
        item.put("count", engine.count(endpoint, q));
      } else {
        List<IgdbRecord> rows = engine.find(endpoint, q);
        checkFailing(rows, f);
        stats.recordsServed.addAndGet(rows.size());
        item.set("result", engine.renderTree(endpoint, q, rows));
      }
    }
    return Json.mapper().writeValueAsBytes(out);
  }

  // ------------------------------------------------------------------ webhooks
  private void webhookRoute(HttpExchange ex, String path, String clientId) throws IOException {
    String method = ex.getRequestMethod();
    String[] parts = path.split("/");
    if (parts[0].equals("webhooks")) {
      if (parts.length == 1 && method.equals("GET")) {
        ArrayNode arr = Json.mapper().createArrayNode();
        webhooks.list().forEach(h -> arr.add(h.toJson()));
        send(ex, 200, Json.mapper().writeValueAsBytes(arr));
        return;
      }
      if (parts.length == 2 && method.equals("DELETE")) {
        Optional<Webhooks.Hook> h = parseLong(parts[1]).flatMap(webhooks::delete);
        if (h.isEmpty()) {
          send(ex, 404, error("Not Found", 404, "no webhook " + parts[1]));
        } else {
          send(ex, 200, Json.mapper().writeValueAsBytes(h.get().toJson()));
        }
        return;
      }
      send(ex, 405, error("Method Not Allowed", 405, method + " /v4/" + path));
      return;
    }
    Optional<IgdbEndpoint> endpoint = IgdbEndpoint.fromPath(parts[0]);
    if (endpoint.isEmpty() || parts.length < 2 || !parts[1].equals("webhooks")) {
      send(ex, 404, error("Not Found", 404, "/v4/" + path));
      return;
    }
    if (parts.length == 2 && method.equals("POST")) {
      Map<String, String> form =
          params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      try {
        Webhooks.Hook h =
            webhooks.register(
                endpoint.get(), form.get("url"), form.get("secret"), form.get("method"), clientId);
        send(ex, 200, Json.mapper().writeValueAsBytes(h.toJson()));
      } catch (IllegalArgumentException e) {
        stats.badRequests.incrementAndGet();
        send(ex, 400, error("Bad Request", 400, e.getMessage()));
      }
      return;
    }
    if (parts.length == 4 && parts[2].equals("test") && method.equals("POST")) {
      Map<String, String> q = params(ex.getRequestURI().getRawQuery());
      Optional<Webhooks.Hook> h = parseLong(parts[3]).flatMap(webhooks::get);
      Optional<IgdbRecord> rec =
          parseLong(q.getOrDefault("entityId", "")).flatMap(id -> catalog.get(endpoint.get(), id));
      if (h.isEmpty() || rec.isEmpty()) {
        send(ex, 404, error("Not Found", 404, "unknown webhook or entityId"));
        return;
      }
      webhooks.deliver(h.get(), false, rec.get());
      send(ex, 200, json(Map.of("message", "Test webhook sent")));
      return;
    }
    send(ex, 405, error("Method Not Allowed", 405, method + " /v4/" + path));
  }

  // ------------------------------------------------------------------ admin
  private void admin(HttpExchange ex) throws IOException {
    try (ex) {
      try {
        adminRoute(ex);
      } catch (IllegalArgumentException e) {
        // answered inside the exchange: a catch outside try (ex) would run after it closed
        sendQuietly(ex, 400, error("Bad Request", 400, e.getMessage()));
      }
    }
  }

  private void adminRoute(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    Map<String, String> q = params(ex.getRequestURI().getRawQuery());
    switch (path) {
      case "/admin/health" -> sendText(ex, 200, "ok");
      case "/admin/stats" -> {
        ObjectNode n = stats.toJson();
        n.put("games", catalog.size(IgdbEndpoint.GAMES));
        n.put("max_game_id", catalog.maxId(IgdbEndpoint.GAMES));
        send(ex, 200, Json.mapper().writeValueAsBytes(n));
      }
      case "/admin/inject" -> {
        LiveFeed.Applied a =
            live.apply(
                intParam(q, "games"),
                intParam(q, "updates"),
                intParam(q, "deletes"),
                intParam(q, "touches"));
        send(ex, 200, Json.mapper().writeValueAsBytes(a));
      }
      case "/admin/live" -> {
        double rate = Double.parseDouble(q.getOrDefault("rate", "0"));
        if (rate <= 0) {
          live.stop();
        } else {
          live.start(rate, LiveFeed.Mix.DEFAULT);
        }
        send(ex, 200, json(Map.of("rate", rate)));
      }
      case "/admin/tokens/expire" -> {
        tokens.expireAll();
        send(ex, 200, json(Map.of("expired", true)));
      }
      case "/admin/faults/next" -> {
        int count = intParam(q, "count");
        int status = Integer.parseInt(q.getOrDefault("status", "429"));
        injected.next(count, status);
        send(ex, 200, json(Map.of("count", count, "status", status)));
      }
      case "/admin/faults/fail-ids" -> {
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (String s : q.getOrDefault("ids", "").split(",")) {
          if (!s.isBlank()) {
            ids.add(Long.parseLong(s.trim()));
          }
        }
        setFaults.accept(faults.get().withFailingIds(ids));
        send(ex, 200, json(Map.of("failing_ids", ids)));
      }
      case "/admin/tokens/revoke" -> {
        boolean done = tokens.revoke(q.getOrDefault("token", ""));
        send(ex, done ? 200 : 404, json(Map.of("revoked", done)));
      }
      default -> send(ex, 404, error("Not Found", 404, path));
    }
  }

  private static int intParam(Map<String, String> q, String name) {
    String v = q.get(name);
    if (v == null || v.isEmpty()) {
      return 0;
    }
    int n = Integer.parseInt(v);
    if (n < 0 || n > 1_000_000) {
      throw new IllegalArgumentException(name + " must be in 0..1000000");
    }
    return n;
  }

  // ------------------------------------------------------------------ helpers
  private void badRequest(HttpExchange ex, QueryException e) throws IOException {
    stats.badRequests.incrementAndGet();
    send(ex, 400, error(e.title(), 400, e.getMessage()));
  }

  private void serverError(HttpExchange ex, int status, String cause) throws IOException {
    stats.serverErrors.incrementAndGet();
    send(ex, status, error("Internal Server Error", status, cause));
  }

  private static byte[] error(String title, int status, String cause) throws IOException {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("title", title);
    e.put("status", status);
    if (cause != null) {
      e.put("cause", cause);
    }
    return Json.mapper().writeValueAsBytes(List.of(e));
  }

  private static byte[] json(Object o) throws IOException {
    return Json.mapper().writeValueAsBytes(o);
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    drain(ex);
    ex.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void sendText(HttpExchange ex, int status, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    drain(ex);
    ex.getResponseHeaders().set("Content-Type", "text/plain;charset=utf-8");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  private static void sendQuietly(HttpExchange ex, int status, byte[] body) {
    try {
      send(ex, status, body);
    } catch (IOException | RuntimeException ignored) {
      // headers already sent or client gone
    }
  }

  private static void drain(HttpExchange ex) throws IOException {
    try (InputStream in = ex.getRequestBody()) {
      in.transferTo(OutputStream.nullOutputStream());
    }
  }

  private static Map<String, String> params(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(
          URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
