package io.gamedata.recommender.adapter.http;

import io.gamedata.http.Handler;
import io.gamedata.http.HttpService;
import io.gamedata.http.Routes;
import io.gamedata.recommender.browse.Browsing;
import io.gamedata.recommender.engine.SimilarityEngine;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * The recommender's HTTP side on the shared {@link HttpService}: the read-only API, the web page,
 * its live feed and the ops endpoints. This class holds the route table; the handlers are per
 * resource ({@link GameResource}, {@link RecommendationResource}, {@link BrowseResource}, {@link
 * ChangeStream}, {@link OpsResource}, {@link StaticFiles}). They are thin: parse and validate into
 * a {@code Query} and a limit, call the engine, map the result. Errors are JSON {@code {"error":
 * ..., "parameter": ...}}: 400 bad parameter, 404 unknown game or path, 405 method, 413 body too
 * large, 500 otherwise. See {@code /openapi.yaml}. API answers carry {@code Cache-Control:
 * no-store} (the page's files and the filter choices are cached).
 */
public final class HttpApi implements AutoCloseable {

  /** Live-feed connections ({@code /api/changes}) at once; more get 503. */
  static final int MAX_LIVE_CLIENTS = 256;

  private final PrometheusMeterRegistry meters;
  private final ApiSettings settings;
  private final GameResource games;
  private final RecommendationResource recommendations;
  private final OpsResource ops;
  private final BrowseResource browse;
  private final Browsing browsing;
  private final StaticFiles files = StaticFiles.load();
  private HttpService server;
  private ChangeStream changes;

  /**
   * @param engine the engine to read
   * @param browsing its catalogue and change feed (its writer must be the one the engine's writes
   *     go through)
   */
  public HttpApi(
      SimilarityEngine engine,
      Browsing browsing,
      ServiceStatus status,
      PrometheusMeterRegistry meters,
      ApiSettings settings) {
    this.meters = meters;
    this.settings = settings;
    this.browsing = browsing;
    ResultJson results = new ResultJson(engine);
    this.games = new GameResource(engine, settings, results);
    this.recommendations = new RecommendationResource(engine, settings, results);
    this.ops = new OpsResource(engine, status);
    this.browse = new BrowseResource(engine, browsing.catalogue(), settings);
  }

  /** Binds and starts serving. */
  public HttpApi start() {
    changes = new ChangeStream(browsing.feed(), ops::stats, MAX_LIVE_CLIENTS);
    server =
        HttpService.builder("recommender")
            .bind(settings.host(), settings.port())
            .threads(settings.threads())
            .meters(meters)
            .header("Cache-Control", "no-store")
            .routes(this::routes)
            .start();
    return this;
  }

  private void routes(Routes r) {
    r.get("/api/games/{id}", timed("game", games::game))
        .get("/api/games/{id}/similar", timed("similar", games::similar))
        .get("/api/games/{id}/series", timed("series", browse::series))
        .get("/api/facets", timed("facets", browse::facets))
        .get("/api/search", timed("search", games::search))
        .post("/api/recommendations", timed("recommendations", recommendations::recommend))
        .get("/api/stats", timed("stats", ops::stats))
        .get("/health", ops::health)
        .get("/ready", ops::ready);
    r.get("/api/changes", changes::handle);
    files.routes(r);
  }

  /** {@code recommender.query.latency} per endpoint around {@code handler}. */
  private Handler timed(String endpoint, Handler handler) {
    Timer timer =
        Timer.builder("recommender.query.latency")
            .description("time to answer an API request")
            .tag("endpoint", endpoint)
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    return ctx -> {
      long t0 = System.nanoTime();
      try {
        handler.handle(ctx);
      } finally {
        timer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
      }
    };
  }

  /** The bound port. */
  public int port() {
    return server.port();
  }

  /** Stops accepting, lets running requests finish (up to 2 s). */
  @Override
  public void close() {
    if (changes != null) {
      changes.close(); // open streams would hold the server's graceful stop
      changes = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
