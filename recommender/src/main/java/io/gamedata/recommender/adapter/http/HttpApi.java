package io.gamedata.recommender.adapter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.recommender.engine.EngineStats;
import io.gamedata.recommender.engine.Query;
import io.gamedata.recommender.engine.ScoredGame;
import io.gamedata.recommender.engine.SimilarityEngine;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only HTTP API, the web page and the ops endpoints, on the JDK's HTTP server. Handlers
 * are thin: parse and validate into a {@link Query} and a limit, call the engine, map the result.
 * Errors are JSON {@code {"error": ..., "parameter": ...}}: 400 bad parameter, 404 unknown game or
 * path, 405 method, 413 body too large, 500 otherwise. See {@code /openapi.yaml}.
 */
public final class HttpApi implements AutoCloseable {

  static {
    // without TCP_NODELAY small responses can wait for a delayed ACK (tens of ms)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final ObjectMapper JSON = Json.mapper();
  private static final Set<String> SIMILAR_PARAMS =
      Set.of(
          "limit",
          "platform",
          "yearFrom",
          "yearTo",
          "gameTypes",
          "excludeFranchise",
          "excludeCollection",
          "maxPerFranchise",
          "includeVariants",
          "explain");
  private static final Set<String> SEARCH_PARAMS = Set.of("q", "limit");
  private static final int MAX_IDS = 100;
  private static final int MAX_FILTER_VALUES = 50;
  private static final List<String> ASSETS =
      List.of(
          "app.js",
          "api.js",
          "cards.js",
          "combo.js",
          "dom.js",
          "game.js",
          "recs.js",
          "side.js",
          "taste.js",
          "views.js",
          "style.css",
          "icon.svg");
  private static final Map<String, String> STATIC = staticFiles();

  private static Map<String, String> staticFiles() {
    Map<String, String> m = new HashMap<>();
    m.put("/", "web/index.html");
    m.put("/index.html", "web/index.html");
    m.put("/openapi.yaml", "openapi.yaml");
    ASSETS.forEach(a -> m.put("/assets/" + a, "web/assets/" + a));
    return Map.copyOf(m);
  }

  private final SimilarityEngine engine;
  private final ServiceStatus status;
  private final PrometheusMeterRegistry meters;
  private final ApiSettings settings;
  private final Map<String, StaticFile> files = new HashMap<>();
  private final Map<String, Timer> timers = new HashMap<>();
  private HttpServer server;
  private ExecutorService executor;

  private record StaticFile(byte[] body, String contentType) {}

  public HttpApi(
      SimilarityEngine engine,
      ServiceStatus status,
      PrometheusMeterRegistry meters,
      ApiSettings settings) {
    this.engine = engine;
    this.status = status;
    this.meters = meters;
    this.settings = settings;
    STATIC.forEach((path, resource) -> files.put(path, load(resource)));
    for (String e : List.of("game", "similar", "recommendations", "search", "stats")) {
      timers.put(
          e,
          Timer.builder("recommender.query.latency")
              .description("time to answer an API request")
              .tag("endpoint", e)
              .publishPercentiles(0.5, 0.99)
              .register(meters));
    }
  }

  private static StaticFile load(String resource) {
    try (InputStream in = HttpApi.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      String type =
          resource.endsWith(".html")
              ? "text/html; charset=utf-8"
              : resource.endsWith(".js")
                  ? "text/javascript; charset=utf-8"
                  : resource.endsWith(".css")
                      ? "text/css; charset=utf-8"
                      : resource.endsWith(".svg")
                          ? "image/svg+xml"
                          : "application/yaml; charset=utf-8";
      return new StaticFile(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Binds and starts serving. */
  public HttpApi start() {
    try {
      server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 256);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot bind HTTP server to " + settings.host() + ":" + settings.port(), e);
    }
    AtomicInteger n = new AtomicInteger();
    executor =
        Executors.newFixedThreadPool(
            settings.threads(),
            r -> {
              Thread t = new Thread(r, "recommender-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    LOG.info("HTTP API on port {}", port());
    return this;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting, lets running exchanges finish (up to 2 s). */
  @Override
  public void close() {
    if (server != null) {
      server.stop(1);
      executor.shutdown();
      try {
        executor.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      server = null;
    }
  }

  // ================================================================ routing

  private void handle(HttpExchange ex) {
    try (ex) {
      try {
        route(ex);
      } catch (ApiException e) {
        error(ex, e.status(), e.getMessage(), e.parameter());
      } catch (RuntimeException e) {
        LOG.error("{} {} failed", ex.getRequestMethod(), ex.getRequestURI(), e);
        error(ex, 500, "internal error", null);
      }
    } catch (IOException e) {
      LOG.debug("client went away: {}", e.getMessage());
    }
  }

  private void route(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String method = ex.getRequestMethod();
    if (path.equals("/api/recommendations")) {
      requireMethod(ex, "POST");
      timed(ex, "recommendations", () -> recommendations(ex));
      return;
    }
    if (method.equals("POST") && path.startsWith("/api/")) {
      requireMethod(ex, "GET");
    }
    requireMethod(ex, "GET", "HEAD");
    QueryParams q = new QueryParams(ex.getRequestURI().getRawQuery());
    if (path.startsWith("/api/games/")) {
      String[] parts = path.substring("/api/games/".length()).split("/", -1);
      long id = gameId(parts[0]);
      if (parts.length == 1) {
        q.onlyKnown(Set.of());
        timed(ex, "game", () -> game(ex, id));
        return;
      }
      if (parts.length == 2 && parts[1].equals("similar")) {
        q.onlyKnown(SIMILAR_PARAMS);
        timed(ex, "similar", () -> similar(ex, id, q));
        return;
      }
    } else {
      switch (path) {
        case "/api/search" -> {
          q.onlyKnown(SEARCH_PARAMS);
          timed(ex, "search", () -> search(ex, q));
          return;
        }
        case "/api/stats" -> {
          timed(ex, "stats", () -> json(ex, 200, stats()));
          return;
        }
        case "/health" -> {
          boolean up = status.live();
          json(ex, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"));
          return;
        }
        case "/ready" -> {
          boolean ready = status.ready() && status.live();
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("ready", ready);
          body.put("phase", status.phase());
          body.put("lag", status.lag());
          json(ex, ready ? 200 : 503, body);
          return;
        }
        case "/metrics" -> {
          send(
              ex,
              200,
              meters.scrape().getBytes(StandardCharsets.UTF_8),
              "text/plain; version=0.0.4; charset=utf-8");
          return;
        }
        default -> {
          StaticFile f = files.get(path);
          if (f != null) {
            send(ex, 200, f.body(), f.contentType());
            return;
          }
        }
      }
    }
    throw new ApiException(404, "no such resource: " + path, null);
  }

  private interface Body {
    void run() throws IOException;
  }

  private void timed(HttpExchange ex, String endpoint, Body body) throws IOException {
    long t0 = System.nanoTime();
    try {
      body.run();
    } finally {
      timers.get(endpoint).record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    }
  }

  private static void requireMethod(HttpExchange ex, String... allowed) {
    for (String m : allowed) {
      if (m.equals(ex.getRequestMethod())) {
        return;
      }
    }
    ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
    throw new ApiException(
        405,
        "method " + ex.getRequestMethod() + " not allowed; allowed: " + String.join(", ", allowed),
        null);
  }

  private static long gameId(String s) {
    try {
      long id = Long.parseLong(s);
      if (id <= 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw ApiException.badParameter("id", "id must be a positive integer, was '" + s + "'");
    }
  }

  // ================================================================ handlers

  private void game(HttpExchange ex, long id) throws IOException {
    EnrichedGame g = engine.game(id).orElseThrow(() -> unknown(id, "id"));
    json(ex, 200, g);
  }

  private void similar(HttpExchange ex, long id, QueryParams q) throws IOException {
    int limit = limit(q.integer("limit", 1, settings.maxLimit()));
    Query query =
        filters(
            q.set("platform", MAX_FILTER_VALUES),
            q.integer("yearFrom", 0, 3000),
            q.integer("yearTo", 0, 3000),
            q.set("gameTypes", MAX_FILTER_VALUES),
            q.bool("excludeFranchise", false),
            q.bool("excludeCollection", false),
            q.integer("maxPerFranchise", 0, 1000),
            q.bool("includeVariants", false));
    boolean explain = q.bool("explain", true);
    EnrichedGame g = engine.game(id).orElseThrow(() -> unknown(id, "id"));
    List<ScoredGame> results;
    try {
      results = engine.similar(id, query, limit);
    } catch (NoSuchElementException e) {
      throw unknown(id, "id"); // deleted meanwhile
    }
    long generation = engine.idfGeneration();
    ResponseBuffer out = ResponseBuffer.get();
    try (JsonGenerator j = out.generator()) {
      j.writeStartObject();
      j.writeFieldName("game");
      writeSummary(j, g);
      j.writeNumberField("idf_generation", generation);
      j.writeFieldName("results");
      writeResults(j, results, explain);
      j.writeEndObject();
    }
    send(ex, 200, out.bytes(), "application/json");
  }

  private void recommendations(HttpExchange ex) throws IOException {
    JsonNode body = readJson(ex);
    if (!body.isObject()) {
      throw ApiException.badParameter("body", "body must be a JSON object");
    }
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!Set.of("liked", "disliked", "filters", "limit", "explain").contains(f)) {
        throw ApiException.badParameter(f, "unknown field " + f);
      }
    }
    List<Long> liked = ids(body.get("liked"), "liked");
    List<Long> disliked = ids(body.get("disliked"), "disliked");
    if (liked.isEmpty()) {
      throw ApiException.badParameter("liked", "liked must name at least one game");
    }
    int limit = limit(intField(body.get("limit"), "limit", 1, settings.maxLimit()));
    boolean explain = boolField(body.get("explain"), "explain", true);
    JsonNode f = body.get("filters");
    Query query = Query.DEFAULT;
    if (f != null && !f.isNull()) {
      if (!f.isObject()) {
        throw ApiException.badParameter("filters", "filters must be an object");
      }
      Set<String> known =
          Set.of(
              "platform",
              "platforms",
              "yearFrom",
              "yearTo",
              "gameTypes",
              "excludeFranchise",
              "excludeCollection",
              "maxPerFranchise",
              "includeVariants");
      for (var it = f.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!known.contains(name)) {
          throw ApiException.badParameter("filters." + name, "unknown filter " + name);
        }
      }
      Set<String> platforms = new LinkedHashSet<>(strings(f.get("platforms"), "filters.platforms"));
      platforms.addAll(strings(f.get("platform"), "filters.platform"));
      query =
          filters(
              platforms,
              intField(f.get("yearFrom"), "filters.yearFrom", 0, 3000),
              intField(f.get("yearTo"), "filters.yearTo", 0, 3000),
              new LinkedHashSet<>(strings(f.get("gameTypes"), "filters.gameTypes")),
              boolField(f.get("excludeFranchise"), "filters.excludeFranchise", false),
              boolField(f.get("excludeCollection"), "filters.excludeCollection", false),
              intField(f.get("maxPerFranchise"), "filters.maxPerFranchise", 0, 1000),
              boolField(f.get("includeVariants"), "filters.includeVariants", false));
    }
    List<Long> known = liked.stream().filter(id -> engine.game(id).isPresent()).toList();
    if (known.isEmpty()) {
      throw new ApiException(404, "none of the liked games is known: " + liked, "liked");
    }
    List<ScoredGame> results = engine.recommend(known, disliked, query, limit);
    long generation = engine.idfGeneration();
    ResponseBuffer out = ResponseBuffer.get();
    try (JsonGenerator j = out.generator()) {
      j.writeStartObject();
      j.writeFieldName("liked");
      writeIds(j, known);
      j.writeFieldName("disliked");
      writeIds(j, disliked);
      j.writeNumberField("idf_generation", generation);
      j.writeFieldName("results");
      writeResults(j, results, explain);
      j.writeEndObject();
    }
    send(ex, 200, out.bytes(), "application/json");
  }

  private void search(HttpExchange ex, QueryParams q) throws IOException {
    String text = q.string("q");
    if (text == null || text.isBlank()) {
      throw ApiException.badParameter("q", "q (a name prefix) is required");
    }
    if (text.length() > 200) {
      throw ApiException.badParameter("q", "q must be at most 200 characters");
    }
    int limit = limit(q.integer("limit", 1, settings.maxLimit()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (EnrichedGame g : engine.searchByName(text.trim(), limit)) {
      out.add(summary(g));
    }
    json(ex, 200, Map.of("query", text, "results", out));
  }

  private Map<String, Object> stats() {
    EngineStats s = engine.stats();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("games", s.games());
    m.put("idf_generation", s.idfGeneration());
    m.put("lag", status.lag());
    m.put("ready", status.ready());
    m.put("phase", status.phase());
    m.put("terms", s.terms());
    m.put("postings", s.postings());
    m.put("drift", s.drift());
    m.put("upserts", s.upserts());
    m.put("deletes", s.deletes());
    m.put("last_build_ms", s.lastBuildMillis());
    return m;
  }

  // ================================================================ mapping

  private Query filters(
      Set<String> platforms,
      Integer yearFrom,
      Integer yearTo,
      Set<String> gameTypes,
      boolean excludeFranchise,
      boolean excludeCollection,
      Integer maxPerFranchise,
      boolean includeVariants) {
    if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
      throw ApiException.badParameter(
          "yearFrom", "yearFrom " + yearFrom + " is after yearTo " + yearTo);
    }
    return Query.builder()
        .platforms(platforms)
        .minYear(yearFrom)
        .maxYear(yearTo)
        .gameTypes(gameTypes)
        .excludeSameFranchise(excludeFranchise)
        .excludeSameCollection(excludeCollection)
        .maxPerFranchise(maxPerFranchise == null ? 0 : maxPerFranchise)
        .includeVariants(includeVariants)
        .build();
  }

  private int limit(Integer given) {
    return given == null ? settings.defaultLimit() : given;
  }

  private static ApiException unknown(long id, String parameter) {
    return new ApiException(404, "unknown game " + id, parameter);
  }

  /**
   * Results streamed straight into the response buffer (no intermediate maps: this is the hot path
   * of {@code /similar}); null fields are left out like the shared mapper does.
   */
  private void writeResults(JsonGenerator j, List<ScoredGame> results, boolean explain)
      throws IOException {
    j.writeStartArray();
    for (ScoredGame r : results) {
      j.writeStartObject();
      j.writeNumberField("id", r.id());
      stringField(j, "name", r.name());
      j.writeNumberField("score", Math.round(r.score() * 1e6) / 1e6);
      Optional<EnrichedGame> doc = engine.game(r.id());
      if (doc.isPresent()) {
        EnrichedGame g = doc.get();
        if (g.releaseYear() != null) {
          j.writeNumberField("release_year", g.releaseYear());
        }
        stringsField(j, "platforms", g.platforms());
        stringField(j, "game_type", g.gameType());
        stringField(j, "cover_url", g.coverUrl());
      }
      if (explain) {
        stringsField(j, "reasons", r.reasons());
      }
      j.writeEndObject();
    }
    j.writeEndArray();
  }

  private static void writeSummary(JsonGenerator j, EnrichedGame g) throws IOException {
    j.writeStartObject();
    j.writeNumberField("id", g.id());
    stringField(j, "name", g.name());
    if (g.releaseYear() != null) {
      j.writeNumberField("release_year", g.releaseYear());
    }
    stringsField(j, "platforms", g.platforms());
    stringsField(j, "genres", g.genres());
    stringField(j, "game_type", g.gameType());
    stringField(j, "cover_url", g.coverUrl());
    j.writeEndObject();
  }

  private static void writeIds(JsonGenerator j, List<Long> ids) throws IOException {
    j.writeStartArray();
    for (long id : ids) {
      j.writeNumber(id);
    }
    j.writeEndArray();
  }

  private static void stringField(JsonGenerator j, String name, String value) throws IOException {
    if (value != null) {
      j.writeStringField(name, value);
    }
  }

  private static void stringsField(JsonGenerator j, String name, List<String> values)
      throws IOException {
    if (values == null) {
      return;
    }
    j.writeArrayFieldStart(name);
    for (String v : values) {
      if (v == null) {
        j.writeNull();
      } else {
        j.writeString(v);
      }
    }
    j.writeEndArray();
  }

  private static Map<String, Object> summary(EnrichedGame g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", g.id());
    m.put("name", g.name());
    m.put("release_year", g.releaseYear());
    m.put("platforms", g.platforms());
    m.put("genres", g.genres());
    m.put("game_type", g.gameType());
    m.put("cover_url", g.coverUrl());
    return m;
  }

  // ================================================================ JSON body

  private JsonNode readJson(HttpExchange ex) throws IOException {
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > settings.maxBodyBytes()) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw ApiException.badParameter("Content-Length", "bad Content-Length");
      }
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(settings.maxBodyBytes() + 1);
    }
    if (body.length > settings.maxBodyBytes()) {
      throw tooLarge();
    }
    if (body.length == 0) {
      throw ApiException.badParameter("body", "a JSON body is required");
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badParameter("body", "body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private ApiException tooLarge() {
    return new ApiException(413, "body larger than " + settings.maxBodyBytes() + " bytes", "body");
  }

  private static List<Long> ids(JsonNode n, String name) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw ApiException.badParameter(name, name + " must be an array of game ids");
    }
    if (n.size() > MAX_IDS) {
      throw ApiException.badParameter(name, name + " has more than " + MAX_IDS + " ids");
    }
    List<Long> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.canConvertToExactIntegral() || !e.canConvertToLong() || e.asLong() <= 0) {
        throw ApiException.badParameter(name, name + " must hold positive integer ids, had " + e);
      }
      out.add(e.asLong());
    }
    return out;
  }

  private static List<String> strings(JsonNode n, String name) {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (n.isTextual()) {
      return List.of(n.asText());
    }
    if (!n.isArray() || n.size() > MAX_FILTER_VALUES) {
      throw ApiException.badParameter(
          name, name + " must be an array of at most " + MAX_FILTER_VALUES + " strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : n) {
      if (!e.isTextual()) {
        throw ApiException.badParameter(name, name + " must hold strings, had " + e);
      }
      out.add(e.asText());
    }
    return out;
  }

  private static Integer intField(JsonNode n, String name, int min, int max) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) {
      throw ApiException.badParameter(name, name + " must be an integer, was " + n);
    }
    int v = n.asInt();
    if (v < min || v > max) {
      throw ApiException.badParameter(
          name, name + " must be in " + min + ".." + max + ", was " + v);
    }
    return v;
  }

  private static boolean boolField(JsonNode n, String name, boolean def) {
    if (n == null || n.isNull()) {
      return def;
    }
    if (!n.isBoolean()) {
      throw ApiException.badParameter(name, name + " must be true or false, was " + n);
    }
    return n.asBoolean();
  }

  // ================================================================ responses

  private static void json(HttpExchange ex, int status, Object body) throws IOException {
    send(ex, status, JSON.writeValueAsBytes(body), "application/json");
  }

  /** A per-thread growable buffer for streamed JSON responses (HTTP worker threads are pooled). */
  private static final class ResponseBuffer extends ByteArrayOutputStream {
    private static final ThreadLocal<ResponseBuffer> BUFFERS =
        ThreadLocal.withInitial(() -> new ResponseBuffer(16 * 1024));

    private ResponseBuffer(int size) {
      super(size);
    }

    static ResponseBuffer get() {
      ResponseBuffer b = BUFFERS.get();
      b.reset();
      return b;
    }

    JsonGenerator generator() throws IOException {
      return JSON.getFactory().createGenerator(this);
    }

    byte[] bytes() {
      return toByteArray();
    }
  }

  private static void error(HttpExchange ex, int status, String message, String parameter)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    if (parameter != null) {
      body.put("parameter", parameter);
    }
    json(ex, status, body);
  }

  private static void send(HttpExchange ex, int status, byte[] body, String contentType)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
