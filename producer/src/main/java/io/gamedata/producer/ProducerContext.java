package io.gamedata.producer;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.checkpoint.FileStateStore;
import io.gamedata.producer.checkpoint.KafkaStateStore;
import io.gamedata.producer.checkpoint.StateStore;
import io.gamedata.producer.client.IgdbClient;
import io.gamedata.producer.config.ConfigException;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.fetch.BulkFetcher;
import io.gamedata.producer.fetch.FetchSummary;
import io.gamedata.producer.fetch.Verification;
import io.gamedata.producer.metrics.ProducerMeters;
import io.gamedata.producer.publish.KafkaPublisher;
import io.gamedata.producer.publish.RawCopyWriter;
import io.gamedata.producer.publish.TopicIds;
import io.gamedata.producer.sync.SyncService;
import io.gamedata.producer.webhook.WebhookRegistrar;
import io.gamedata.producer.webhook.WebhookServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producer wired from one {@link ProducerConfig}: IGDB client, Kafka publisher, state store
 * (compacted topic, or a local file), raw copy. The programmatic API the CLI and the one-command
 * platform both use:
 *
 * <pre>{@code
 * try (ProducerContext p = ProducerContext.open(config)) {
 *   FetchSummary s = p.fetcher().run();
 *   p.syncService().start();
 *   WebhookServer w = p.startWebhooks();
 * }
 * }</pre>
 */
public final class ProducerContext implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProducerContext.class);

  private final ProducerConfig config;
  private final IgdbClient client;
  private final KafkaPublisher publisher;
  private final StateStore state;
  private final Clock clock;
  private final ProducerMeters meters;
  private SyncService sync;
  private WebhookServer webhooks;
  private ScheduledExecutorService registrar;

  private ProducerContext(ProducerConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    if (config.createTopics()) {
      KafkaPublisher.ensureTopics(config);
    }
    this.publisher = new KafkaPublisher(config);
    this.state =
        config.checkpointFile().isPresent()
            ? new FileStateStore(config.checkpointFile().get())
            : new KafkaStateStore(
                config.kafkaBootstrapServers(), config.cursorTopic(), publisher.producer());
    this.client = new IgdbClient(config, clock);
    this.meters = new ProducerMeters(client.metrics(), this::fetcherStats, publisher.producer());
  }

  public static ProducerContext open(ProducerConfig config) {
    return new ProducerContext(config, Clock.systemUTC());
  }

  public ProducerConfig config() {
    return config;
  }

  public IgdbClient client() {
    return client;
  }

  public KafkaPublisher publisher() {
    return publisher;
  }

  public StateStore state() {
    return state;
  }

  /** The registry the HTTP server's {@code /metrics} serves. */
  public ProducerMeters meters() {
    return meters;
  }

  private volatile io.gamedata.producer.fetch.FetchStats lastStats =
      new io.gamedata.producer.fetch.FetchStats();

  /** Live counters of the current (or last) {@link #fetch()}. */
  public io.gamedata.producer.fetch.FetchStats fetcherStats() {
    return lastStats;
  }

  /** Runs (or resumes) a fetch; the raw copy (if configured) is closed when the run ends. */
  public FetchSummary fetch() {
    Optional<RawCopyWriter> raw = config.rawDir().map(RawCopyWriter::new);
    try {
      BulkFetcher f = fetcher(raw);
      lastStats = f.stats();
      return f.run();
    } finally {
      raw.ifPresent(RawCopyWriter::close);
    }
  }

  public BulkFetcher fetcher(Optional<RawCopyWriter> raw) {
    return new BulkFetcher(config, client, publisher, state, raw, clock);
  }

  public List<Verification.Row> verify(List<IgdbEndpoint> endpoints, FetchSummary summary) {
    return Verification.run(
        config, client, endpoints, summary == null ? List.of() : summary.badIds());
  }

  public synchronized SyncService syncService() {
    if (sync == null) {
      sync =
          new SyncService(
              config,
              client,
              publisher,
              state,
              e ->
                  TopicIds.read(
                          config.kafkaBootstrapServers(), config.topicFor(e), Duration.ofMinutes(5))
                      .live(),
              clock);
    }
    return sync;
  }

  /**
   * Starts the webhook receiver on the configured port and, when a public URL is configured,
   * (re-)registers the webhooks of the sync endpoints with IGDB in the background (at once, then
   * every sync interval): a webhook IGDB deactivated (5 failed deliveries) or forgot is registered
   * again, and what it missed meanwhile comes through the {@code updated_at} poll.
   */
  public synchronized WebhookServer startWebhooks() {
    String secret =
        config
            .webhookSecret()
            .orElseThrow(
                () ->
                    new ConfigException(
                        ProducerConfig.WEBHOOK_SECRET, "is required to serve webhooks"));
    webhooks =
        new WebhookServer(
                publisher,
                secret,
                "0.0.0.0",
                config.webhookPort(),
                config.webhookMaxBodyBytes(),
                meters.registry())
            .start();
    config
        .webhookPublicUrl()
        .ifPresent(
            u -> {
              registrar =
                  Executors.newSingleThreadScheduledExecutor(
                      r -> {
                        Thread t = new Thread(r, "webhook-registrar");
                        t.setDaemon(true);
                        return t;
                      });
              long every = Math.max(1, config.syncInterval().toMillis());
              // the first round at once, in the background: 3 registrations per endpoint take
              // IGDB's rate limit about 11 s for all 15 endpoints, which the bulk fetch need not
              // wait for (the receiver listens already; what comes before is polled)
              registrar.scheduleWithFixedDelay(
                  () -> {
                    try {
                      WebhookRegistrar.register(client, u, secret, config.syncEndpoints());
                    } catch (RuntimeException e) {
                      LOG.warn("Webhook check failed, next round retries: {}", e.toString());
                    }
                  },
                  0,
                  every,
                  TimeUnit.MILLISECONDS);
            });
    return webhooks;
  }

  @Override
  public synchronized void close() {
    if (registrar != null) {
      registrar.shutdownNow();
      try {
        registrar.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (webhooks != null) {
      webhooks.close();
    }
    if (sync != null) {
      sync.close();
    }
    client.close();
    state.close();
    meters.close();
    publisher.close();
  }
}
