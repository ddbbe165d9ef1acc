package io.gamedata.producer.cli;

import io.gamedata.producer.config.ProducerConfig;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options every command shares. Each option overrides the environment variable it names; absent
 * options fall back to that variable, then to the default of {@link ProducerConfig#fromEnv}.
 */
public final class Settings {

  @Option(
      names = "--kafka",
      paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers. Env: KAFKA_BOOTSTRAP_SERVERS (required).")
  String kafka;

  @Option(
      names = "--api-url",
      paramLabel = "URL",
      description =
          "IGDB API base URL. Env: IGDB_API_URL. Default: " + ProducerConfig.DEFAULT_API_URL)
  String apiUrl;

  @Option(
      names = "--token-url",
      paramLabel = "URL",
      description =
          "Twitch OAuth token URL. Env: TWITCH_TOKEN_URL. Default: "
              + ProducerConfig.DEFAULT_TOKEN_URL)
  String tokenUrl;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description =
          "Twitch client id. Env: TWITCH_CLIENT_ID (required). The secret is read from"
              + " TWITCH_CLIENT_SECRET only, never from the command line.")
  String clientId;

  @Option(
      names = "--user-agent",
      description =
          "User-Agent sent to IGDB. Env: IGDB_USER_AGENT. Default: gamedata-producer/0.1 (...)")
  String userAgent;

  @Option(
      names = "--rps",
      description =
          "Requests per second (sliding window). Env: IGDB_REQUESTS_PER_SECOND. Default: 4")
  String rps;

  @Option(
      names = "--max-in-flight",
      description = "Open requests at most. Env: IGDB_MAX_IN_FLIGHT. Default: 8")
  String maxInFlight;

  @Option(
      names = "--page-size",
      description = "Records per page (1-500). Env: IGDB_PAGE_SIZE. Default: 500")
  String pageSize;

  @Option(
      names = "--max-attempts",
      description = "Attempts per request on 429/5xx/IO errors. Env: IGDB_MAX_ATTEMPTS. Default: 8")
  String maxAttempts;

  @Option(
      names = "--initial-backoff-ms",
      description =
          "First retry delay (doubles, with jitter). Env: IGDB_INITIAL_BACKOFF_MS. Default: 250")
  String initialBackoff;

  @Option(
      names = "--max-backoff-ms",
      description = "Longest retry delay. Env: IGDB_MAX_BACKOFF_MS. Default: 30000")
  String maxBackoff;

  @Option(
      names = "--request-timeout-ms",
      description = "Read timeout of one request. Env: IGDB_REQUEST_TIMEOUT_MS. Default: 30000")
  String requestTimeout;

  @Option(
      names = "--topic-suffix",
      description =
          "Suffix appended to every topic name (tests, side-by-side runs). Env: PRODUCER_TOPIC_SUFFIX. Default: none")
  String topicSuffix;

  @Option(
      names = "--create-topics",
      paramLabel = "true|false",
      description =
          "Create missing topics from their contracts. Env: PRODUCER_CREATE_TOPICS. Default: true")
  String createTopics;

  @Option(
      names = "--checkpoint-file",
      paramLabel = "FILE",
      description =
          "Keep checkpoints and sync cursors in this local JSON file instead of the"
              + " compacted topic platform.sync-cursors. Env: FETCH_CHECKPOINT_FILE. Default: the topic")
  String checkpointFile;

  /** The environment with every given option written over its variable. */
  Map<String, String> env(Map<String, String> base) {
    Map<String, String> m = new HashMap<>(base);
    put(m, ProducerConfig.KAFKA_BOOTSTRAP_SERVERS, kafka);
    put(m, ProducerConfig.IGDB_API_URL, apiUrl);
    put(m, ProducerConfig.TWITCH_TOKEN_URL, tokenUrl);
    put(m, ProducerConfig.TWITCH_CLIENT_ID, clientId);
    put(m, ProducerConfig.USER_AGENT, userAgent);
    put(m, ProducerConfig.REQUESTS_PER_SECOND, rps);
    put(m, ProducerConfig.MAX_IN_FLIGHT, maxInFlight);
    put(m, ProducerConfig.PAGE_SIZE, pageSize);
    put(m, ProducerConfig.MAX_ATTEMPTS, maxAttempts);
    put(m, ProducerConfig.INITIAL_BACKOFF, initialBackoff);
    put(m, ProducerConfig.MAX_BACKOFF, maxBackoff);
    put(m, ProducerConfig.REQUEST_TIMEOUT, requestTimeout);
    put(m, ProducerConfig.TOPIC_SUFFIX, topicSuffix);
    put(m, ProducerConfig.CREATE_TOPICS, createTopics);
    put(m, ProducerConfig.CHECKPOINT_FILE, checkpointFile);
    return m;
  }

  static void put(Map<String, String> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
