package io.gamedata.simulator.cli;

import io.gamedata.simulator.IgdbSimulator;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.CatalogLoader;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.simulator.fault.Faults;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the simulator standalone until stopped (Ctrl-C). */
@Command(
    name = "igdb-simulator",
    mixinStandardHelpOptions = true,
    description = "A local IGDB API v4 with a synthetic or loaded catalogue.")
public final class SimulatorMain implements Callable<Integer> {

  @Option(names = "--games", description = "synthetic games (default ${DEFAULT-VALUE})")
  int games = SyntheticCatalog.DEFAULT_GAMES;

  @Option(names = "--seed", description = "synthetic catalogue seed (default ${DEFAULT-VALUE})")
  long seed = SyntheticCatalog.DEFAULT_SEED;

  @Option(
      names = "--data",
      description = "directory of real <endpoint>.json/.jsonl files to serve instead")
  Path data;

  @Option(names = "--host", description = "bind address (default ${DEFAULT-VALUE})")
  String host = "127.0.0.1";

  @Option(names = "--port", description = "port (default ${DEFAULT-VALUE})")
  int port = 8089;

  @Option(names = "--threads", description = "HTTP threads (default ${DEFAULT-VALUE})")
  int threads = 32;

  @Option(names = "--client-id", description = "accepted client id (default ${DEFAULT-VALUE})")
  String clientId = "simulator-client";

  @Option(
      names = "--client-secret-env",
      description =
          "env variable holding the accepted client secret (default ${DEFAULT-VALUE};"
              + " unset: 'simulator-secret')")
  String clientSecretEnv = "IGDB_SIMULATOR_CLIENT_SECRET";

  @Option(names = "--rate-limit", description = "requests/s per client, 0 = off (default 4)")
  int rateLimit = 4;

  @Option(names = "--max-open", description = "open requests per client, 0 = off (default 8)")
  int maxOpen = 8;

  @Option(
      names = "--multiquery-counts-subqueries",
      description = "a multiquery counts as its sub-query count against the rate limit")
  boolean multiqueryCountsSubqueries;

  @Option(names = "--token-lifetime-s", description = "token lifetime in seconds")
  long tokenLifetime = IgdbSimulator.DEFAULT_TOKEN_LIFETIME.toSeconds();

  @Option(names = "--live-rate", description = "live changes per second, 0 = off (default 0)")
  double liveRate;

  @Option(names = "--fail-ids", split = ",", description = "ids whose pages answer 500")
  List<Long> failIds = List.of();

  @Option(names = "--error-rate", description = "share of random 5xx answers (default 0)")
  double errorRate;

  @Option(
      names = "--latency",
      description = "none | fixed:MS | uniform:MIN-MAX | exp:MEAN (default ${DEFAULT-VALUE})")
  String latency = "none";

  @Option(names = "--truncate-rate", description = "share of truncated 200 bodies (default 0)")
  double truncateRate;

  @Option(
      names = "--allow-no-user-agent",
      description = "do not answer 403 to requests without a User-Agent")
  boolean allowNoUserAgent;

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulatorMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    IgdbSimulator sim = build();
    long t0 = System.nanoTime();
    sim.start();
    System.out.printf(
        "igdb-simulator: %d games on %s (token: %s, client id %s) started in %.1f s%n",
        sim.catalog().size(io.gamedata.contracts.igdb.IgdbEndpoint.GAMES),
        sim.apiUrl(),
        sim.tokenUrl(),
        sim.clientId(),
        (System.nanoTime() - t0) / 1e9);
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sim.close();
                  stop.countDown();
                }));
    stop.await();
    return 0;
  }

  /** The simulator these options describe (not started); fails fast on a bad setting. */
  IgdbSimulator build() {
    String secret = System.getenv(clientSecretEnv);
    Set<Long> ids = new HashSet<>(failIds);
    Faults faults =
        new Faults(ids, errorRate, Faults.Latency.parse(latency), truncateRate, !allowNoUserAgent);
    long t0 = System.nanoTime();
    Catalog catalog =
        data != null ? CatalogLoader.loadDirectory(data) : SyntheticCatalog.generate(games, seed);
    System.out.printf("catalogue ready in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    return IgdbSimulator.builder()
        .catalog(catalog)
        .seed(seed)
        .host(host)
        .port(port)
        .threads(threads)
        .clientId(clientId)
        .clientSecret(secret == null || secret.isBlank() ? "simulator-secret" : secret)
        .rateLimit(rateLimit)
        .maxOpenRequests(maxOpen)
        .multiqueryCountsSubqueries(multiqueryCountsSubqueries)
        .tokenLifetime(java.time.Duration.ofSeconds(tokenLifetime))
        .liveRate(liveRate)
        .faults(faults)
        .build();
  }
}
