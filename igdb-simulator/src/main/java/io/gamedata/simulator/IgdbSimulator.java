package io.gamedata.simulator;

import io.gamedata.http.AppMetrics;
import io.gamedata.simulator.auth.TokenStore;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.simulator.fault.Faults;
import io.gamedata.simulator.fault.Injected;
import io.gamedata.simulator.http.ApiServer;
import io.gamedata.simulator.live.LiveFeed;
import io.gamedata.simulator.webhook.Webhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A local IGDB API v4: OAuth token endpoint, Apicalypse queries, multiquery, rate limits, webhooks,
 * fault injection and a live change feed over a {@link Catalog}. Embed it in tests:
 *
 * <pre>{@code
 * try (IgdbSimulator sim = IgdbSimulator.builder().catalog(SyntheticCatalog.generate(2_000, 1))
 *     .rateLimit(0).maxOpenRequests(0).build().start()) {
 *   String api = sim.apiUrl();        // http://127.0.0.1:PORT/v4
 *   String token = sim.tokenUrl();    // http://127.0.0.1:PORT/oauth2/token
 * }
 * }</pre>
 */
public final class IgdbSimulator implements AutoCloseable {

  /** Twitch's app token lifetime, about 57 days. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofSeconds(4_959_769);

  private final Builder b;
  private final Catalog catalog;
  private final TokenStore tokens;
  private final Webhooks webhooks;
  private final LiveFeed live;
  private volatile Faults faults;
  private final Injected injected = new Injected();
  private final java.util.function.Consumer<io.gamedata.simulator.catalog.CatalogChange> hook;
  private ApiServer server;
  private final AppMetrics meters = AppMetrics.create();
  private int port = -1;

  private IgdbSimulator(Builder b) {
    this.b = b;
    this.catalog = b.catalog != null ? b.catalog : SyntheticCatalog.generate(b.games, b.seed);
    this.tokens = new TokenStore(b.clientId, b.clientSecret, b.tokenLifetime, b.clock);
    this.webhooks = new Webhooks(b.webhookTimeout);
    this.live = new LiveFeed(catalog, b.clock, b.seed + 1);
    this.faults = b.faults;
    this.hook = webhooks::onChange;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds the port, starts serving and, when configured, the live feed. */
  public synchronized IgdbSimulator start() {
    if (server != null) {
      return this;
    }
    catalog.addListener(hook);
    io.micrometer.core.instrument.Gauge.builder(
            "simulator.catalog.games",
            catalog,
            c -> c.size(io.gamedata.contracts.igdb.IgdbEndpoint.GAMES))
        .description("games in the simulated IGDB catalogue")
        .register(meters.registry());
    server =
        new ApiServer(
            catalog,
            tokens,
            webhooks,
            live,
            () -> faults,
            this::faults,
            injected,
            new ApiServer.Settings(
                b.host,
                b.port,
                b.threads,
                b.rateLimit,
                b.maxOpenRequests,
                b.multiqueryCountsSubqueries),
            meters.registry());
    port = server.start();
    if (b.liveRate > 0) {
      live.start(b.liveRate, b.liveMix);
    }
    return this;
  }

  /** {@code http://host:port}. */
  public String baseUrl() {
    if (port < 0) {
      throw new IllegalStateException("not started");
    }
    return "http://" + b.host + ":" + port;
  }

  /** {@code http://host:port/v4}: the IGDB API base URL. */
  public String apiUrl() {
    return baseUrl() + "/v4";
  }

  /** {@code http://host:port/oauth2/token}: the Twitch token URL. */
  public String tokenUrl() {
    return baseUrl() + "/oauth2/token";
  }

  public int port() {
    return port;
  }

  public String clientId() {
    return b.clientId;
  }

