package io.gamedata.platform;

import io.gamedata.platform.check.StageCheck;
import io.gamedata.platform.check.StageCounts;
import io.gamedata.platform.check.TopicCounter;
import io.gamedata.platform.supervisor.ComponentSpec;
import io.gamedata.platform.supervisor.Supervisor;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The local platform: which components run, in which order, with which settings, and how to tell
 * that every stage has every game. Each component is its own process under the {@link Supervisor},
 * so one can crash (or be killed) and come back without the others noticing.
 */
public final class Stack implements AutoCloseable {

  private final PlatformLayout layout;
  private final Consumer<String> out;
  private final Supervisor supervisor;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final boolean realIgdb;
  private final Map<String, String> secrets = new HashMap<>();
  private volatile boolean isClosed;

  public Stack(PlatformLayout layout, Consumer<String> out) throws IOException {
    this.layout = layout;
    this.out = out;
    this.supervisor = new Supervisor(layout.logDir(), System.getProperty("java.class.path"), out);
    this.realIgdb =
        notBlank(System.getenv("TWITCH_CLIENT_ID"))
            && notBlank(System.getenv("TWITCH_CLIENT_SECRET"));
    if (!realIgdb) {
      // credentials of the local simulator only: random per run, passed through the environment
      secrets.put("TWITCH_CLIENT_ID", "local-platform");
      secrets.put("TWITCH_CLIENT_SECRET", randomHex());
    }
    secrets.put(
        "WEBHOOK_SECRET",
        notBlank(System.getenv("WEBHOOK_SECRET")) ? System.getenv("WEBHOOK_SECRET") : randomHex());
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String randomHex() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Starts every component in dependency order; the producer last, its fetch in background. */
  public void up(int games, long seed) throws IOException, InterruptedException {
    out.accept("platform: data in " + layout.dataDir() + ", logs in " + layout.logDir());
    String bootstrap = layout.bootstrapServers();
    step(
        "Kafka broker (KRaft) on localhost:" + layout.kafkaPort(),
        spec(
            "broker",
            "768m",
            "--data-dir=" + layout.kafkaDir(),
            "--port=" + layout.kafkaPort(),
            "--controller-port=" + layout.controllerPort()));
    String apiUrl;
    String tokenUrl;
    List<ComponentSpec> middle = new ArrayList<>();
    if (realIgdb) {
      out.accept("- TWITCH_CLIENT_ID/TWITCH_CLIENT_SECRET set: reading the real IGDB");
      apiUrl = envOr("IGDB_API_URL", "https://api.igdb.com/v4");
      tokenUrl = envOr("TWITCH_TOKEN_URL", "https://id.twitch.tv/oauth2/token");
    } else {
      out.accept(
          "- IGDB simulator: "
              + games
              + " synthetic games (seed "
              + seed
              + "), IGDB's limits (4 req/s, 8 open), localhost:"
              + layout.simulatorPort());
      middle.add(
          spec(
              "simulator",
              "2g",
              "--games=" + games,
              "--seed=" + seed,
              "--port=" + layout.simulatorPort(),
              "--data-dir=" + layout.simulatorDir()));
      apiUrl = simulatorUrl() + "/v4";
      tokenUrl = simulatorUrl() + "/oauth2/token";
    }
    out.accept("- Kafka Streams: validate, dedupe, enrich into games.enriched");
    middle.add(
        spec(
            "streams",
            "1g",
            "--bootstrap-servers=" + bootstrap,
            "--state-dir=" + layout.streamsStateDir(),
            "--http-port=" + layout.streamsPort()));
    out.accept(
        "- Kafka Connect with the DuckDB warehouse sink, REST on localhost:"
            + layout.connectPort());
    middle.add(
        spec(
            "connect",
            "1g",
            "--bootstrap-servers=" + bootstrap,
            "--rest-port=" + layout.connectPort(),
            "--warehouse-dir=" + layout.warehouseDir()));
    out.accept("- recommender (API + web page) on localhost:" + layout.recommenderPort());
    middle.add(
        spec(
            "recommender",
            "3g",
            "--bootstrap-servers=" + bootstrap,
            "--http-port=" + layout.recommenderPort(),
            "--state-dir=" + layout.recommenderDir()));
    long t0 = System.nanoTime();
    out.accept("  starting these " + middle.size() + " at once ...");
    supervisor.startAll(middle);
    out.accept(String.format("  all ready in %.1f s", (System.nanoTime() - t0) / 1e9));
    List<String> producerArgs = new ArrayList<>();
    producerArgs.add("--bootstrap-servers=" + bootstrap);
    producerArgs.add("--api-url=" + apiUrl);
    producerArgs.add("--token-url=" + tokenUrl);
    producerArgs.add("--webhook-port=" + layout.webhookPort());
    producerArgs.add("--raw-dir=" + layout.producerDir().resolve("raw"));
    if (!realIgdb) {
      producerArgs.add("--webhook-public-url=http://localhost:" + layout.webhookPort());
      producerArgs.add("--sync-interval-s=10");
      producerArgs.add("--delete-diff-interval-s=60");
      // the simulator's live feed deletes games only; a diff of every endpoint each minute would
      // spend IGDB's rate limit listing ids (about 2,000 requests at 350k games)
      producerArgs.add("--delete-diff-endpoints=games");
    }
    step(
        "producer (bulk fetch, then webhooks + updated_at sync)",
        new ComponentSpec("producer", producerArgs, "512m", Duration.ofMinutes(2), secrets));
  }

  private ComponentSpec spec(String name, String heap, String... args) {
    return new ComponentSpec(name, List.of(args), heap, Duration.ofMinutes(3), secrets);
  }

  private static String envOr(String key, String def) {
    String v = System.getenv(key);
    return notBlank(v) ? v : def;
  }

  private void step(String what, ComponentSpec spec) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    out.accept("- starting " + what + " ...");
    supervisor.start(spec);
    out.accept(String.format("  %s ready in %.1f s", spec.name(), (System.nanoTime() - t0) / 1e9));
  }

