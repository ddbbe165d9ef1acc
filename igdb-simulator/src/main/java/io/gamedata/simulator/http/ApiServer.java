package io.gamedata.simulator.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.json.Json;
import io.gamedata.http.HttpService;
import io.gamedata.simulator.auth.TokenStore;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.fault.Faults;
import io.gamedata.simulator.fault.Injected;
import io.gamedata.simulator.live.LiveFeed;
import io.gamedata.simulator.query.QueryEngine;
import io.gamedata.simulator.webhook.Webhooks;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP adapter on the shared {@link HttpService}: IGDB's routes ({@code /oauth2/token}, {@code
 * /v4/*}: {@link TokenRoute}, {@link QueryRoutes}, {@link WebhookRoutes}), the simulator's {@code
 * /admin/*} ({@link AdminRoutes}) and {@code /metrics}. Thin handlers: parse, call the catalogue,
 * query engine or webhooks, map errors to IGDB's statuses and JSON shapes.
 */
public final class ApiServer implements AutoCloseable {

  /** Settings of the HTTP layer. */
  public record Settings(
      String host,
      int port,
      int threads,
      int rateLimitPerSecond,
      int maxOpenRequests,
      boolean multiqueryCountsSubqueries) {}

  /** Counters, for tests, {@code GET /admin/stats} and {@code /metrics}. */
  public static final class Stats {
    public final AtomicLong requests = new AtomicLong();
    public final AtomicLong ok = new AtomicLong();
    public final AtomicLong unauthorized = new AtomicLong();
    public final AtomicLong tooManyRequests = new AtomicLong();
    public final AtomicLong badRequests = new AtomicLong();
    public final AtomicLong serverErrors = new AtomicLong();
    public final AtomicLong forbidden = new AtomicLong();
    public final AtomicLong recordsServed = new AtomicLong();

    private Map<String, AtomicLong> byName() {
      return Map.of(
          "requests", requests,
          "ok", ok,
          "unauthorized", unauthorized,
          "too_many_requests", tooManyRequests,
          "bad_requests", badRequests,
          "server_errors", serverErrors,
          "forbidden", forbidden,
          "records_served", recordsServed);
    }

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

    /** The counters as {@code simulator_<name>_total}. */
    void bindTo(PrometheusMeterRegistry meters) {
      byName()
          .forEach(
              (name, value) ->
                  FunctionCounter.builder(
                          "simulator." + name.replace('_', '.'), value, AtomicLong::get)
                      .description("IGDB API counter " + name + " (see /admin/stats)")
                      .register(meters));
    }
  }

  private final Settings settings;
  private final PrometheusMeterRegistry meters;
  private final Stats stats = new Stats();
  private final TokenRoute token;
  private final QueryRoutes api;
  private final AdminRoutes admin;
  private HttpService server;

  public ApiServer(
      Catalog catalog,
      TokenStore tokens,
      Webhooks webhooks,
      LiveFeed live,
      Supplier<Faults> faults,
      Consumer<Faults> setFaults,
      Injected injected,
      Settings settings,
      PrometheusMeterRegistry meters) {
    this.settings = settings;
    this.meters = meters;
    this.token = new TokenRoute(tokens);
    this.api =
        new QueryRoutes(
            new QueryEngine(catalog),
            tokens,
            faults,
            injected,
            settings,
            stats,
            new WebhookRoutes(catalog, webhooks, stats));
    this.admin = new AdminRoutes(catalog, tokens, live, faults, setFaults, injected, stats);
  }

  /** Binds and starts serving; returns the bound port. */
  public int start() {
    if (meters != null) {
      stats.bindTo(meters);
    }
    server =
        HttpService.builder("igdb-simulator")
            .bind(settings.host(), settings.port())
            .threads(settings.threads())
            .meters(meters)
            .routes(
                r ->
                    r.any("/oauth2/token", token::handle)
                        .any("/v4/<path>", api::handle)
                        .any("/admin/<path>", admin::handle))
            .start();
    return server.port();
  }

  public Stats stats() {
    return stats;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
