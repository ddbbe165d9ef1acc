package io.gamedata.streams.runtime;

import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.metrics.PipelineMetrics;
import io.gamedata.streams.topology.TopologyFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams application as an object the platform can start and stop in-process: {@code new
 * StreamsApp(config).start()}, {@link #awaitRunning}, {@link #close()}. {@code StreamsMain} wraps
 * it as a service; the embedded platform calls {@link #embedded(String, Path)}.
 */
public final class StreamsApp implements AutoCloseable, HealthServer.Status {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  private final StreamsAppConfig config;
  private final PipelineMetrics metrics = new PipelineMetrics();
  private volatile KafkaStreams streams;
  private HealthServer http;
  private final ReferenceLag referenceProgress;

  public StreamsApp(StreamsAppConfig config) {
    this.config = config;
    this.referenceProgress = new ReferenceLag(config, () -> streams);
  }

  /** Default settings against {@code bootstrapServers}, state in {@code stateDir}. */
  public static StreamsApp embedded(String bootstrapServers, Path stateDir) {
    return new StreamsApp(StreamsAppConfig.builder(bootstrapServers).stateDir(stateDir).build());
  }

  /** Builds the topology and starts processing (returns at once; see {@link #awaitRunning}). */
  public synchronized StreamsApp start() {
    if (streams != null) {
      return this;
    }
    int partitions =
        config.gamePartitions() > 0 ? config.gamePartitions() : discoverGamePartitions();
    Topology topology =
        TopologyFactory.build(
            config.topics(),
            partitions,
            metrics,
            config.memoEntries(),
            config.emitPolicy(),
            referenceProgress);
    Properties props = StreamsPropertiesFactory.build(config, metrics);
    streams = new KafkaStreams(topology, props);
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("Stream thread failed; shutting the application down", e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.setStateListener((now, before) -> LOG.info("Streams state {} -> {}", before, now));
    streams.start();
    if (config.httpPort() >= 0) {
      http = new HealthServer(config.httpPort(), this).start();
      LOG.info("Health and metrics on http://localhost:{}/health", http.port());
    }
    return this;
  }

  /** Waits for RUNNING; fails when the application errs or the timeout passes. */
  public void awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      KafkaStreams.State s = streams.state();
      if (s == KafkaStreams.State.RUNNING) {
        return;
      }
      if (s == KafkaStreams.State.ERROR
          || s == KafkaStreams.State.PENDING_ERROR
          || s == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("Streams application stopped while starting: " + s);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Streams application not RUNNING after "
                + timeout.toMillis()
                + " ms (state "
                + s
                + "; "
                + StreamsAppConfig.STARTUP_TIMEOUT_MS_CONFIG
                + ")");
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  private int discoverGamePartitions() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    String games = config.topics().games();
    try (Admin admin = Admin.create(p)) {
      TopicDescription d =
          admin
              .describeTopics(java.util.List.of(games))
              .allTopicNames()
              .get(30, TimeUnit.SECONDS)
              .get(games);
      return d.partitions().size();
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot read the partitions of the games topic '"
              + games
              + "' ("
              + StreamsAppConfig.topicKey(io.gamedata.contracts.igdb.IgdbEndpoint.GAMES)
              + "); create it first or set "
              + StreamsAppConfig.GAME_PARTITIONS_CONFIG,
          e);
    }
  }

  @Override
  public String state() {
    return streams == null ? "CREATED" : streams.state().name();
  }

  @Override
  public boolean healthy() {
    return streams != null
        && (streams.state() == KafkaStreams.State.RUNNING
            || streams.state() == KafkaStreams.State.REBALANCING);
  }

  public KafkaStreams.State streamsState() {
    return streams == null ? KafkaStreams.State.CREATED : streams.state();
  }

  public PipelineMetrics pipelineMetrics() {
    return metrics;
  }

  /** Sum of the main consumers' per-partition lag (records not processed yet). */
  public long lag() {
    if (streams == null) {
      return 0;
    }
    long lag = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
      MetricName n = e.getKey();
      String client = n.tags().getOrDefault("client-id", "");
      if ("records-lag".equals(n.name())
          && "consumer-fetch-manager-metrics".equals(n.group())
          && n.tags().containsKey("partition")
          && !client.contains("restore-consumer")
          && e.getValue().metricValue() instanceof Double d
          && !d.isNaN()) {
        lag += d.longValue();
      }
    }
    return lag;
  }

  @Override
  public Map<String, Object> metrics() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("state", state());
    m.putAll(metrics.snapshot());
    m.put("lag", lag());
    return m;
  }

  /** The port of the health endpoint, or -1 without one. */
  public int httpPort() {
    return http == null ? -1 : http.port();
  }

  /** Graceful shutdown with the configured timeout. */
  @Override
  public void close() {
    close(config.shutdownTimeout());
  }

  /** Commits, flushes and closes the stores; true when done within the timeout. */
  public synchronized boolean close(Duration timeout) {
    if (http != null) {
      http.close();
      http = null;
    }
    if (streams == null) {
      return true;
    }
    boolean done = streams.close(timeout);
    if (!done) {
      LOG.warn("Streams did not close within {} ms", timeout.toMillis());
    }
    streams = null;
    return done;
  }
}
