package io.gamedata.streams.config;

import io.gamedata.config.ConfigLoader;
import io.gamedata.config.ConfigSpec;
import io.gamedata.config.HttpSettings;
import io.gamedata.config.KafkaConnection;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.streams.names.TopicNames;
import io.gamedata.streams.store.GameStateStore;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * Settings of the streams application. Every key is documented in {@link #CONFIG_DEF} (and in
 * docs/configuration.md); {@link #SPEC} names them in the environment ({@code STREAMS_<KEY>}, the
 * shared {@code KAFKA_*} and {@code HTTP_*} names); a missing or invalid value fails at start-up
 * with an error naming the key and its variable. Keys prefixed {@value #STREAMS_PREFIX} are passed
 * to Kafka Streams unchanged (e.g. {@code kafka.streams.num.standby.replicas=1}, in the environment
 * {@code STREAMS_KAFKA_STREAMS_NUM_STANDBY_REPLICAS=1}).
 */
public final class StreamsAppConfig extends AbstractConfig {

  /** Prefix of the app's own environment names. */
  public static final String ENV_PREFIX = "STREAMS_";

  /** The shared {@code KAFKA_BOOTSTRAP_SERVERS}. */
  public static final String BOOTSTRAP_SERVERS_CONFIG = KafkaConnection.BOOTSTRAP_SERVERS;

  public static final String APPLICATION_ID_CONFIG = "application.id";
  public static final String APPLICATION_ID_DEFAULT = "gamedata-streams";
  private static final String APPLICATION_ID_DOC =
      "Kafka Streams application id: consumer group, prefix of internal topics and transactional"
          + " ids. Instances with the same id share the work.";

  public static final String STATE_DIR_CONFIG = "state.dir";
  public static final String STATE_DIR_DEFAULT =
      Path.of(System.getProperty("java.io.tmpdir"), "gamedata-streams").toString();
  private static final String STATE_DIR_DOC =
      "Directory of Kafka Streams' task state (checkpoints, locks) and, with game.state.store="
          + "rocksdb, of the RocksDB stores; restored from changelogs when lost.";

  public static final String GAME_STATE_STORE_CONFIG = "game.state.store";
  public static final String GAME_STATE_STORE_DEFAULT = GameStateStore.MEMORY.configValue();
  private static final String GAME_STATE_STORE_DOC =
      "Where the game tasks keep each game's state (trimmed source, hashes, references): memory"
          + " (the default: a hash map on the heap, ~640 bytes per game, ~225 MB at 350k games;"
          + " refilled from its changelog at every start) or rocksdb (in state.dir, off the heap;"
          + " a clean restart reads only what its checkpoint lacks, but each write goes through"
          + " JNI, a memtable and later flushes and compactions: ~5% slower in a 350k-game load)."
          + " Both write the same changelog, so an instance can switch at a restart.";

  public static final String NUM_STREAM_THREADS_CONFIG = "num.stream.threads";
  public static final int NUM_STREAM_THREADS_DEFAULT = 2;
  private static final String NUM_STREAM_THREADS_DOC = "Processing threads of this instance.";

  public static final String COMMIT_INTERVAL_MS_CONFIG = "commit.interval.ms";
  public static final long COMMIT_INTERVAL_MS_DEFAULT = 1000;
  private static final String COMMIT_INTERVAL_MS_DOC =
      "How often a transaction commits (exactly-once): output becomes visible to read_committed"
          + " consumers at this pace; larger is faster, smaller is fresher.";

  public static final String CACHE_MAX_BYTES_CONFIG = "cache.max.bytes";
  public static final long CACHE_MAX_BYTES_DEFAULT = 0;
  private static final String CACHE_MAX_BYTES_DOC =
      "Record cache in front of the game stores, shared by the threads of this instance; 0 (the"
          + " default) turns it off: each game's state is written once per change, so the cache"
          + " only added its bookkeeping and evictions (~5% of the game threads' time in a"
          + " 350k-game load). Larger values merge repeated writes of a game within a commit.";

  public static final String MEMO_ENTRIES_CONFIG = "reference.memo.entries";
  public static final int MEMO_ENTRIES_DEFAULT = 100_000;
  private static final String MEMO_ENTRIES_DOC =
      "Per-task in-memory memo of named references (genres, companies, keywords...) in front of"
          + " the global reference store.";

  public static final String REFERENCE_WAIT_MS_CONFIG = "reference.wait.ms";
  public static final long REFERENCE_WAIT_MS_DEFAULT = -1;
  private static final String REFERENCE_WAIT_MS_DOC =
      "Kafka Streams max.task.idle.ms of the game tasks: how long a task with games to process"
          + " waits for announced reference changes that are not fetched yet. -1 (the default) ="
          + " never wait: a change re-enriches the games built from the reference when it arrives"
          + " anyway; 0 = wait while the broker holds unfetched records (Kafka Streams then formats"
          + " a diagnostic message per check).";

  public static final String EMIT_HOLD_MS_CONFIG = "emit.hold.ms";
  public static final long EMIT_HOLD_MS_DEFAULT = 2000;
  private static final String EMIT_HOLD_MS_DOC =
      "A game naming a reference not found yet is held while references stream in (the last"
          + " references of a bulk load overlapping its first games): it is emitted as soon as its"
          + " references are all found, otherwise once no reference was read for this long, or"
          + " once held this long while references only trickle in (under 500/s: live changes),"
          + " or after emit.max.hold.ms while a bulk load streams them in, with the missing ones"
          + " listed in missing_references (and"
          + " emitted again when they arrive). 0 emits at once. A game whose references are all"
          + " known is emitted at once; references are all read before the first game on a"
          + " fresh start.";

  public static final String EMIT_MAX_HOLD_MS_CONFIG = "emit.max.hold.ms";
  public static final long EMIT_MAX_HOLD_MS_DEFAULT = 30_000;
  private static final String EMIT_MAX_HOLD_MS_DOC =
      "Upper bound of the hold of emit.hold.ms while references keep streaming in at 500/s or"
          + " more (a bulk load); must be >= emit.hold.ms.";

  public static final String GAME_PARTITIONS_CONFIG = "game.partitions";
  public static final int GAME_PARTITIONS_DEFAULT = 0;
  private static final String GAME_PARTITIONS_DOC =
      "Partitions of the games topic; the internal reference topic gets as many. 0 = ask the"
          + " broker at start-up (the games topic must exist).";

  /** The shared {@code HTTP_PORT}: health and metrics (GET /health, GET /metrics). */
  public static final String HTTP_PORT_CONFIG = HttpSettings.PORT;

  public static final int HTTP_PORT_DEFAULT = 8092;

  /** The shared {@code HTTP_BIND_ADDRESS}. */
  public static final String HTTP_BIND_ADDRESS_CONFIG = HttpSettings.BIND_ADDRESS;

  public static final String STARTUP_TIMEOUT_MS_CONFIG = "startup.timeout.ms";
  public static final long STARTUP_TIMEOUT_MS_DEFAULT = 120_000;
  private static final String STARTUP_TIMEOUT_MS_DOC =
      "How long start-up waits for the RUNNING state before failing.";

  public static final String SHUTDOWN_TIMEOUT_MS_CONFIG = "shutdown.timeout.ms";
  public static final long SHUTDOWN_TIMEOUT_MS_DEFAULT = 30_000;
  private static final String SHUTDOWN_TIMEOUT_MS_DOC =
      "How long a graceful shutdown may take (commit, flush, close stores).";

  /** Topic keys: {@code topic.<endpoint>} for the raw topics. */
  public static final String TOPIC_PREFIX = "topic.";

  public static final String TOPIC_ENRICHED_CONFIG = "topic.games.enriched";
  public static final String TOPIC_CHANGES_CONFIG = "topic.games.changes";
  public static final String TOPIC_DLQ_CONFIG = "topic.games.dlq";

  /** Prefix of keys passed to Kafka Streams unchanged. */
  public static final String STREAMS_PREFIX = "kafka.streams.";

  public static final ConfigDef CONFIG_DEF = configDef();

  /** How the keys are named in the environment. */
  public static final ConfigSpec SPEC = spec();

  private final KafkaConnection kafka;

  public StreamsAppConfig(Map<?, ?> props) {
    super(CONFIG_DEF, props, false);
    kafka = KafkaConnection.from(this);
    validateTopics();
    if (emitMaxHoldMs() < emitHoldMs()) {
      throw new ConfigException(
          EMIT_MAX_HOLD_MS_CONFIG, emitMaxHoldMs(), "must be >= " + EMIT_HOLD_MS_CONFIG);
    }
  }

  public long emitHoldMs() {
    return getLong(EMIT_HOLD_MS_CONFIG);
  }

  public long emitMaxHoldMs() {
    return getLong(EMIT_MAX_HOLD_MS_CONFIG);
  }

  /** How long the game processor holds a game with a reference not found yet. */
  public io.gamedata.streams.processor.EmitPolicy emitPolicy() {
    return new io.gamedata.streams.processor.EmitPolicy(emitHoldMs(), emitMaxHoldMs());
  }

  /**
   * The settings of a running service: defaults, then {@code file} (may be null), then {@code env};
   * fails naming the key and the variable of a bad or unknown setting.
   */
  public static StreamsAppConfig load(Path file, Map<String, String> env) {
    return ConfigLoader.load(SPEC, file, env).build(StreamsAppConfig::new);
  }

  private static ConfigSpec spec() {
    ConfigSpec.Builder b =
        ConfigSpec.builder("streams", ENV_PREFIX, CONFIG_DEF)
            .passthrough(STREAMS_PREFIX)
            .renamed("STREAMS_APP_ID", ENV_PREFIX + "APPLICATION_ID")
            .renamed("STREAMS_THREADS", ENV_PREFIX + "NUM_STREAM_THREADS")
            .renamed("GAMEDATA_STREAMS_BOOTSTRAP_SERVERS", "KAFKA_BOOTSTRAP_SERVERS")
            .renamed("GAMEDATA_STREAMS_HTTP_PORT", "HTTP_PORT");
    // the variables of earlier versions (GAMEDATA_STREAMS_<KEY>) fail naming today's
    for (String key : CONFIG_DEF.names()) {
      if (!KafkaConnection.KEYS.contains(key) && !HttpSettings.KEYS.contains(key)) {
        b.renamed(
            "GAMEDATA_STREAMS_" + ConfigSpec.envify(key), ENV_PREFIX + ConfigSpec.envify(key));
      }
    }
    return b.build();
  }

  private static ConfigDef configDef() {
    ConfigDef def =
        HttpSettings.define(
                KafkaConnection.define(new ConfigDef()),
                HTTP_PORT_DEFAULT,
                -1,
                "; -1 = none (the default of builder(), for tests and embedded use)")
            .define(
                APPLICATION_ID_CONFIG,
                Type.STRING,
                APPLICATION_ID_DEFAULT,
                new ConfigDef.NonEmptyString(),
                Importance.HIGH,
                APPLICATION_ID_DOC)
            .define(
                STATE_DIR_CONFIG,
                Type.STRING,
                STATE_DIR_DEFAULT,
                new ConfigDef.NonEmptyString(),
                Importance.HIGH,
                STATE_DIR_DOC)
            .define(
                GAME_STATE_STORE_CONFIG,
                Type.STRING,
                GAME_STATE_STORE_DEFAULT,
                ConfigDef.CaseInsensitiveValidString.in(
                    GameStateStore.MEMORY.configValue(), GameStateStore.ROCKSDB.configValue()),
                Importance.MEDIUM,
                GAME_STATE_STORE_DOC)
            .define(
                NUM_STREAM_THREADS_CONFIG,
                Type.INT,
                NUM_STREAM_THREADS_DEFAULT,
                Range.between(1, 64),
                Importance.MEDIUM,
                NUM_STREAM_THREADS_DOC)
            .define(
                COMMIT_INTERVAL_MS_CONFIG,
                Type.LONG,
                COMMIT_INTERVAL_MS_DEFAULT,
                Range.between(1, 600_000),
                Importance.MEDIUM,
                COMMIT_INTERVAL_MS_DOC)
            .define(
                CACHE_MAX_BYTES_CONFIG,
                Type.LONG,
                CACHE_MAX_BYTES_DEFAULT,
                Range.atLeast(0),
                Importance.LOW,
                CACHE_MAX_BYTES_DOC)
            .define(
                MEMO_ENTRIES_CONFIG,
                Type.INT,
                MEMO_ENTRIES_DEFAULT,
                Range.atLeast(0),
                Importance.LOW,
                MEMO_ENTRIES_DOC)
            .define(
                REFERENCE_WAIT_MS_CONFIG,
                Type.LONG,
                REFERENCE_WAIT_MS_DEFAULT,
                Range.between(-1, 600_000),
                Importance.MEDIUM,
                REFERENCE_WAIT_MS_DOC)
            .define(
                EMIT_HOLD_MS_CONFIG,
                Type.LONG,
                EMIT_HOLD_MS_DEFAULT,
                Range.between(0, 600_000),
                Importance.MEDIUM,
                EMIT_HOLD_MS_DOC)
            .define(
                EMIT_MAX_HOLD_MS_CONFIG,
                Type.LONG,
                EMIT_MAX_HOLD_MS_DEFAULT,
                Range.between(0, 3_600_000),
                Importance.LOW,
                EMIT_MAX_HOLD_MS_DOC)
            .define(
                GAME_PARTITIONS_CONFIG,
                Type.INT,
                GAME_PARTITIONS_DEFAULT,
                Range.atLeast(0),
                Importance.LOW,
                GAME_PARTITIONS_DOC)
            .define(
                STARTUP_TIMEOUT_MS_CONFIG,
                Type.LONG,
                STARTUP_TIMEOUT_MS_DEFAULT,
                Range.atLeast(1),
                Importance.LOW,
                STARTUP_TIMEOUT_MS_DOC)
            .define(
                SHUTDOWN_TIMEOUT_MS_CONFIG,
                Type.LONG,
                SHUTDOWN_TIMEOUT_MS_DEFAULT,
                Range.atLeast(0),
                Importance.LOW,
                SHUTDOWN_TIMEOUT_MS_DOC);
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      def.define(
          topicKey(e),
          Type.STRING,
          Topics.raw(e).name(),
          new ConfigDef.NonEmptyString(),
          Importance.LOW,
          "Raw topic of /v4/" + e.path() + ".");
    }
    return def.define(
            TOPIC_ENRICHED_CONFIG,
            Type.STRING,
            Topics.GAMES_ENRICHED.name(),
            new ConfigDef.NonEmptyString(),
            Importance.LOW,
            "Output: enriched documents (compacted).")
        .define(
            TOPIC_CHANGES_CONFIG,
            Type.STRING,
            Topics.GAMES_CHANGES.name(),
            new ConfigDef.NonEmptyString(),
            Importance.LOW,
            "Output: change events.")
        .define(
            TOPIC_DLQ_CONFIG,
            Type.STRING,
            Topics.GAMES_DLQ.name(),
            new ConfigDef.NonEmptyString(),
            Importance.LOW,
            "Output: rejected records with dlq.* headers.");
  }

  /** {@code topic.<endpoint path>}, e.g. {@code topic.involved_companies}. */
  public static String topicKey(IgdbEndpoint endpoint) {
    return TOPIC_PREFIX + endpoint.path();
  }

  private void validateTopics() {
    Set<String> seen = new HashSet<>();
    for (String key : topicKeys()) {
      String name = getString(key);
      if (!seen.add(name)) {
        throw new ConfigException(key, name, "topic already used by another topic key");
      }
    }
  }

  private static java.util.List<String> topicKeys() {
    java.util.List<String> keys = new java.util.ArrayList<>();
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      keys.add(topicKey(e));
    }
    keys.add(TOPIC_ENRICHED_CONFIG);
    keys.add(TOPIC_CHANGES_CONFIG);
    keys.add(TOPIC_DLQ_CONFIG);
    return keys;
  }

  public String bootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** How every Kafka client of the app connects (bootstrap servers, security). */
  public KafkaConnection kafka() {
    return kafka;
  }

  /** Connection and security properties for a Kafka client; add the client's own tuning. */
  public Map<String, Object> kafkaClientProperties() {
    return kafka.clientProperties();
  }

  public String applicationId() {
    return getString(APPLICATION_ID_CONFIG);
  }

  public Path stateDir() {
    return Path.of(getString(STATE_DIR_CONFIG));
  }

  /** Where the game tasks keep their state. */
  public GameStateStore gameStateStore() {
    return GameStateStore.of(getString(GAME_STATE_STORE_CONFIG));
  }

  public int numStreamThreads() {
    return getInt(NUM_STREAM_THREADS_CONFIG);
  }

  public long commitIntervalMs() {
    return getLong(COMMIT_INTERVAL_MS_CONFIG);
  }

  public long cacheMaxBytes() {
    return getLong(CACHE_MAX_BYTES_CONFIG);
  }

  public int memoEntries() {
    return getInt(MEMO_ENTRIES_CONFIG);
  }

  public long referenceWaitMs() {
    return getLong(REFERENCE_WAIT_MS_CONFIG);
  }

  /** 0 = ask the broker. */
  public int gamePartitions() {
    return getInt(GAME_PARTITIONS_CONFIG);
  }

  /** -1 = no HTTP server. */
  public int httpPort() {
    return getInt(HTTP_PORT_CONFIG);
  }

  public String httpBindAddress() {
    return HttpSettings.bindAddress(this);
  }

  public java.time.Duration startupTimeout() {
    return java.time.Duration.ofMillis(getLong(STARTUP_TIMEOUT_MS_CONFIG));
  }

  public java.time.Duration shutdownTimeout() {
    return java.time.Duration.ofMillis(getLong(SHUTDOWN_TIMEOUT_MS_CONFIG));
  }

  public TopicNames topics() {
    Map<IgdbEndpoint, String> raw = new EnumMap<>(IgdbEndpoint.class);
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      raw.put(e, getString(topicKey(e)));
    }
    return new TopicNames(
        raw,
        getString(TOPIC_ENRICHED_CONFIG),
        getString(TOPIC_CHANGES_CONFIG),
        getString(TOPIC_DLQ_CONFIG));
  }

  /** The {@value #STREAMS_PREFIX} keys, prefix removed. */
  public Map<String, Object> streamsOverrides() {
    return originalsWithPrefix(STREAMS_PREFIX, true);
  }

  /**
   * A builder of configurations in code (tests, benchmarks, embedded use): no HTTP server unless
   * {@code http.port} is set, as several instances share one machine there.
   */
  public static Builder builder(String bootstrapServers) {
    return new Builder().set(BOOTSTRAP_SERVERS_CONFIG, bootstrapServers).set(HTTP_PORT_CONFIG, -1);
  }

  /** Collects keys; {@link #build()} validates. */
  public static final class Builder {
    private final Map<String, Object> props = new HashMap<>();

    public Builder set(String key, Object value) {
      props.put(key, value);
      return this;
    }

    public Builder applicationId(String id) {
      return set(APPLICATION_ID_CONFIG, id);
    }

    public Builder stateDir(Path dir) {
      return set(STATE_DIR_CONFIG, dir.toString());
    }

    public Builder topics(TopicNames names) {
      for (IgdbEndpoint e : IgdbEndpoint.values()) {
        set(topicKey(e), names.raw(e));
      }
      set(TOPIC_ENRICHED_CONFIG, names.enriched());
      set(TOPIC_CHANGES_CONFIG, names.changes());
      return set(TOPIC_DLQ_CONFIG, names.deadLetters());
    }

    /** Sets a key only when absent (defaults after a file). */
    public Builder setIfAbsent(String key, Object value) {
      props.putIfAbsent(key, value);
      return this;
    }

    /** Validates; an unknown key fails naming it. */
    public StreamsAppConfig build() {
      return ConfigLoader.of(SPEC, props).build(StreamsAppConfig::new);
    }
  }
}
