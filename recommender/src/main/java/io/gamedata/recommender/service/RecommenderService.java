package io.gamedata.recommender.service;

import io.gamedata.http.AppMetrics;
import io.gamedata.recommender.adapter.http.ApiSettings;
import io.gamedata.recommender.adapter.http.HttpApi;
import io.gamedata.recommender.adapter.http.ServiceStatus;
import io.gamedata.recommender.adapter.kafka.EnrichedFollower;
import io.gamedata.recommender.adapter.kafka.FollowerSettings;
import io.gamedata.recommender.browse.Browsing;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.ExactSimilarityEngine;
import io.gamedata.recommender.engine.SimilarityEngine;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recommender as one embeddable object: the engine, the Kafka follower (writer thread) and the
 * HTTP API. {@link #start()} returns at once (the HTTP side answers while the index loads: {@code
 * /ready} says 503 until caught up); {@link #close()} stops HTTP, then the follower (which flushes
 * and saves its offsets).
 */
public final class RecommenderService implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RecommenderService.class);

  private final SimilarityEngine engine;
  private final AppMetrics appMetrics;
  private final PrometheusMeterRegistry meters;
  private final EnrichedFollower follower;
  private final HttpApi http;
  private boolean started;
  private boolean closed;

  public RecommenderService(RecommenderConfig config) {
    EngineConfig engineConfig =
        EngineConfig.defaults()
            .withListSize(config.listSize())
            .withIdfDriftThreshold(config.idfDriftThreshold());
    this.engine = new ExactSimilarityEngine(engineConfig);
    // the follower writes through the browse side: franchises, series, facets and the live feed
    Browsing browsing = Browsing.of(engine);
    this.appMetrics = AppMetrics.create();
    this.meters = appMetrics.registry();
    Gauge.builder("recommender.index.games", engine, e -> e.size())
        .description("games in the index")
        .register(meters);
    Gauge.builder("recommender.idf.generation", engine, e -> e.idfGeneration())
        .description("current IDF generation")
        .register(meters);
    this.follower =
        new EnrichedFollower(
            new FollowerSettings(
                config.bootstrapServers(),
                config.enrichedTopic(),
                config.similarTopic(),
                config.dlqTopic(),
                config.publishSimilar(),
                config.listSize(),
                config.stateDir(),
                config.snapshotIntervalMs(),
                config.restoreOnStart(),
                config.clientId(),
                config.stateIntervalMs(),
                fingerprint(engineConfig),
                config.bulkMinBacklog()),
            browsing.writer(),
            meters);
    ServiceStatus status =
        new ServiceStatus() {
          @Override
          public boolean live() {
            return follower.alive();
          }

          @Override
          public boolean ready() {
            return follower.ready();
          }

          @Override
          public long lag() {
            return follower.lag();
          }

          @Override
          public String phase() {
            return follower.phase().name();
          }
        };
    this.http =
        new HttpApi(
            engine,
            browsing,
            status,
            meters,
            new ApiSettings(
                config.httpHost(),
                config.httpPort(),
                config.httpThreads(),
                config.maxBodyBytes(),
                config.defaultLimit(),
                config.maxLimit(),
                config.listSize()));
  }

  /**
   * The engine settings that shape the stored lists (field weights, K', summary handling), in a
   * stable text form: a state snapshot taken under other settings is not loaded. Thread count,
   * heavy-term cut-off (exact either way), drift threshold and query-time settings are left out.
   */
  static String fingerprint(EngineConfig c) {
    StringBuilder b = new StringBuilder("v1");
    new java.util.TreeMap<>(c.weights())
        .forEach((f, w) -> b.append(' ').append(f).append('=').append(w));
    b.append(" listSize=").append(c.listSize());
    b.append(" refillBelow=").append(c.watermark());
    b.append(" summaryDfCap=").append(c.summaryDfCap());
    b.append(" summaryMinLength=").append(c.summaryMinLength());
    b.append(" summaryMaxTerms=").append(c.summaryMaxTerms());
    return b.toString();
  }

  /** Starts the HTTP server and the follower; returns at once. */
  public synchronized RecommenderService start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    http.start();
    follower.start();
    return this;
  }

  /** The HTTP port (the bound one when configured as 0). */
  public int port() {
    return http.port();
  }

  /** True once caught up with the enriched topic. */
  public boolean ready() {
    return follower.ready();
  }

  /** False after the writer thread failed. */
  public boolean live() {
    return follower.alive();
  }

  /**
   * How the last start-up went: {@code snapshot} (local state snapshot), {@code restore} (lists
   * from the similar topic) or {@code build} (empty while loading).
   */
  public String startMode() {
    return follower.startMode();
  }

  public SimilarityEngine engine() {
    return engine;
  }

  public PrometheusMeterRegistry meters() {
    return meters;
  }

  /** Stops HTTP first (no new requests), then the follower (flush, save offsets). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.info("stopping recommender");
    http.close();
    follower.close();
    appMetrics.close();
  }
}