  public String simulatorUrl() {
    return "http://localhost:" + layout.simulatorPort();
  }

  public String recommenderUrl() {
    return "http://localhost:" + layout.recommenderPort();
  }

  public StageCounts stageCounts() {
    return new StageCounts(
        layout.bootstrapServers(),
        realIgdb ? null : simulatorUrl(),
        layout.warehouseDir().resolve("snapshots"),
        recommenderUrl());
  }

  /**
   * Prints progress until every stage holds as many games as IGDB (exact live-key counts), or the
   * timeout passes. Returns the last counts.
   */
  public Map<String, Long> awaitAllStages(Duration timeout) throws InterruptedException {
    return new StageCheck(this::stageCounts, out).await(timeout);
  }

  /** Prints the per-stage table; true when every stage has every game. */
  public boolean printCheck(Map<String, Long> c) {
    return new StageCheck(this::stageCounts, out).print(c);
  }

  /**
   * The "kill any component" drill: kills each component's process in turn with SIGKILL (no clean
   * shutdown), lets IGDB change meanwhile (10 new games per round, when the simulator runs), waits
   * for the supervisor to bring the component back and for every stage to hold every game again.
   * True when every round ends with the stages agreeing.
   */
  public boolean chaos(Duration timeoutPerRound) throws InterruptedException {
    boolean allOk = true;
    for (String name : supervisor.names()) {
      Process p = supervisor.process(name);
      out.accept("");
      out.accept("- chaos: killing " + name + " (pid " + p.pid() + ") with SIGKILL");
      p.destroyForcibly().waitFor();
      if (!realIgdb) {
        injectWhenUp(10);
      }
      long deadline = System.nanoTime() + timeoutPerRound.toNanos();
      while (supervisor.process(name) == p && System.nanoTime() < deadline) {
        Thread.sleep(200); // the supervisor notices and restarts it
      }
      Map<String, Long> c = awaitAllStages(timeoutPerRound);
      boolean ok = printCheck(c);
      allOk &= ok;
    }
    return allOk;
  }

  private void injectWhenUp(int games) throws InterruptedException {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        var r =
            http.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(simulatorUrl() + "/admin/inject?games=" + games))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          out.accept("  meanwhile IGDB got " + games + " new games");
          return;
        }
      } catch (java.io.IOException e) {
        // the simulator itself may be the one restarting
      }
      Thread.sleep(500);
    }
    out.accept("  could not reach the simulator to add games");
  }

  public void printUrls() {
    out.accept("");
    out.accept("The platform is up:");
    out.accept("  web page          " + recommenderUrl() + "/");
    out.accept(
        "  recommender API   " + recommenderUrl() + "/api/search?q=a   (OpenAPI: /openapi.yaml)");
    out.accept(
        "  metrics           "
            + recommenderUrl()
            + "/metrics, http://localhost:"
            + layout.streamsPort()
            + "/metrics");
    out.accept("  Connect REST      http://localhost:" + layout.connectPort() + "/connectors");
    out.accept("  Kafka bootstrap   " + layout.bootstrapServers());
    if (!realIgdb) {
      out.accept("  IGDB simulator    " + simulatorUrl() + "/admin/stats");
    }
    out.accept(
        "  warehouse         ./platform sql \"SELECT count(*) FROM games\"   (Parquet snapshots in "
            + layout.warehouseDir().resolve("snapshots")
            + ")");
    out.accept("  logs              " + layout.logDir());
    out.accept(
        "Try ./platform demo in another terminal. Ctrl-C stops everything; ./platform up resumes.");
  }

  /** Raw live-key count of a topic (for tests and the demo). */
  public long liveKeys(String topic) {
    try (TopicCounter counter = new TopicCounter(layout.bootstrapServers())) {
      return counter.liveKeys(topic, Duration.ofMinutes(2));
    }
  }

  public PlatformLayout layout() {
    return layout;
  }

  public void awaitShutdown() throws InterruptedException {
    closed.await();
  }

  @Override
  public synchronized void close() {
    if (isClosed) {
      return;
    }
    isClosed = true;
    out.accept("platform: stopping ...");
    supervisor.stopAll(Duration.ofSeconds(30));
    out.accept("platform: stopped");
    closed.countDown();
  }
}