  public String clientSecret() {
    return b.clientSecret;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The live feed: {@code live().apply(games, updates, deletes, touches)} injects changes. */
  public LiveFeed live() {
    return live;
  }

  public Webhooks webhooks() {
    return webhooks;
  }

  /** The registry {@code /metrics} serves (request counters, catalogue size, JVM). */
  public io.micrometer.prometheusmetrics.PrometheusMeterRegistry meters() {
    return meters.registry();
  }

  /** Request counters. */
  public ApiServer.Stats stats() {
    return server.stats();
  }

  /** A token minted directly (as the token endpoint would). */
  public String mintToken() {
    return tokens.mint(b.clientId, b.clientSecret);
  }

  /** Expires every token now: the next API call with any of them gets a 401. */
  public void expireTokens() {
    tokens.expireAll();
  }

  /** Revokes one token; false when unknown. */
  public boolean revokeToken(String token) {
    return tokens.revoke(token);
  }

  public Faults faults() {
    return faults;
  }

  /**
   * A storm: the next {@code count} API requests (after the token check) answer {@code status},
   * e.g. {@code failNext(20, 429)} for a burst of throttling or {@code failNext(3, 503)}.
   */
  public void failNext(int count, int status) {
    injected.next(count, status);
  }

  /** Requests answered by {@link #failNext} storms so far. */
  public long injectedAnswers() {
    return injected.answered();
  }

  /** Replaces the fault settings while running. */
  public void faults(Faults newFaults) {
    this.faults = Objects.requireNonNull(newFaults);
  }

  @Override
  public synchronized void close() {
    live.close();
    if (server != null) {
      server.close();
      catalog.removeListener(hook);
    }
    webhooks.close();
    meters.close();
  }

  /** Settings; every one has IGDB's value or a dev-friendly default. */
  public static final class Builder {
    private Catalog catalog;
    private int games = SyntheticCatalog.DEFAULT_GAMES;
    private long seed = SyntheticCatalog.DEFAULT_SEED;
    private String clientId = "simulator-client";
    private String clientSecret = "simulator-secret";
    private String host = "127.0.0.1";
    private int port = 0;
    private int threads = 32;
    private int rateLimit = 4;
    private int maxOpenRequests = 8;
    private boolean multiqueryCountsSubqueries = false;
    private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    private Duration webhookTimeout = Duration.ofSeconds(15);
    private Faults faults = Faults.none();
    private double liveRate = 0;
    private LiveFeed.Mix liveMix = LiveFeed.Mix.DEFAULT;
    private Clock clock = Clock.systemUTC();

    /** The catalogue to serve; default: a synthetic one of {@link #games} games. */
    public Builder catalog(Catalog c) {
      this.catalog = Objects.requireNonNull(c);
      return this;
    }

    /** Size of the synthetic catalogue when no catalogue is given (default 350,000). */
    public Builder games(int n) {
      this.games = require(n >= 0, n, "games must be >= 0");
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    public Builder clientId(String id) {
      this.clientId = requireText(id, "clientId");
      return this;
    }

    public Builder clientSecret(String secret) {
      this.clientSecret = requireText(secret, "clientSecret");
      return this;
    }

    public Builder host(String h) {
      this.host = requireText(h, "host");
      return this;
    }

    /** 0 (default) picks a free port. */
    public Builder port(int p) {
      this.port = require(p >= 0 && p < 65536, p, "port must be in 0..65535");
      return this;
    }

    /** HTTP worker threads (default 32). */
    public Builder threads(int t) {
      this.threads = require(t >= 1, t, "threads must be >= 1");
      return this;
    }

    /** Requests per second per client (IGDB: 4); 0 turns the limit off. */
    public Builder rateLimit(int perSecond) {
      this.rateLimit = require(perSecond >= 0, perSecond, "rateLimit must be >= 0");
      return this;
    }

    /** Open requests per client (IGDB: 8); 0 turns the limit off. */
    public Builder maxOpenRequests(int n) {
      this.maxOpenRequests = require(n >= 0, n, "maxOpenRequests must be >= 0");
      return this;
    }

    /** When true a multiquery counts as its number of sub-queries against the rate limit. */
    public Builder multiqueryCountsSubqueries(boolean v) {
      this.multiqueryCountsSubqueries = v;
      return this;
    }

    public Builder tokenLifetime(Duration d) {
      this.tokenLifetime = Objects.requireNonNull(d);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive");
      }
      return this;
    }

    /** How long a webhook receiver may take to answer (IGDB: 15 s). */
    public Builder webhookTimeout(Duration d) {
      this.webhookTimeout = Objects.requireNonNull(d);
      return this;
    }

    public Builder faults(Faults f) {
      this.faults = Objects.requireNonNull(f);
      return this;
    }

    /** Background changes per second (0, the default, turns live mode off). */
    public Builder liveRate(double changesPerSecond) {
      if (changesPerSecond < 0) {
        throw new IllegalArgumentException("liveRate must be >= 0");
      }
      this.liveRate = changesPerSecond;
      return this;
    }

    public Builder liveMix(LiveFeed.Mix mix) {
      this.liveMix = Objects.requireNonNull(mix);
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c);
      return this;
    }

    public IgdbSimulator build() {
      return new IgdbSimulator(this);
    }

    private static int require(boolean ok, int v, String message) {
      if (!ok) {
        throw new IllegalArgumentException(message + ": " + v);
      }
      return v;
    }

    private static String requireText(String s, String name) {
      if (s == null || s.isBlank()) {
        throw new IllegalArgumentException(name + " must not be blank");
      }
      return s;
    }
  }
}
