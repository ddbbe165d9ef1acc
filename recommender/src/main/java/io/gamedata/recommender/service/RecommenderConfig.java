package io.gamedata.recommender.service;

import io.gamedata.contracts.topic.Topics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of the recommender service. Every key has its {@code _CONFIG}, {@code _DEFAULT} and
 * {@code _DOC} side by side; {@link #from(Map)} validates all of them and fails fast naming the
 * offending key. Environment variables override a properties file: {@code RECOMMENDER_HTTP_PORT}
 * sets {@code http.port} (upper case, dots as underscores, prefix {@code RECOMMENDER_}).
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param enrichedTopic topic of enriched game documents to follow
 * @param similarTopic compacted topic the similar-games lists are published to
 * @param dlqTopic topic for records that cannot be read (empty = log and skip)
 * @param publishSimilar whether this instance publishes lists
 * @param httpHost address the HTTP server binds to
 * @param httpPort HTTP port (0 = any free port)
 * @param httpThreads HTTP worker threads
 * @param maxBodyBytes largest accepted request body
 * @param defaultLimit results when a query gives no limit (k)
 * @param maxLimit largest accepted limit
 * @param listSize K': length of every stored and published list
 * @param stateDir directory of the offset snapshot used for a fast restart
 * @param snapshotIntervalMs how often the consumed offsets are saved
 * @param restoreOnStart restore lists from the similar topic on restart (false = always rebuild)
 * @param clientId Kafka client id prefix
 * @param stateIntervalMs how often the full local state snapshot is written while it changes
 * @param idfDriftThreshold the engine's IDF drift threshold (fraction of the catalogue changed
 *     before a new IDF generation; 0 = never)
 * @param bulkMinBacklog smallest backlog of waiting records taken by one full build instead of
 *     record-by-record upserts (the backlog must also exceed half the index)
 */
