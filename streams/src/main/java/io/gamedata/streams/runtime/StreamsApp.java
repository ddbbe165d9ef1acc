package io.gamedata.streams.runtime;

import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.metrics.PipelineMetrics;
import io.gamedata.streams.names.StoreNames;
import io.gamedata.streams.processor.ReferenceActivity;
import io.gamedata.streams.store.ReferenceTable;
import io.gamedata.streams.topology.TopologyFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streams application as an object the platform can start and stop in-process: {@code new
 * StreamsApp(config).start()}, {@link #awaitRunning}, {@link #close()}. {@code StreamsMain} wraps
 * it as a service; the embedded platform calls {@link #embedded(String, Path)}.
 *
 * <p>It runs the topology's two parts as two Kafka Streams instances (see {@link TopologyFactory}):
 * the reference router (application id {@code <application.id>-references}) and the games part
 * ({@code application.id}) start together, the games part paused: it joins its group and its global
 * reference store follows the router's output meanwhile. It processes once the router has committed
 * every reference record there was at start-up and the global store shows them, so that the first
 * game finds every reference (a fresh start enriches and writes each game once). After start-up
 * both run side by side; a reference change reaches the games part through the {@code
 * <application.id>-reference-updates} topic.
 */
public final class StreamsApp implements AutoCloseable, HealthServer.Status {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);

  /** Suffix of the application id of the references part. */
  public static final String REFERENCES_SUFFIX = "-references";

  private final StreamsAppConfig config;
  private final PipelineMetrics metrics = new PipelineMetrics();
  private final StreamsMeters meters = new StreamsMeters(metrics, this);
  private volatile KafkaStreams references;
  private volatile KafkaStreams streams;
  private volatile boolean closing;

  /** Whether the games part processes (it starts paused, see {@link #start()}). */
  private volatile boolean gamesResumed;

  private volatile RuntimeException startFailure;
  private Thread starter;
  private HealthServer http;

  public StreamsApp(StreamsAppConfig config) {
    this.config = config;
  }

  /** Default settings against {@code bootstrapServers}, state in {@code stateDir}. */
  public static StreamsApp embedded(String bootstrapServers, Path stateDir) {
    return new StreamsApp(StreamsAppConfig.builder(bootstrapServers).stateDir(stateDir).build());
  }

  /** The application id of the references part. */
  public String referencesApplicationId() {
    return config.applicationId() + REFERENCES_SUFFIX;
  }

  /**
   * Starts both parts, the games part paused until the references there were at start-up are
   * committed and in its global store (returns at once; see {@link #awaitRunning}).
   */
  public synchronized StreamsApp start() {
    if (references != null) {
      return this;
    }
    int partitions =
        config.gamePartitions() > 0 ? config.gamePartitions() : discoverGamePartitions();
    String routerId = referencesApplicationId();
    String valuesTopic = StoreNames.referenceValuesTopic(routerId);
    String updatesTopic = StoreNames.referenceUpdatesTopic(config.applicationId());
    Map<TopicPartition, Long> endAtStart;
    try (Admin admin = admin()) {
      Collection<TopicDescription> referenceTopics = describeReferenceTopics(admin);
      ensureInternalTopics(admin, referenceTopics, valuesTopic, updatesTopic, partitions);
      endAtStart = referenceEndOffsets(admin, referenceTopics);
    }
    ReferenceActivity activity = new ReferenceActivity();
    references =
        newStreams(
            TopologyFactory.references(config.topics(), updatesTopic, metrics, activity),
            routerId,
            "references");
    references.start();
    Topology games =
        TopologyFactory.games(
            config.topics(),
            valuesTopic,
            updatesTopic,
            partitions,
            metrics,
            config.memoEntries(),
            config.emitPolicy(),
            activity,
            config.gameStateStore());
    // the games part starts at once, paused: it joins its group and its global store follows the
    // router's output while the references load; it processes from the moment that store holds
    // every reference there was at start-up
    KafkaStreams gamesPart = newStreams(games, config.applicationId(), "games");
    gamesPart.pause();
    gamesPart.start();
    streams = gamesPart;
    starter =
        new Thread(
            () -> {
              try {
                long deadline = System.nanoTime() + config.startupTimeout().toNanos();
                awaitReferencesCommitted(routerId, endAtStart, deadline);
                awaitGlobalStore(gamesPart, valuesTopic, deadline);
                synchronized (this) {
                  if (!closing) {
                    gamesPart.resume();
                    gamesResumed = true;
                    LOG.info("Games part resumed");
                  }
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                LOG.error("Cannot start the games part", e);
                startFailure = e;
              }
            },
            "streams-games-starter");
    starter.setDaemon(true);
    starter.start();
    if (config.httpPort() >= 0) {
      http = new HealthServer(config.httpBindAddress(), config.httpPort(), this, meters.registry());
      LOG.info("Health and metrics on http://localhost:{}/health", http.port());
    }
    return this;
  }

  private KafkaStreams newStreams(Topology topology, String applicationId, String part) {
    Properties props = StreamsPropertiesFactory.build(config, metrics);
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    // a reference reaches the games part when the router commits it: the router asks for a commit
    // when its input goes quiet and every 100 ms while references trickle in (ReferenceRouter);
    // commit.interval.ms paces only a bulk load
    KafkaStreams s = new KafkaStreams(topology, props);
    meters.bind(s);
    s.setUncaughtExceptionHandler(
        e -> {
          LOG.error("Stream thread of the {} part failed; shutting it down", part, e);
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    s.setStateListener(
        (now, before) -> LOG.info("Streams ({} part) state {} -> {}", part, before, now));
    return s;
  }

  /**
   * Waits until the router has committed every reference record there was at start-up: its
   * committed offsets reach those end offsets, or its consumer has no lag on any of them for two
   * commit intervals in a row (a partition ending with a transaction marker). Gives up waiting at
   * {@code deadline} ({@code startup.timeout.ms} after the start: the games part then holds games
   * whose references are not there yet; nothing is lost, they are written twice).
   */
  private void awaitReferencesCommitted(
      String routerId, Map<TopicPartition, Long> endAtStart, long deadline)
      throws InterruptedException {
    long started = System.nanoTime();
    long noLagSince = -1;
    try (Admin admin = admin()) {
      while (!closing) {
        KafkaStreams.State s = references.state();
        if (s == KafkaStreams.State.ERROR
            || s == KafkaStreams.State.PENDING_ERROR
            || s == KafkaStreams.State.NOT_RUNNING) {
          throw new IllegalStateException("the references part stopped while starting: " + s);
        }
        if (committedAtLeast(admin, routerId, endAtStart)) {
          break;
        }
        if (s == KafkaStreams.State.RUNNING && referenceLag() == 0) {
          if (noLagSince < 0) {
            noLagSince = System.nanoTime();
          } else if (System.nanoTime() - noLagSince > 2_000_000L * config.commitIntervalMs()) {
            break;
          }
        } else {
          noLagSince = -1;
        }
        if (System.nanoTime() > deadline) {
          LOG.warn(
              "References not all committed after {} ms ({}); resuming the games part anyway",
              config.startupTimeout().toMillis(),
              StreamsAppConfig.STARTUP_TIMEOUT_MS_CONFIG);
          break;
        }
        // the router commits ~20 ms after its input stops (ReferenceRouter): a look every 20 ms
        // resumes the games part soon after (one committed-offsets request each)
        TimeUnit.MILLISECONDS.sleep(20);
      }
    }
    LOG.info("References committed after {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Waits until the global reference store of the games part shows the last record of every
   * partition of the router's output ({@code valuesTopic}, read committed): it then holds every
   * reference the router committed. Gives up at {@code deadline} (a game whose reference the store
   * does not show yet waits for it in its task; nothing is lost).
   */
  private void awaitGlobalStore(KafkaStreams games, String valuesTopic, long deadline)
      throws InterruptedException {
    long started = System.nanoTime();
    Map<TopicPartition, ConsumerRecord<byte[], byte[]>> last = lastRecords(valuesTopic);
    if (last.isEmpty()) {
      return; // no reference committed yet
    }
    while (!closing) {
      KafkaStreams.State s = games.state();
      if (s == KafkaStreams.State.ERROR
          || s == KafkaStreams.State.PENDING_ERROR
          || s == KafkaStreams.State.NOT_RUNNING) {
        throw new IllegalStateException("the games part stopped while starting: " + s);
      }
      try {
        ReferenceTable table =
            games.store(
                StoreQueryParameters.fromNameAndType(
                    StoreNames.REFERENCE_GLOBAL, ReferenceTable.QUERY_TYPE));
        boolean caughtUp = true;
        for (ConsumerRecord<byte[], byte[]> r : last.values()) {
          if (!table.shows(r.key(), r.value())) {
            caughtUp = false;
            break;
          }
        }
        if (caughtUp) {
          LOG.info(
              "Global reference store caught up after {} ms",
              (System.nanoTime() - started) / 1_000_000);
          return;
        }
      } catch (InvalidStateStoreException e) {
        LOG.debug("Global reference store not queryable yet", e);
      }
      if (System.nanoTime() > deadline) {
        LOG.warn(
            "The global reference store did not catch up with {} within {} ({}); resuming the"
                + " games part anyway",
            valuesTopic,
            config.startupTimeout(),
            StreamsAppConfig.STARTUP_TIMEOUT_MS_CONFIG);
        return;
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
  }

  /** The last committed record of each non-empty partition of {@code topic}. */
  private Map<TopicPartition, ConsumerRecord<byte[], byte[]>> lastRecords(String topic) {
    Properties p = new Properties();
    p.putAll(config.kafkaClientProperties());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    Map<TopicPartition, ConsumerRecord<byte[], byte[]>> last = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      // a window before the end: transaction markers take offsets too, so widen it until it holds
      // a record (or reaches the start)
      for (long window = 256; ; window *= 16) {
        List<TopicPartition> open = new ArrayList<>();
        for (TopicPartition tp : partitions) {
          long e = end.get(tp);
          if (e > 0 && !last.containsKey(tp)) {
            consumer.seek(tp, Math.max(0, e - window));
            open.add(tp);
          }
        }
        if (open.isEmpty()) {
          return last;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (open.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("cannot read the end of " + topic);
          }
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            if (r.offset() < end.get(tp)) {
              last.put(tp, r);
            }
          }
        }
        boolean done = true;
        for (TopicPartition tp : open) {
          done &= last.containsKey(tp) || end.get(tp) <= window;
        }
        if (done) {
          return last;
        }
      }
    }
  }

  private static boolean committedAtLeast(
      Admin admin, String groupId, Map<TopicPartition, Long> end) {
    if (end.values().stream().allMatch(o -> o == 0)) {
      return true;
    }
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin
              .listConsumerGroupOffsets(groupId)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS);
      for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
        if (e.getValue() == 0) {
          continue;
        }
        OffsetAndMetadata c = committed.get(e.getKey());
        if (c == null || c.offset() < e.getValue()) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.debug("Cannot read the offsets of {}", groupId, e);
      return false;
    }
  }

  /** The reference topics, which must exist before the application starts. */
  private Collection<TopicDescription> describeReferenceTopics(Admin admin) {
    try {
      return admin
          .describeTopics(config.topics().references())
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .values();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the reference topics", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot describe the reference topics "
              + config.topics().references()
              + " (they must exist first)",
          e);
    }
  }

  private Map<TopicPartition, Long> referenceEndOffsets(
      Admin admin, Collection<TopicDescription> referenceTopics) {
    try {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      for (TopicDescription d : referenceTopics) {
        for (var p : d.partitions()) {
          latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
        }
      }
      Map<TopicPartition, Long> end = new HashMap<>();
      admin
          .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all()
          .get(30, TimeUnit.SECONDS)
          .forEach((tp, info) -> end.put(tp, info.offset()));
      return end;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the reference topics", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot read the end offsets of the reference topics "
              + config.topics().references()
              + " (they must exist first)",
          e);
    }
  }

  private Admin admin() {
    Properties p = new Properties();
    p.putAll(config.kafkaClientProperties());
    return Admin.create(p);
  }

  /** Waits for both parts to be RUNNING; fails when one errs or the timeout passes. */
  public void awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (startFailure != null) {
        throw new IllegalStateException("Streams application failed to start", startFailure);
      }
      KafkaStreams r = references;
      KafkaStreams g = gamesResumed ? streams : null;
      KafkaStreams.State rs = r == null ? KafkaStreams.State.CREATED : r.state();
      KafkaStreams.State gs = g == null ? KafkaStreams.State.CREATED : g.state();
      if (rs == KafkaStreams.State.RUNNING && gs == KafkaStreams.State.RUNNING) {
        return;
      }
      // the games part may fail while still paused
      KafkaStreams paused = streams;
      KafkaStreams.State ps = paused == null ? KafkaStreams.State.CREATED : paused.state();
      for (KafkaStreams.State s : List.of(rs, gs, ps)) {
        if (s == KafkaStreams.State.ERROR
            || s == KafkaStreams.State.PENDING_ERROR
            || s == KafkaStreams.State.NOT_RUNNING) {
          throw new IllegalStateException("Streams application stopped while starting: " + s);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Streams application not RUNNING after "
                + timeout.toMillis()
                + " ms (references part "
                + rs
                + ", games part "
                + (g == null ? "waiting for the references" : gs)
                + "; "
                + StreamsAppConfig.STARTUP_TIMEOUT_MS_CONFIG
                + ")");
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  private int discoverGamePartitions() {
    Properties p = new Properties();
    p.putAll(config.kafkaClientProperties());
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

  /**
   * Creates the internal topics the two parts share when missing: the changelog of the router's
   * {@code reference-values} store (the global store reads it from the start, before Kafka Streams
   * would create it; compacted, with as many partitions as the router has tasks: the largest
   * partition count of the reference topics) and the reference-updates topic (as many partitions as
   * the games topic).
   */
  private void ensureInternalTopics(
      Admin admin,
      Collection<TopicDescription> referenceTopics,
      String valuesTopic,
      String updatesTopic,
      int gamePartitions) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      if (!existing.contains(valuesTopic)) {
        int partitions = 0;
        for (TopicDescription d : referenceTopics) {
          partitions = Math.max(partitions, d.partitions().size());
        }
        missing.add(
            new NewTopic(valuesTopic, partitions, (short) -1)
                .configs(
                    Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                        "CreateTime")));
      }
      if (!existing.contains(updatesTopic)) {
        missing.add(
            new NewTopic(updatesTopic, gamePartitions, (short) -1)
                .configs(
                    Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG,
                        String.valueOf(Duration.ofDays(7).toMillis()))));
      }
      for (NewTopic t : missing) {
        try {
          admin.createTopics(List.of(t)).all().get(30, TimeUnit.SECONDS);
          LOG.info("Created {} ({} partitions)", t.name(), t.numPartitions());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the internal topics", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "Cannot create the internal topics "
              + valuesTopic
              + " and "
              + updatesTopic
              + " (the reference topics "
              + config.topics().references()
              + " must exist first)",
          e);
    }
  }

  @Override
  public String state() {
    KafkaStreams r = references;
    KafkaStreams g = gamesResumed ? streams : null;
    if (r == null) {
      return "CREATED";
    }
    if (g == null) {
      return startFailure != null ? "ERROR" : "STARTING_REFERENCES_" + r.state().name();
    }
    return r.state() == g.state()
        ? g.state().name()
        : "REFERENCES_" + r.state() + "_GAMES_" + g.state();
  }

  @Override
  public boolean healthy() {
    return up(references) && gamesResumed && up(streams);
  }

  private static boolean up(KafkaStreams s) {
    return s != null
        && (s.state() == KafkaStreams.State.RUNNING || s.state() == KafkaStreams.State.REBALANCING);
  }

  /** State of the games part (CREATED while it waits for the references part). */
  public KafkaStreams.State streamsState() {
    KafkaStreams g = gamesResumed ? streams : null;
    return g == null ? KafkaStreams.State.CREATED : g.state();
  }

  public PipelineMetrics pipelineMetrics() {
    return metrics;
  }

  /** The registry {@code /metrics} serves (pipeline counters, Kafka Streams clients, JVM). */
  public io.micrometer.prometheusmetrics.PrometheusMeterRegistry meters() {
    return meters.registry();
  }

  /** Sum of the per-partition lag of both parts' main consumers (records not processed yet). */
  public long lag() {
    return lag(references) + lag(streams);
  }

  /** Lag of the references part on the reference topics. */
  private long referenceLag() {
    return lag(references);
  }

  private static long lag(KafkaStreams s) {
    if (s == null) {
      return 0;
    }
    long lag = 0;
    for (Map.Entry<MetricName, ? extends Metric> e : s.metrics().entrySet()) {
      MetricName n = e.getKey();
      String client = n.tags().getOrDefault("client-id", "");
      if ("records-lag".equals(n.name())
          && "consumer-fetch-manager-metrics".equals(n.group())
          && n.tags().containsKey("partition")
          && !client.contains("restore-consumer")
          && !client.contains("global-consumer")
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

  /**
   * Commits, flushes and closes the stores of both parts, leaving their consumer groups; true when
   * done within the timeout.
   */
  public synchronized boolean close(Duration timeout) {
    closing = true;
    if (starter != null) {
      starter.interrupt();
    }
    if (http != null) {
      http.close();
      http = null;
    }
    boolean done = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    for (KafkaStreams s : new KafkaStreams[] {streams, references}) {
      if (s != null) {
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        // leaving the groups lets a restarted instance (a new member) start at once: a member
        // that just closed would otherwise hold each group's rebalance until its session times
        // out (session.timeout.ms, 45 s by default)
        if (!s.close(
            CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(left))) {
          LOG.warn("Streams did not close within {} ms", timeout.toMillis());
          done = false;
        }
      }
    }
    streams = null;
    references = null;
    meters.close();
    return done;
  }
}
