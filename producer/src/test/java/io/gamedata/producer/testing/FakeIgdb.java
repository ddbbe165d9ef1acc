package io.gamedata.producer.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;

/**
 * A tiny IGDB stand-in on MockWebServer for unit tests of one class at a time: token endpoint, the
 * Apicalypse subset the producer sends (id keyset ranges, updated_at, sort, limit), count,
 * multiquery, bad ids answering 500, injected 429/500 failures and expiring tokens.
 */
public final class FakeIgdb implements AutoCloseable {

  public final MockWebServer server = new MockWebServer();
  private final Map<String, NavigableMap<Long, ObjectNode>> data = new ConcurrentHashMap<>();
  public final Set<Long> badIds = ConcurrentHashMap.newKeySet();
  public final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  public final AtomicInteger tokensMinted = new AtomicInteger();
  public final AtomicInteger failNext = new AtomicInteger();
  public volatile int failStatus = 500;
  public final List<Long> requestStarts = new CopyOnWriteArrayList<>();
  public final List<String> userAgents = new CopyOnWriteArrayList<>();
  public final List<String> queries = new CopyOnWriteArrayList<>();
  public final AtomicInteger apiRequests = new AtomicInteger();

  /** Registered webhooks by id. */
  public final Map<Long, ObjectNode> webhooks = new ConcurrentHashMap<>();

  public final java.util.concurrent.atomic.AtomicLong webhookIds =
      new java.util.concurrent.atomic.AtomicLong(100);

  /** Delay of every answer. */
  public volatile long latencyMs;

  /** When > 0, every token dies after this many API requests (an early token death). */
  public volatile int tokenLifetimeRequests;

  /** Answers 401 to every API call, as IGDB does for a wrong Client-ID. */
  public volatile boolean rejectAllTokens;

