package io.gamedata.platform.cli;

import io.gamedata.connect.query.WarehouseQuery;
import io.gamedata.platform.PlatformLayout;
import io.gamedata.platform.Stack;
import io.gamedata.platform.check.StageCheck;
import io.gamedata.platform.check.StageCounts;
import io.gamedata.platform.demo.Demo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./platform up|demo|sql}: the whole platform on one machine. */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    subcommands = {
      PlatformCli.Up.class,
      PlatformCli.DemoCmd.class,
      PlatformCli.Sql.class,
      PlatformCli.Check.class
    },
    description = "Runs the whole game-data platform locally (real Kafka, no Docker).")
public final class PlatformCli implements Callable<Integer> {

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 2;
  }

  /** Options shared by the subcommands. */
  static class Common {
    @Option(
        names = "--data-dir",
        defaultValue = "${env:PLATFORM_DATA_DIR:-.platform-data}",
        description = "State kept between runs (env PLATFORM_DATA_DIR). Default: ${DEFAULT-VALUE}")
    Path dataDir;

    PlatformLayout layout() {
      return PlatformLayout.defaults(dataDir.toAbsolutePath());
    }
  }

  @Command(name = "up", mixinStandardHelpOptions = true, description = "Start the platform.")
  static final class Up implements Callable<Integer> {
    @CommandLine.Mixin Common common = new Common();

    @Option(
        names = "--games",
        description =
            "Size of the simulator's synthetic catalogue (env PLATFORM_GAMES). Default 20000"
                + " (up in about a minute), 2000 with --check; 350000 for the full scale.")
    Integer games;

    @Option(
        names = "--seed",
        defaultValue = "42",
        description = "Seed of the synthetic catalogue. Default ${DEFAULT-VALUE}")
    long seed;

    @Option(
        names = "--check",
        description =
            "Wait until every stage (IGDB, raw topic, games.enriched, warehouse, recommender)"
                + " has every game, print the per-stage counts, stop; exit 0 only if all agree.")
    boolean check;

    @Option(
        names = "--chaos",
        description =
            "With --check: then kill every component once with SIGKILL (one at a time, IGDB"
                + " changing meanwhile) and check again after each restart.")
    boolean chaos;

    @Option(
        names = "--timeout",
        defaultValue = "900",
        description = "Seconds to wait for the stages to agree. Default ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
      int n = games != null ? games : envInt("PLATFORM_GAMES", check ? 2000 : 20000);
      if (n < 1) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--games must be >= 1, got " + n);
      }
      try (Stack stack = new Stack(common.layout(), System.out::println)) {
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "platform-shutdown"));
        long t0 = System.nanoTime();
        stack.up(n, seed);
        System.out.println("- waiting until every stage has every game ...");
        Map<String, Long> counts = stack.awaitAllStages(Duration.ofSeconds(timeoutSeconds));
        boolean ok = stack.printCheck(counts);
        System.out.printf("(%.0f s since start)%n", (System.nanoTime() - t0) / 1e9);
        if (check) {
          if (ok && chaos) {
            ok = stack.chaos(Duration.ofSeconds(timeoutSeconds));
            System.out.println(
                ok
                    ? "CHAOS OK: after every kill and restart, every stage has every game"
                    : "CHAOS FAILED: see the tables above");
          }
          return ok ? 0 : 1;
        }
        stack.printUrls();
        stack.awaitShutdown();
        return 0;
      }
    }
  }

  @Command(
      name = "demo",
      mixinStandardHelpOptions = true,
      description =
          "On a running platform (./platform up in another terminal): 200 new games plus updates"
              + " and deletes arrive through IGDB webhooks; prints the end-to-end latency per stage.")
  static final class DemoCmd implements Callable<Integer> {
    @CommandLine.Mixin Common common = new Common();

    @Option(names = "--new-games", defaultValue = "200", description = "Default ${DEFAULT-VALUE}")
    int newGames;

    @Option(names = "--updates", defaultValue = "50", description = "Default ${DEFAULT-VALUE}")
    int updates;

    @Option(names = "--deletes", defaultValue = "20", description = "Default ${DEFAULT-VALUE}")
    int deletes;

    @Option(
        names = "--rate",
        defaultValue = "20",
        description =
            "Changes per second, made one at a time as IGDB's arrive; 0 = all at once (a burst,"
                + " every latency from the burst). Default ${DEFAULT-VALUE}")
    double rate;

    @Option(
        names = "--timeout",
        defaultValue = "120",
        description = "Seconds. Default ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
      if (rate < 0 || Double.isNaN(rate)) {
        throw new CommandLine.ParameterException(
            new CommandLine(this), "--rate must be >= 0 (0 = all at once), not " + rate);
      }
      PlatformLayout layout = common.layout();
      String sim = "http://localhost:" + layout.simulatorPort();
      String rec = "http://localhost:" + layout.recommenderPort();
      if (!reachable(rec + "/ready") || !reachable(sim + "/admin/health")) {
        System.err.println(
            "platform demo: no running platform with the IGDB simulator found on localhost ("
                + rec
                + ", "
                + sim
                + "). Start one with ./platform up (without TWITCH_* credentials) and run the demo"
                + " in another terminal.");
        return 1;
      }
      Demo.Result r =
          new Demo(
                  layout.bootstrapServers(),
                  sim,
                  rec,
                  layout.warehouseDir().resolve("snapshots"),
                  System.out::println)
              .run(newGames, updates, deletes, rate, Duration.ofSeconds(timeoutSeconds));
      return r.complete() ? 0 : 1;
    }
  }

  @Command(
      name = "sql",
      mixinStandardHelpOptions = true,
      description =
          "Query the local warehouse while the platform runs (read-only, over the sink's latest"
              + " Parquet snapshots of games, games_changelog and the games_current view).")
  static final class Sql implements Callable<Integer> {
    @CommandLine.Mixin Common common = new Common();

    @Parameters(index = "0", description = "SQL, e.g. \"SELECT count(*) FROM games\"")
    String sql;

    @Override
    public Integer call() throws Exception {
      try (WarehouseQuery q =
          WarehouseQuery.overSnapshots(common.layout().warehouseDir().resolve("snapshots"))) {
        q.print(sql, System.out);
      }
      return 0;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Stage check of a platform running elsewhere (e.g. the compose stack): waits until IGDB,"
              + " the raw topic, games.enriched, the warehouse table and the recommender index"
              + " hold the same number of games, prints the per-stage counts; exit 0 only if all"
              + " agree.")
  static final class Check implements Callable<Integer> {
    @Option(
        names = "--bootstrap-servers",
        defaultValue = "localhost:9092",
        description = "Kafka. Default ${DEFAULT-VALUE}")
    String bootstrapServers;

    @Option(
        names = "--simulator-url",
        defaultValue = "http://localhost:8090",
        description =
            "The IGDB simulator, whose catalogue is the expected count; empty with the real IGDB"
                + " (then the raw topic is). Default ${DEFAULT-VALUE}")
    String simulatorUrl;

    @Option(
        names = "--warehouse-snapshots",
        required = true,
        description = "Directory of the DuckDB sink's Parquet snapshots (games.parquet)")
    Path warehouseSnapshots;

    @Option(
        names = "--recommender-url",
        defaultValue = "http://localhost:8080",
        description = "Default ${DEFAULT-VALUE}")
    String recommenderUrl;

    @Option(
        names = "--timeout",
        defaultValue = "600",
        description = "Seconds to wait for the stages to agree. Default ${DEFAULT-VALUE}")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
      StageCheck check =
          new StageCheck(
              () ->
                  new StageCounts(
                      bootstrapServers,
                      simulatorUrl.isBlank() ? null : simulatorUrl,
                      warehouseSnapshots,
                      recommenderUrl),
              System.out::println);
      long t0 = System.nanoTime();
      Map<String, Long> counts = check.await(Duration.ofSeconds(timeoutSeconds));
      boolean ok = check.print(counts);
      System.out.printf("(%.0f s of waiting)%n", (System.nanoTime() - t0) / 1e9);
      return ok ? 0 : 1;
    }
  }

  static boolean reachable(String url) {
    try {
      HttpResponse<Void> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                  HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  static int envInt(String key, int def) {
    String v = System.getenv(key);
    if (v == null || v.isBlank()) {
      return def;
    }
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be an integer, got '" + v + "'");
    }
  }

  public static void main(String[] args) {
    int code =
        new CommandLine(new PlatformCli())
            .setExecutionExceptionHandler(
                (e, cmd, parse) -> {
                  System.err.println("platform: " + e.getMessage());
                  return 1;
                })
            .execute(args);
    System.exit(code);
  }
}