public record RecommenderConfig(
    String bootstrapServers,
    String enrichedTopic,
    String similarTopic,
    String dlqTopic,
    boolean publishSimilar,
    String httpHost,
    int httpPort,
    int httpThreads,
    int maxBodyBytes,
    int defaultLimit,
    int maxLimit,
    int listSize,
    Path stateDir,
    long snapshotIntervalMs,
    boolean restoreOnStart,
    String clientId,
    long stateIntervalMs,
    double idfDriftThreshold,
    int bulkMinBacklog) {

  public static final String BOOTSTRAP_SERVERS_CONFIG = "bootstrap.servers";
  public static final String BOOTSTRAP_SERVERS_DOC = "Kafka bootstrap servers (required).";

  public static final String TOPIC_ENRICHED_CONFIG = "topic.enriched";
  public static final String TOPIC_ENRICHED_DEFAULT = Topics.GAMES_ENRICHED.name();
  public static final String TOPIC_ENRICHED_DOC = "Topic of enriched game documents.";

  public static final String TOPIC_SIMILAR_CONFIG = "topic.similar";
  public static final String TOPIC_SIMILAR_DEFAULT = Topics.GAMES_SIMILAR.name();
  public static final String TOPIC_SIMILAR_DOC = "Compacted topic the top-K' lists go to.";

  public static final String TOPIC_DLQ_CONFIG = "topic.dlq";
  public static final String TOPIC_DLQ_DEFAULT = Topics.GAMES_DLQ.name();
  public static final String TOPIC_DLQ_DOC =
      "Dead-letter topic for unreadable records; empty = only log and count them.";

  public static final String PUBLISH_SIMILAR_CONFIG = "publish.similar";
  public static final String PUBLISH_SIMILAR_DEFAULT = "true";
  public static final String PUBLISH_SIMILAR_DOC = "Publish changed lists to the similar topic.";

  public static final String HTTP_HOST_CONFIG = "http.host";
  public static final String HTTP_HOST_DEFAULT = "0.0.0.0";
  public static final String HTTP_HOST_DOC = "Address the HTTP server binds to.";

  public static final String HTTP_PORT_CONFIG = "http.port";
  public static final String HTTP_PORT_DEFAULT = "8080";
  public static final String HTTP_PORT_DOC = "HTTP port, 0..65535 (0 = any free port).";

  public static final String HTTP_THREADS_CONFIG = "http.threads";
  public static final String HTTP_THREADS_DEFAULT = "8";
  public static final String HTTP_THREADS_DOC = "HTTP worker threads, 1..256.";

  public static final String HTTP_MAX_BODY_CONFIG = "http.max.body.bytes";
  public static final String HTTP_MAX_BODY_DEFAULT = "65536";
  public static final String HTTP_MAX_BODY_DOC = "Largest request body; larger ones get 413.";

  public static final String LIMIT_DEFAULT_CONFIG = "limit.default";
  public static final String LIMIT_DEFAULT_DEFAULT = "10";
  public static final String LIMIT_DEFAULT_DOC = "k: results when a query gives no limit.";

  public static final String LIMIT_MAX_CONFIG = "limit.max";
  public static final String LIMIT_MAX_DEFAULT = "100";
  public static final String LIMIT_MAX_DOC = "Largest accepted limit (1..1000).";

  public static final String LIST_SIZE_CONFIG = "list.size";
  public static final String LIST_SIZE_DEFAULT = "50";
  public static final String LIST_SIZE_DOC =
      "K': length of every stored and published list (>= limit.default, 1..1000).";

  public static final String STATE_DIR_CONFIG = "state.dir";
  public static final String STATE_DIR_DEFAULT = "recommender-state";
  public static final String STATE_DIR_DOC =
      "Directory of the state and offset snapshots (one per instance).";

  public static final String SNAPSHOT_INTERVAL_CONFIG = "snapshot.interval.ms";
  public static final String SNAPSHOT_INTERVAL_DEFAULT = "5000";
  public static final String SNAPSHOT_INTERVAL_DOC = "How often consumed offsets are saved (ms).";

  public static final String RESTORE_CONFIG = "restore.on.start";
  public static final String RESTORE_DEFAULT = "true";
  public static final String RESTORE_DOC =
      "On restart load the state snapshot, else restore lists from the similar topic and the"
          + " offset snapshot (false = always a full build).";

  public static final String STATE_INTERVAL_CONFIG = "state.snapshot.interval.ms";
  public static final String STATE_INTERVAL_DEFAULT = "300000";
  public static final String STATE_INTERVAL_DOC =
      "How often the full state snapshot (documents, IDF, lists, offsets) is written while records"
          + " change it (ms, >= 1000); also written once caught up after a start from Kafka and on"
          + " close.";

  public static final String IDF_DRIFT_CONFIG = "engine.idf.drift.threshold";
  public static final String IDF_DRIFT_DEFAULT = "0.02";
  public static final String IDF_DRIFT_DOC =
      "Fraction of the catalogue (0..1) changed since the IDF froze above which the engine"
          + " rebuilds a new IDF generation (0 = never).";

  public static final String BULK_MIN_BACKLOG_CONFIG = "bulk.min.backlog";
  public static final String BULK_MIN_BACKLOG_DEFAULT = "5000";
  public static final String BULK_MIN_BACKLOG_DOC =
      "Records waiting (polled plus lag) from which the follower reads to the end of the topic and"
          + " builds the whole index once instead of upserting record by record; the backlog must"
          + " also exceed half the index (>= 1).";

  public static final String CLIENT_ID_CONFIG = "client.id";
  public static final String CLIENT_ID_DEFAULT = "recommender";
  public static final String CLIENT_ID_DOC = "Kafka client id prefix.";

  /** Every key with its default (null = required) and documentation, in order. */
  public static final Map<String, String[]> KEYS = keys();

  private static Map<String, String[]> keys() {
    Map<String, String[]> m = new LinkedHashMap<>();
    m.put(BOOTSTRAP_SERVERS_CONFIG, new String[] {null, BOOTSTRAP_SERVERS_DOC});
    m.put(TOPIC_ENRICHED_CONFIG, new String[] {TOPIC_ENRICHED_DEFAULT, TOPIC_ENRICHED_DOC});
    m.put(TOPIC_SIMILAR_CONFIG, new String[] {TOPIC_SIMILAR_DEFAULT, TOPIC_SIMILAR_DOC});
    m.put(TOPIC_DLQ_CONFIG, new String[] {TOPIC_DLQ_DEFAULT, TOPIC_DLQ_DOC});
    m.put(PUBLISH_SIMILAR_CONFIG, new String[] {PUBLISH_SIMILAR_DEFAULT, PUBLISH_SIMILAR_DOC});
    m.put(HTTP_HOST_CONFIG, new String[] {HTTP_HOST_DEFAULT, HTTP_HOST_DOC});
    m.put(HTTP_PORT_CONFIG, new String[] {HTTP_PORT_DEFAULT, HTTP_PORT_DOC});
    m.put(HTTP_THREADS_CONFIG, new String[] {HTTP_THREADS_DEFAULT, HTTP_THREADS_DOC});
    m.put(HTTP_MAX_BODY_CONFIG, new String[] {HTTP_MAX_BODY_DEFAULT, HTTP_MAX_BODY_DOC});
    m.put(LIMIT_DEFAULT_CONFIG, new String[] {LIMIT_DEFAULT_DEFAULT, LIMIT_DEFAULT_DOC});
    m.put(LIMIT_MAX_CONFIG, new String[] {LIMIT_MAX_DEFAULT, LIMIT_MAX_DOC});
    m.put(LIST_SIZE_CONFIG, new String[] {LIST_SIZE_DEFAULT, LIST_SIZE_DOC});
    m.put(STATE_DIR_CONFIG, new String[] {STATE_DIR_DEFAULT, STATE_DIR_DOC});
    m.put(
        SNAPSHOT_INTERVAL_CONFIG, new String[] {SNAPSHOT_INTERVAL_DEFAULT, SNAPSHOT_INTERVAL_DOC});
    m.put(RESTORE_CONFIG, new String[] {RESTORE_DEFAULT, RESTORE_DOC});
    m.put(CLIENT_ID_CONFIG, new String[] {CLIENT_ID_DEFAULT, CLIENT_ID_DOC});
    m.put(STATE_INTERVAL_CONFIG, new String[] {STATE_INTERVAL_DEFAULT, STATE_INTERVAL_DOC});
    m.put(IDF_DRIFT_CONFIG, new String[] {IDF_DRIFT_DEFAULT, IDF_DRIFT_DOC});
    m.put(BULK_MIN_BACKLOG_CONFIG, new String[] {BULK_MIN_BACKLOG_DEFAULT, BULK_MIN_BACKLOG_DOC});
    return java.util.Collections.unmodifiableMap(m);
  }

  public RecommenderConfig {
    require(BOOTSTRAP_SERVERS_CONFIG, bootstrapServers != null && !bootstrapServers.isBlank(), "");
    require(TOPIC_ENRICHED_CONFIG, enrichedTopic != null && !enrichedTopic.isBlank(), "");
    require(TOPIC_SIMILAR_CONFIG, similarTopic != null && !similarTopic.isBlank(), "");
    dlqTopic = dlqTopic == null ? "" : dlqTopic.trim();
    require(HTTP_HOST_CONFIG, httpHost != null && !httpHost.isBlank(), "");
    require(HTTP_PORT_CONFIG, httpPort >= 0 && httpPort <= 65535, "0..65535");
    require(HTTP_THREADS_CONFIG, httpThreads >= 1 && httpThreads <= 256, "1..256");
    require(HTTP_MAX_BODY_CONFIG, maxBodyBytes >= 64 && maxBodyBytes <= 16 << 20, "64..16777216");
    require(LIMIT_MAX_CONFIG, maxLimit >= 1 && maxLimit <= 1000, "1..1000");
    require(LIMIT_DEFAULT_CONFIG, defaultLimit >= 1 && defaultLimit <= maxLimit, "1.." + maxLimit);
    require(
        LIST_SIZE_CONFIG, listSize >= defaultLimit && listSize <= 1000, defaultLimit + "..1000");
    require(STATE_DIR_CONFIG, stateDir != null, "");
    require(SNAPSHOT_INTERVAL_CONFIG, snapshotIntervalMs >= 100, ">= 100");
    require(CLIENT_ID_CONFIG, clientId != null && !clientId.isBlank(), "");
    require(STATE_INTERVAL_CONFIG, stateIntervalMs >= 1000, ">= 1000");
    require(
        IDF_DRIFT_CONFIG,
        !Double.isNaN(idfDriftThreshold) && idfDriftThreshold >= 0 && idfDriftThreshold <= 1,
        "0..1");
    require(BULK_MIN_BACKLOG_CONFIG, bulkMinBacklog >= 1, ">= 1");
  }

  private static void require(String key, boolean ok, String range) {
    if (!ok) {
      throw new ConfigException(
          key,
          "invalid value for " + key + (range.isEmpty() ? ": required" : ": must be " + range));
    }
  }

  /** Builds and validates the config from key/value pairs; missing keys take their default. */
  public static RecommenderConfig from(Map<String, String> values) {
    for (String k : values.keySet()) {
      if (!KEYS.containsKey(k)) {
        throw new ConfigException(k, "unknown config key " + k + " (known: " + KEYS.keySet() + ")");
      }
    }
    Map<String, String> v = new LinkedHashMap<>();
    KEYS.forEach((k, d) -> v.put(k, values.getOrDefault(k, d[0])));
    return new RecommenderConfig(
        v.get(BOOTSTRAP_SERVERS_CONFIG),
        v.get(TOPIC_ENRICHED_CONFIG),
        v.get(TOPIC_SIMILAR_CONFIG),
        v.get(TOPIC_DLQ_CONFIG),
        bool(v, PUBLISH_SIMILAR_CONFIG),
        v.get(HTTP_HOST_CONFIG),
        integer(v, HTTP_PORT_CONFIG),
        integer(v, HTTP_THREADS_CONFIG),
        integer(v, HTTP_MAX_BODY_CONFIG),
        integer(v, LIMIT_DEFAULT_CONFIG),
        integer(v, LIMIT_MAX_CONFIG),
        integer(v, LIST_SIZE_CONFIG),
        Path.of(v.get(STATE_DIR_CONFIG)),
        integer(v, SNAPSHOT_INTERVAL_CONFIG),
        bool(v, RESTORE_CONFIG),
        v.get(CLIENT_ID_CONFIG),
        longValue(v, STATE_INTERVAL_CONFIG),
        decimal(v, IDF_DRIFT_CONFIG),
        integer(v, BULK_MIN_BACKLOG_CONFIG));
  }

  /** Properties first, then {@code RECOMMENDER_*} environment variables on top. */
  public static RecommenderConfig from(Properties file, Map<String, String> env) {
    Map<String, String> v = new LinkedHashMap<>();
    file.stringPropertyNames().forEach(k -> v.put(k, file.getProperty(k).trim()));
    for (String key : KEYS.keySet()) {
      String e = env.get(envName(key));
      if (e != null) {
        v.put(key, e.trim());
      }
    }
    return from(v);
  }

  /** The environment variable of a key: {@code http.port} -> {@code RECOMMENDER_HTTP_PORT}. */
  public static String envName(String key) {
    return "RECOMMENDER_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
  }

  /** A config for a broker with every other key at its default. */
  public static RecommenderConfig defaults(String bootstrapServers) {
    return from(Map.of(BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
  }

  /** A copy with some keys changed (validated again). */
  public RecommenderConfig with(Map<String, String> changes) {
    Map<String, String> v = new LinkedHashMap<>(asMap());
    v.putAll(changes);
    return from(v);
  }

  /** Every key with its value. */
  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    m.put(TOPIC_ENRICHED_CONFIG, enrichedTopic);
    m.put(TOPIC_SIMILAR_CONFIG, similarTopic);
    m.put(TOPIC_DLQ_CONFIG, dlqTopic);
    m.put(PUBLISH_SIMILAR_CONFIG, Boolean.toString(publishSimilar));
    m.put(HTTP_HOST_CONFIG, httpHost);
    m.put(HTTP_PORT_CONFIG, Integer.toString(httpPort));
    m.put(HTTP_THREADS_CONFIG, Integer.toString(httpThreads));
    m.put(HTTP_MAX_BODY_CONFIG, Integer.toString(maxBodyBytes));
    m.put(LIMIT_DEFAULT_CONFIG, Integer.toString(defaultLimit));
    m.put(LIMIT_MAX_CONFIG, Integer.toString(maxLimit));
    m.put(LIST_SIZE_CONFIG, Integer.toString(listSize));
    m.put(STATE_DIR_CONFIG, stateDir.toString());
    m.put(SNAPSHOT_INTERVAL_CONFIG, Long.toString(snapshotIntervalMs));
    m.put(RESTORE_CONFIG, Boolean.toString(restoreOnStart));
    m.put(CLIENT_ID_CONFIG, clientId);
    m.put(STATE_INTERVAL_CONFIG, Long.toString(stateIntervalMs));
    m.put(IDF_DRIFT_CONFIG, Double.toString(idfDriftThreshold));
    m.put(BULK_MIN_BACKLOG_CONFIG, Integer.toString(bulkMinBacklog));
    return m;
  }

  private static int integer(Map<String, String> v, String key) {
    String s = v.get(key);
    try {
      return Integer.parseInt(s.trim());
    } catch (RuntimeException e) {
      throw new ConfigException(key, "invalid value for " + key + ": not an integer: " + s);
    }
  }

  private static long longValue(Map<String, String> v, String key) {
    String s = v.get(key);
    try {
      return Long.parseLong(s.trim());
    } catch (RuntimeException e) {
      throw new ConfigException(key, "invalid value for " + key + ": not an integer: " + s);
    }
  }

  private static double decimal(Map<String, String> v, String key) {
    String s = v.get(key);
    try {
      return Double.parseDouble(s.trim());
    } catch (RuntimeException e) {
      throw new ConfigException(key, "invalid value for " + key + ": not a number: " + s);
    }
  }

  private static boolean bool(Map<String, String> v, String key) {
    String s = v.get(key).trim().toLowerCase(Locale.ROOT);
    if (!s.equals("true") && !s.equals("false")) {
      throw new ConfigException(key, "invalid value for " + key + ": must be true or false");
    }
    return Boolean.parseBoolean(s);
  }

  /** A bad setting; {@link #key()} names it. */
  public static final class ConfigException extends IllegalArgumentException {
    private final String key;

    public ConfigException(String key, String message) {
      super(message);
      this.key = key;
    }

    public String key() {
      return key;
    }
  }
}
