package io.gamedata.producer.config;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.topic.Topics;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of the producer, validated when built: a bad value fails fast with a {@link
 * ConfigException} naming its key. Keys are environment variables (the CLI options document the
 * same names); {@link #fromEnv} reads them, the {@link Builder} sets them programmatically.
 *
 * <p>With {@code TWITCH_CLIENT_ID}/{@code TWITCH_CLIENT_SECRET} and the default URLs the producer
 * talks to the real IGDB; point {@code IGDB_API_URL} and {@code TWITCH_TOKEN_URL} at the simulator
 * to run locally with the same code path.
 */
public record ProducerConfig(
    String kafkaBootstrapServers,
    String topicSuffix,
    boolean createTopics,
    URI apiUrl,
    URI tokenUrl,
    String clientId,
    String clientSecret,
    String userAgent,
    double requestsPerSecond,
    int maxInFlight,
    int pageSize,
    int rangesPerEndpoint,
    boolean multiquery,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration requestTimeout,
    List<IgdbEndpoint> endpoints,
    Optional<Path> rawDir,
    Optional<Path> checkpointFile,
    List<IgdbEndpoint> syncEndpoints,
    Duration syncInterval,
    Duration syncOverlap,
    Duration deleteDiffInterval,
    List<IgdbEndpoint> deleteDiffEndpoints,
    int webhookPort,
    Optional<URI> webhookPublicUrl,
    Optional<String> webhookSecret,
    int webhookMaxBodyBytes) {

  public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
  public static final String TOPIC_SUFFIX = "PRODUCER_TOPIC_SUFFIX";
  public static final String CREATE_TOPICS = "PRODUCER_CREATE_TOPICS";
  public static final String IGDB_API_URL = "IGDB_API_URL";
  public static final String TWITCH_TOKEN_URL = "TWITCH_TOKEN_URL";
  public static final String TWITCH_CLIENT_ID = "TWITCH_CLIENT_ID";
  public static final String TWITCH_CLIENT_SECRET = "TWITCH_CLIENT_SECRET";
  public static final String USER_AGENT = "IGDB_USER_AGENT";
  public static final String REQUESTS_PER_SECOND = "IGDB_REQUESTS_PER_SECOND";
  public static final String MAX_IN_FLIGHT = "IGDB_MAX_IN_FLIGHT";
  public static final String PAGE_SIZE = "IGDB_PAGE_SIZE";
  public static final String RANGES = "FETCH_RANGES";
  public static final String MULTIQUERY = "FETCH_MULTIQUERY";
  public static final String MAX_ATTEMPTS = "IGDB_MAX_ATTEMPTS";
  public static final String INITIAL_BACKOFF = "IGDB_INITIAL_BACKOFF_MS";
  public static final String MAX_BACKOFF = "IGDB_MAX_BACKOFF_MS";
  public static final String REQUEST_TIMEOUT = "IGDB_REQUEST_TIMEOUT_MS";
  public static final String ENDPOINTS = "FETCH_ENDPOINTS";
  public static final String RAW_DIR = "FETCH_RAW_DIR";
  public static final String CHECKPOINT_FILE = "FETCH_CHECKPOINT_FILE";
  public static final String SYNC_ENDPOINTS = "SYNC_ENDPOINTS";
  public static final String SYNC_INTERVAL = "SYNC_INTERVAL_S";
  public static final String SYNC_OVERLAP = "SYNC_OVERLAP_S";
  public static final String DELETE_DIFF_INTERVAL = "SYNC_DELETE_DIFF_INTERVAL_S";
  public static final String DELETE_DIFF_ENDPOINTS = "SYNC_DELETE_DIFF_ENDPOINTS";
  public static final String WEBHOOK_PORT = "WEBHOOK_PORT";
  public static final String WEBHOOK_PUBLIC_URL = "WEBHOOK_PUBLIC_URL";
  public static final String WEBHOOK_SECRET = "WEBHOOK_SECRET";
  public static final String WEBHOOK_MAX_BODY = "WEBHOOK_MAX_BODY_BYTES";

  public static final String DEFAULT_API_URL = "https://api.igdb.com/v4";
  public static final String DEFAULT_TOKEN_URL = "https://id.twitch.tv/oauth2/token";
  public static final String DEFAULT_USER_AGENT =
      "gamedata-producer/0.1 (IGDB bulk loader; +https://github.com/gamedata/game-data-platform)";

  public ProducerConfig {
    require(KAFKA_BOOTSTRAP_SERVERS, kafkaBootstrapServers);
    require(TWITCH_CLIENT_ID, clientId);
    require(TWITCH_CLIENT_SECRET, clientSecret);
    require(USER_AGENT, userAgent);
    topicSuffix = topicSuffix == null ? "" : topicSuffix;
    httpUrl(IGDB_API_URL, apiUrl);
    httpUrl(TWITCH_TOKEN_URL, tokenUrl);
    if (!(requestsPerSecond > 0) || requestsPerSecond > 10_000) {
      throw new ConfigException(REQUESTS_PER_SECOND, "must be > 0, was " + requestsPerSecond);
    }
    range(MAX_IN_FLIGHT, maxInFlight, 1, 1024);
    range(PAGE_SIZE, pageSize, 1, 500);
    range(RANGES, rangesPerEndpoint, 1, 4096);
    range(MAX_ATTEMPTS, maxAttempts, 1, 100);
    positive(INITIAL_BACKOFF, initialBackoff);
    positive(MAX_BACKOFF, maxBackoff);
    positive(REQUEST_TIMEOUT, requestTimeout);
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new ConfigException(MAX_BACKOFF, "must be >= " + INITIAL_BACKOFF);
    }
    if (endpoints == null || endpoints.isEmpty()) {
      throw new ConfigException(ENDPOINTS, "must name at least one endpoint");
    }
    endpoints = List.copyOf(endpoints);
    syncEndpoints = syncEndpoints == null ? allEndpoints() : List.copyOf(syncEndpoints);
    positive(SYNC_INTERVAL, syncInterval);
    if (syncOverlap == null || syncOverlap.isNegative()) {
      throw new ConfigException(SYNC_OVERLAP, "must be >= 0");
    }
    positive(DELETE_DIFF_INTERVAL, deleteDiffInterval);
    deleteDiffEndpoints =
        deleteDiffEndpoints == null ? syncEndpoints : List.copyOf(deleteDiffEndpoints);
    for (IgdbEndpoint e : deleteDiffEndpoints) {
      if (!syncEndpoints.contains(e)) {
        throw new ConfigException(
            DELETE_DIFF_ENDPOINTS, "names " + e.path() + ", which is not a sync endpoint");
      }
    }
    range(WEBHOOK_PORT, webhookPort, 0, 65535);
    range(WEBHOOK_MAX_BODY, webhookMaxBodyBytes, 64, 64 * 1024 * 1024);
    rawDir = rawDir == null ? Optional.empty() : rawDir;
    checkpointFile = checkpointFile == null ? Optional.empty() : checkpointFile;
    webhookPublicUrl = webhookPublicUrl == null ? Optional.empty() : webhookPublicUrl;
    webhookSecret = webhookSecret == null ? Optional.empty() : webhookSecret;
    webhookPublicUrl.ifPresent(u -> httpUrl(WEBHOOK_PUBLIC_URL, u));
    if (webhookSecret.isPresent() && webhookSecret.get().length() < 8) {
      throw new ConfigException(WEBHOOK_SECRET, "must be at least 8 characters");
    }
  }

  /** The raw topic of one endpoint ({@code igdb.<endpoint>} plus the configured suffix). */
  public String topicFor(IgdbEndpoint endpoint) {
    return Topics.raw(endpoint).name() + topicSuffix;
  }

  /** The compacted state topic holding checkpoints and sync cursors. */
  public String cursorTopic() {
    return Topics.SYNC_CURSORS.name() + topicSuffix;
  }

  /** Secrets masked, for logs. */
  @Override
  public String toString() {
    return "ProducerConfig[kafka="
        + kafkaBootstrapServers
        + ", api="
        + apiUrl
        + ", token="
        + tokenUrl
        + ", clientId=***, clientSecret=***, rps="
        + requestsPerSecond
        + ", inFlight="
        + maxInFlight
        + ", pageSize="
        + pageSize
        + ", ranges="
        + rangesPerEndpoint
        + ", multiquery="
        + multiquery
        + ", endpoints="
        + endpoints
        + ", rawDir="
        + rawDir
        + ", checkpointFile="
        + checkpointFile
        + "]";
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.kafkaBootstrapServers = kafkaBootstrapServers;
    b.topicSuffix = topicSuffix;
    b.createTopics = createTopics;
    b.apiUrl = apiUrl;
    b.tokenUrl = tokenUrl;
    b.clientId = clientId;
    b.clientSecret = clientSecret;
    b.userAgent = userAgent;
    b.requestsPerSecond = requestsPerSecond;
    b.maxInFlight = maxInFlight;
    b.pageSize = pageSize;
    b.rangesPerEndpoint = rangesPerEndpoint;
    b.multiquery = multiquery;
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.requestTimeout = requestTimeout;
    b.endpoints = endpoints;
    b.rawDir = rawDir.orElse(null);
    b.checkpointFile = checkpointFile.orElse(null);
    b.syncEndpoints = syncEndpoints;
    b.syncInterval = syncInterval;
    b.syncOverlap = syncOverlap;
    b.deleteDiffInterval = deleteDiffInterval;
    b.deleteDiffEndpoints = deleteDiffEndpoints;
    b.webhookPort = webhookPort;
    b.webhookPublicUrl = webhookPublicUrl.orElse(null);
    b.webhookSecret = webhookSecret.orElse(null);
    b.webhookMaxBodyBytes = webhookMaxBodyBytes;
    return b;
  }

  /**
   * Reads every key from a map of environment variables; absent keys take their defaults. Values
   * that do not parse fail with the key named.
   */
  public static ProducerConfig fromEnv(Map<String, String> env) {
    Builder b = builder();
    b.kafkaBootstrapServers = env.get(KAFKA_BOOTSTRAP_SERVERS);
    b.topicSuffix = env.getOrDefault(TOPIC_SUFFIX, "");
    b.createTopics = bool(env, CREATE_TOPICS, true);
    b.apiUrl = uri(IGDB_API_URL, env.getOrDefault(IGDB_API_URL, DEFAULT_API_URL));
    b.tokenUrl = uri(TWITCH_TOKEN_URL, env.getOrDefault(TWITCH_TOKEN_URL, DEFAULT_TOKEN_URL));
    b.clientId = env.get(TWITCH_CLIENT_ID);
    b.clientSecret = env.get(TWITCH_CLIENT_SECRET);
    b.userAgent = env.getOrDefault(USER_AGENT, DEFAULT_USER_AGENT);
    b.requestsPerSecond = dbl(env, REQUESTS_PER_SECOND, 4);
    b.maxInFlight = integer(env, MAX_IN_FLIGHT, 8);
    b.pageSize = integer(env, PAGE_SIZE, 500);
    b.rangesPerEndpoint = integer(env, RANGES, 6);
    b.multiquery = bool(env, MULTIQUERY, false);
    b.maxAttempts = integer(env, MAX_ATTEMPTS, 8);
    b.initialBackoff = Duration.ofMillis(integer(env, INITIAL_BACKOFF, 250));
    b.maxBackoff = Duration.ofMillis(integer(env, MAX_BACKOFF, 30_000));
    b.requestTimeout = Duration.ofMillis(integer(env, REQUEST_TIMEOUT, 30_000));
    b.endpoints = endpoints(ENDPOINTS, env.get(ENDPOINTS), allEndpoints());
    b.rawDir = env.containsKey(RAW_DIR) ? Path.of(env.get(RAW_DIR)) : null;
    b.checkpointFile = env.containsKey(CHECKPOINT_FILE) ? Path.of(env.get(CHECKPOINT_FILE)) : null;
    b.syncEndpoints = endpoints(SYNC_ENDPOINTS, env.get(SYNC_ENDPOINTS), allEndpoints());
    b.syncInterval = Duration.ofSeconds(integer(env, SYNC_INTERVAL, 60));
    b.syncOverlap = Duration.ofSeconds(integer(env, SYNC_OVERLAP, 120));
    b.deleteDiffInterval = Duration.ofSeconds(integer(env, DELETE_DIFF_INTERVAL, 6 * 3600));
    b.deleteDiffEndpoints =
        env.get(DELETE_DIFF_ENDPOINTS) == null
            ? null
            : endpoints(DELETE_DIFF_ENDPOINTS, env.get(DELETE_DIFF_ENDPOINTS), null);
    b.webhookPort = integer(env, WEBHOOK_PORT, 8090);
    b.webhookPublicUrl =
        env.containsKey(WEBHOOK_PUBLIC_URL)
            ? uri(WEBHOOK_PUBLIC_URL, env.get(WEBHOOK_PUBLIC_URL))
            : null;
    b.webhookSecret = env.get(WEBHOOK_SECRET);
    b.webhookMaxBodyBytes = integer(env, WEBHOOK_MAX_BODY, 1024 * 1024);
    return b.build();
  }

  /** Endpoints in bulk-fetch order: references first, then games. */
  public static List<IgdbEndpoint> allEndpoints() {
    List<IgdbEndpoint> all = new ArrayList<>(IgdbEndpoint.references());
    all.add(IgdbEndpoint.GAMES);
    return all;
  }

  /** Parses a comma-separated list of endpoint paths ({@code games,genres}) or {@code all}. */
  public static List<IgdbEndpoint> endpoints(String key, String value, List<IgdbEndpoint> dflt) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    if (value.trim().equalsIgnoreCase("all")) {
      return allEndpoints();
    }
    List<IgdbEndpoint> list = new ArrayList<>();
    for (String part : value.split(",")) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      list.add(
          IgdbEndpoint.fromPath(p)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          key,
                          "unknown endpoint '"
                              + p
                              + "', known: "
                              + Arrays.stream(IgdbEndpoint.values())
                                  .map(IgdbEndpoint::path)
                                  .toList())));
    }
    return list;
  }

  public static URI uri(String key, String value) {
    try {
      return URI.create(value.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "not a URL: " + value);
    }
  }

  private static int integer(Map<String, String> env, String key, int dflt) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "not an integer: '" + v + "'");
    }
  }

  private static double dbl(Map<String, String> env, String key, double dflt) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "not a number: '" + v + "'");
    }
  }

  private static boolean bool(Map<String, String> env, String key, boolean dflt) {
    String v = env.get(key);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new ConfigException(key, "not a boolean: '" + v + "'");
    };
  }

  private static void require(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new ConfigException(key, "is required");
    }
  }

  private static void httpUrl(String key, URI uri) {
    if (uri == null) {
      throw new ConfigException(key, "is required");
    }
    String s = uri.getScheme();
    if (s == null || !(s.equals("http") || s.equals("https")) || uri.getHost() == null) {
      throw new ConfigException(key, "must be an http(s) URL, was '" + uri + "'");
    }
  }

  private static void range(String key, int v, int min, int max) {
    if (v < min || v > max) {
      throw new ConfigException(key, "must be between " + min + " and " + max + ", was " + v);
    }
  }

  private static void positive(String key, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new ConfigException(key, "must be > 0");
    }
  }

  /** Programmatic construction; every setting has the default of {@link #fromEnv}. */
  public static final class Builder {
    private String kafkaBootstrapServers;
    private String topicSuffix = "";
    private boolean createTopics = true;
    private URI apiUrl = URI.create(DEFAULT_API_URL);
    private URI tokenUrl = URI.create(DEFAULT_TOKEN_URL);
    private String clientId;
    private String clientSecret;
    private String userAgent = DEFAULT_USER_AGENT;
    private double requestsPerSecond = 4;
    private int maxInFlight = 8;
    private int pageSize = 500;
    private int rangesPerEndpoint = 6;
    private boolean multiquery;
    private int maxAttempts = 8;
    private Duration initialBackoff = Duration.ofMillis(250);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private List<IgdbEndpoint> endpoints = allEndpoints();
    private Path rawDir;
    private Path checkpointFile;
    private List<IgdbEndpoint> syncEndpoints = allEndpoints();
    private Duration syncInterval = Duration.ofSeconds(60);
    private Duration syncOverlap = Duration.ofSeconds(120);
    private Duration deleteDiffInterval = Duration.ofHours(6);
    private List<IgdbEndpoint> deleteDiffEndpoints; // null = the sync endpoints
    private int webhookPort = 8090;
    private URI webhookPublicUrl;
    private String webhookSecret;
    private int webhookMaxBodyBytes = 1024 * 1024;

    public Builder kafkaBootstrapServers(String v) {
      kafkaBootstrapServers = v;
      return this;
    }

    public Builder topicSuffix(String v) {
      topicSuffix = v;
      return this;
    }

    public Builder createTopics(boolean v) {
      createTopics = v;
      return this;
    }

    public Builder apiUrl(String v) {
      apiUrl = uri(IGDB_API_URL, v);
      return this;
    }

    public Builder tokenUrl(String v) {
      tokenUrl = uri(TWITCH_TOKEN_URL, v);
      return this;
    }

    public Builder credentials(String id, String secret) {
      clientId = id;
      clientSecret = secret;
      return this;
    }

    public Builder userAgent(String v) {
      userAgent = v;
      return this;
    }

    public Builder requestsPerSecond(double v) {
      requestsPerSecond = v;
      return this;
    }

    public Builder maxInFlight(int v) {
      maxInFlight = v;
      return this;
    }

    public Builder pageSize(int v) {
      pageSize = v;
      return this;
    }

    public Builder rangesPerEndpoint(int v) {
      rangesPerEndpoint = v;
      return this;
    }

    public Builder multiquery(boolean v) {
      multiquery = v;
      return this;
    }

    public Builder maxAttempts(int v) {
      maxAttempts = v;
      return this;
    }

    public Builder backoff(Duration initial, Duration max) {
      initialBackoff = initial;
      maxBackoff = max;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    public Builder endpoints(List<IgdbEndpoint> v) {
      endpoints = v;
      return this;
    }

    public Builder rawDir(Path v) {
      rawDir = v;
      return this;
    }

    public Builder checkpointFile(Path v) {
      checkpointFile = v;
      return this;
    }

    public Builder syncEndpoints(List<IgdbEndpoint> v) {
      syncEndpoints = v;
      return this;
    }

    public Builder syncInterval(Duration v) {
      syncInterval = v;
      return this;
    }

    public Builder syncOverlap(Duration v) {
      syncOverlap = v;
      return this;
    }

    public Builder deleteDiffInterval(Duration v) {
      deleteDiffInterval = v;
      return this;
    }

    /** The sync endpoints whose deletes the id diff looks for; null = all sync endpoints. */
    public Builder deleteDiffEndpoints(List<IgdbEndpoint> v) {
      deleteDiffEndpoints = v;
      return this;
    }

    public Builder webhookPort(int v) {
      webhookPort = v;
      return this;
    }

    public Builder webhookPublicUrl(String v) {
      webhookPublicUrl = v == null ? null : uri(WEBHOOK_PUBLIC_URL, v);
      return this;
    }

    public Builder webhookSecret(String v) {
      webhookSecret = v;
      return this;
    }

    public Builder webhookMaxBodyBytes(int v) {
      webhookMaxBodyBytes = v;
      return this;
    }

    public ProducerConfig build() {
      return new ProducerConfig(
          kafkaBootstrapServers,
          topicSuffix,
          createTopics,
          apiUrl,
          tokenUrl,
          clientId,
          clientSecret,
          userAgent,
          requestsPerSecond,
          maxInFlight,
          pageSize,
          rangesPerEndpoint,
          multiquery,
          maxAttempts,
          initialBackoff,
          maxBackoff,
          requestTimeout,
          endpoints,
          Optional.ofNullable(rawDir),
          Optional.ofNullable(checkpointFile),
          syncEndpoints,
          syncInterval,
          syncOverlap,
          deleteDiffInterval,
          deleteDiffEndpoints,
          webhookPort,
          Optional.ofNullable(webhookPublicUrl),
          Optional.ofNullable(webhookSecret),
          webhookMaxBodyBytes);
    }
  }
}
