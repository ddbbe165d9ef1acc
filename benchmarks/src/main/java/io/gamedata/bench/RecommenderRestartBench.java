package io.gamedata.bench;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import io.gamedata.recommender.adapter.kafka.StateSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run recommender-restart [--games N] [--fallback] [--service-opts "JVM options"]}:
 * the service in its own JVM ({@link RecommenderServiceChild}) as in production. Baseline: a cold
 * start (read games.enriched, full build, publish every list to games.similar), closed gracefully
 * (which writes the state snapshot). Then a restart in a fresh JVM, timed from the process launch
 * to {@code /ready}: it loads the state snapshot and catches up. With {@code --fallback} also a
 * restart after a crash without a snapshot (file deleted): documents from games.enriched, lists
 * from games.similar, index rebuilt.
 */
public final class RecommenderRestartBench {

  public static void main(String[] args) throws Exception {
    BenchArgs a = new BenchArgs(args);
    int n = a.integer("games", 350_000);
    String opts = a.string("service-opts", RecommenderQueryBench.SERVICE_OPTS);
    Path dir = Files.createTempDirectory("recommender-restart-bench");
    System.out.printf("generating %,d synthetic games%n", n);
    List<EnrichedGame> games = SyntheticGames.generate(n, 42);
    try (EmbeddedKafkaBroker broker = RecommenderBenchSupport.broker(dir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      RecommenderBenchSupport.createTopics(bootstrap, Topics.GAMES_ENRICHED, Topics.GAMES_SIMILAR);
      double pub = RecommenderBenchSupport.publish(bootstrap, games);
      System.out.printf("published %,d documents in %.1f s%n", n, pub);
      games = null;
      System.gc();
      Path state = dir.resolve("state");
      Path config = RecommenderBenchSupport.writeConfig(dir, bootstrap, state, true);

      Run cold = run(config, opts, "cold start");
      long bytes = Files.size(state.resolve(StateSnapshot.FILE));
      System.out.printf("state snapshot: %,d MB%n", bytes >> 20);
      Run restart = run(config, opts, "restart");
      String fallback = "";
      if (a.flag("fallback")) {
        Files.delete(state.resolve(StateSnapshot.FILE));
        Run f = run(config, opts, "restart without a snapshot");
        fallback = String.format(" fallback_seconds=%.1f fallback_mode=%s", f.seconds, f.mode);
      }
      System.out.printf(
          "BENCH recommender-restart games=%d seconds_to_ready=%.1f mode=%s cold_seconds=%.1f"
              + " snapshot_mb=%d%s%n",
          n, restart.seconds, restart.mode, cold.seconds, bytes >> 20, fallback);
    } finally {
      RecommenderQueryBench.deleteTree(dir);
    }
  }

  private record Run(double seconds, String mode) {}

  /** One service JVM from launch to ready, then closed gracefully. */
  private static Run run(Path config, String opts, String what) throws Exception {
    try (RecommenderBenchSupport.Child s = new RecommenderBenchSupport.Child(config, opts)) {
      Map<String, String> ready = RecommenderQueryBench.keyValues(s.await("READY"));
      double seconds = (System.nanoTime() - s.spawned) / 1e9;
      System.out.printf(
          "%s (%s): ready %.1f s after the JVM launch, %s games%n",
          what, ready.get("mode"), seconds, ready.get("games"));
      return new Run(seconds, ready.get("mode"));
    }
  }
}