  public FakeIgdb() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            return handle(r);
          }
        });
    server.start();
  }

  public String apiUrl() {
    return server.url("/v4").toString();
  }

  public String tokenUrl() {
    return server.url("/oauth2/token").toString();
  }

  /** Adds records {@code {"id": i, "name": "<endpoint> i", "updated_at": u}}. */
  public void add(String endpoint, Collection<Long> ids, long updatedAt) {
    for (long id : ids) {
      put(endpoint, id, updatedAt);
    }
  }

  public void put(String endpoint, long id, long updatedAt) {
    putNamed(endpoint, id, updatedAt, endpoint + " " + id);
  }

  public void putNamed(String endpoint, long id, long updatedAt, String name) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("id", id);
    n.put("name", name);
    n.put("updated_at", updatedAt);
    data.computeIfAbsent(endpoint, k -> new ConcurrentSkipListMap<>()).put(id, n);
  }

  public void remove(String endpoint, long id) {
    data.getOrDefault(endpoint, new ConcurrentSkipListMap<>()).remove(id);
  }

  public void expireTokens() {
    validTokens.clear();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private MockResponse handle(RecordedRequest r) {
    String path = r.getUrl().encodedPath();
    if (path.equals("/oauth2/token")) {
      String t = "tok-" + tokensMinted.incrementAndGet();
      validTokens.add(t);
      return json(
          200, "{\"access_token\":\"" + t + "\",\"expires_in\":5000000,\"token_type\":\"bearer\"}");
    }
    requestStarts.add(System.nanoTime());
    int requestNo = apiRequests.incrementAndGet();
    if (tokenLifetimeRequests > 0 && requestNo % tokenLifetimeRequests == 0) {
      validTokens.clear();
    }
    userAgents.add(String.valueOf(r.getHeaders().get("User-Agent")));
    String auth = String.valueOf(r.getHeaders().get("Authorization"));
    if (rejectAllTokens
        || !auth.startsWith("Bearer ")
        || !validTokens.contains(auth.substring(7))) {
      return json(401, "{\"message\":\"Authorization Failure\"}");
    }
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      return json(failStatus, "[{\"title\":\"injected\",\"status\":" + failStatus + "}]");
    }
    String body = r.getBody() == null ? "" : r.getBody().utf8();
    queries.add(path + " " + body);
    String rest = path.substring("/v4/".length());
    if (rest.equals("webhooks/") && r.getMethod().equals("GET")) {
      return json(200, webhooks.values().toString());
    }
    if (rest.startsWith("webhooks/") && r.getMethod().equals("DELETE")) {
      webhooks.remove(Long.parseLong(rest.substring("webhooks/".length())));
      return json(200, "{}");
    }
    if (rest.endsWith("/webhooks/")) {
      okhttp3.HttpUrl form = okhttp3.HttpUrl.get("http://x/?" + body);
      ObjectNode w = Json.mapper().createObjectNode();
      long id = webhookIds.incrementAndGet();
      w.put("id", id);
      w.put("url", form.queryParameter("url"));
      w.put("secret", form.queryParameter("secret"));
      w.put("sub_category", form.queryParameter("method"));
      w.put("active", true);
      webhooks.put(id, w);
      return json(200, w.toString());
    }
    if (rest.equals("multiquery")) {
      return multiquery(body);
    }
    if (rest.endsWith("/count")) {
      String ep = rest.substring(0, rest.length() - "/count".length());
      return json(200, "{\"count\":" + select(ep, body, true).size() + "}");
    }
    List<ObjectNode> rows = select(rest, body, false);
    for (ObjectNode n : rows) {
      if (badIds.contains(n.get("id").asLong())) {
        return json(500, "[{\"title\":\"Internal Server Error\",\"status\":500}]");
      }
    }
    return json(200, rows.toString());
  }

  private static final Pattern SUB =
      Pattern.compile("query (\\w+) \"([^\"]+)\" \\{(.*?)\\};", Pattern.DOTALL);

  private MockResponse multiquery(String body) {
    StringBuilder sb = new StringBuilder("[");
    Matcher m = SUB.matcher(body);
    boolean first = true;
    while (m.find()) {
      List<ObjectNode> rows = select(m.group(1), m.group(3), false);
      for (ObjectNode n : rows) {
        if (badIds.contains(n.get("id").asLong())) {
          return json(500, "[{\"title\":\"Internal Server Error\",\"status\":500}]");
        }
      }
      sb.append(first ? "" : ",")
          .append("{\"name\":\"")
          .append(m.group(2))
          .append("\",\"result\":")
          .append(rows)
          .append("}");
      first = false;
    }
    return json(200, sb.append("]").toString());
  }

  private static long num(String body, String regex, long dflt) {
    Matcher m = Pattern.compile(regex).matcher(body);
    return m.find() ? Long.parseLong(m.group(1)) : dflt;
  }

  private List<ObjectNode> select(String endpoint, String q, boolean all) {
    NavigableMap<Long, ObjectNode> rows =
        data.getOrDefault(endpoint, new ConcurrentSkipListMap<>());
    long idGt = num(q, "id > (-?\\d+)", Long.MIN_VALUE);
    long idLe = num(q, "id <= (\\d+)", Long.MAX_VALUE);
    long idEq = num(q, "[^_]id = (\\d+)", Long.MIN_VALUE);
    long updGe = num(q, "updated_at >= (\\d+)", Long.MIN_VALUE);
    long updEq = num(q, "updated_at = (\\d+)", Long.MIN_VALUE);
    long limit = all ? Long.MAX_VALUE : num(q, "limit (\\d+)", 10);
    boolean desc = q.contains("sort id desc");
    boolean byUpdated = q.contains("sort updated_at");
    List<ObjectNode> out = new ArrayList<>();
    for (ObjectNode n : (desc ? rows.descendingMap() : rows).values()) {
      long id = n.get("id").asLong();
      long upd = n.get("updated_at").asLong();
      if (id > idGt
          && id <= idLe
          && (idEq == Long.MIN_VALUE || id == idEq)
          && upd >= updGe
          && (updEq == Long.MIN_VALUE || upd == updEq)) {
        out.add(q.contains("fields id;") ? idOnly(n) : n);
      }
    }
    if (byUpdated) {
      out.sort(java.util.Comparator.comparingLong(n -> n.get("updated_at").asLong()));
    }
    return out.size() > limit ? out.subList(0, (int) limit) : out;
  }

  private static ObjectNode idOnly(ObjectNode n) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("id", n.get("id").asLong());
    return o;
  }

  private MockResponse json(int code, String body) {
    MockResponse.Builder b =
        new MockResponse.Builder()
            .code(code)
            .headers(Headers.of("Content-Type", "application/json"))
            .body(body);
    if (latencyMs > 0) {
      b.headersDelay(latencyMs, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    return b.build();
  }
}
