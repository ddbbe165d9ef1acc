package io.gamedata.simulator.http;

import static io.gamedata.simulator.http.IgdbAnswers.error;
import static io.gamedata.simulator.http.IgdbAnswers.json;
import static io.gamedata.simulator.http.IgdbAnswers.send;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.http.Exchange;
import io.gamedata.simulator.auth.TokenStore;
import io.gamedata.simulator.fault.Faults;
import io.gamedata.simulator.fault.Injected;
import io.gamedata.simulator.limit.ClientLimiter;
import io.gamedata.simulator.query.ApicalypseParser;
import io.gamedata.simulator.query.Query;
import io.gamedata.simulator.query.QueryEngine;
import io.gamedata.simulator.query.QueryException;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@code /v4/*} as IGDB answers it: the User-Agent and token checks, injected faults, the
 * per-client rate limit (429), simulated latency, then an Apicalypse query, a {@code /count} or a
 * multiquery; webhook paths go to {@link WebhookRoutes}. Errors in IGDB's shapes and statuses.
 */
final class QueryRoutes {

  private final QueryEngine engine;
  private final TokenStore tokens;
  private final Supplier<Faults> faults;
  private final Injected injected;
  private final ApiServer.Settings settings;
  private final ApiServer.Stats stats;
  private final WebhookRoutes webhooks;
  private final Map<String, ClientLimiter> limiters = new ConcurrentHashMap<>();
  private final SplittableRandom faultRng = new SplittableRandom(7);

  QueryRoutes(
      QueryEngine engine,
      TokenStore tokens,
      Supplier<Faults> faults,
      Injected injected,
      ApiServer.Settings settings,
      ApiServer.Stats stats,
      WebhookRoutes webhooks) {
    this.engine = engine;
    this.tokens = tokens;
    this.faults = faults;
    this.injected = injected;
    this.settings = settings;
    this.stats = stats;
    this.webhooks = webhooks;
  }

  void handle(Exchange ctx) {
    try {
      api(ctx);
    } catch (RuntimeException e) {
      stats.serverErrors.incrementAndGet();
      send(ctx, 500, error("Internal Server Error", 500, String.valueOf(e.getMessage())));
    }
  }

  private void api(Exchange ctx) {
    stats.requests.incrementAndGet();
    Faults f = faults.get();
    String agent = ctx.header("User-Agent");
    if (f.requireUserAgent() && (agent == null || agent.isBlank())) {
      stats.forbidden.incrementAndGet();
      IgdbAnswers.sendText(ctx, 403, "error code: 1010");
      return;
    }
    String clientId = ctx.header("Client-ID");
    String auth = ctx.header("Authorization");
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
      send(ctx, 401, json(body));
      return;
    }
    String path = ctx.path().substring(4); // after /v4/
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.equals("webhooks") || path.startsWith("webhooks/") || path.contains("/webhooks")) {
      webhooks.handle(ctx, path, clientId);
      return;
    }
    int storm = injected.take();
    if (storm != 0) {
      if (storm == 429) {
        stats.tooManyRequests.incrementAndGet();
        send(ctx, 429, json(Map.of("message", "Too Many Requests")));
      } else if (storm >= 500) {
        serverError(ctx, storm, "injected fault");
      } else {
        stats.badRequests.incrementAndGet();
        send(ctx, storm, error("Injected", storm, "injected fault"));
      }
      return;
    }
    String body = IgdbAnswers.body(ctx);
    int weight = 1;
    List<Multiquery.Sub> subs = null;
    if (path.equals("multiquery")) {
      try {
        subs = Multiquery.parse(body);
      } catch (QueryException e) {
        badRequest(ctx, e);
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
      send(ctx, 429, json(Map.of("message", "Too Many Requests")));
      return;
    }
    try {
      answer(ctx, path, body, subs, f);
    } finally {
      limiter.finish();
    }
  }

  private void answer(Exchange ctx, String path, String body, List<Multiquery.Sub> subs, Faults f) {
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
        serverError(ctx, status, "injected fault");
        return;
      }
    }
    byte[] answer;
    try {
      answer = subs != null ? multiquery(subs, f) : query(path, body, f);
    } catch (QueryException e) {
      badRequest(ctx, e);
      return;
    } catch (NotFound e) {
      send(ctx, 404, error("Not Found", 404, e.getMessage()));
      return;
    } catch (FailingId e) {
      serverError(ctx, 500, "Internal Server Error");
      return;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
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
    send(ctx, 200, answer);
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

  private void badRequest(Exchange ctx, QueryException e) {
    stats.badRequests.incrementAndGet();
    send(ctx, 400, error(e.title(), 400, e.getMessage()));
  }

  private void serverError(Exchange ctx, int status, String cause) {
    stats.serverErrors.incrementAndGet();
    send(ctx, status, error("Internal Server Error", status, cause));
  }
}
