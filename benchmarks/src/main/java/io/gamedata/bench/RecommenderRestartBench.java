package io.gamedata.bench;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import io.gamedata.recommender.service.RecommenderConfig;
import io.gamedata.recommender.service.RecommenderService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bench/run recommender-restart [--games N]}: a cold start (read games.enriched, full build,
 * publish every list to games.similar) as the baseline, then a restart of the same instance
 * (offset snapshot + lists read back from games.similar, index rebuilt, catch-up), timed from
 * construction to {@code /ready}.
 */
public final class RecommenderRestartBench {

  public static void main(String[] args) throws Exception {
    BenchArgs a = new BenchArgs(args);
    int n = a.integer("games", 350_000);
    Path dir = Files.createTempDirectory("recommender-restart-bench");
    System.out.printf("generating %,d synthetic games%n", n);
    List<EnrichedGame> games = SyntheticGames.generate(n, 42);
    try (EmbeddedKafkaBroker broker = RecommenderBenchSupport.broker(dir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      RecommenderBenchSupport.createTopics(bootstrap, Topics.GAMES_ENRICHED, Topics.GAMES_SIMILAR);
      double pub = RecommenderBenchSupport.publish(bootstrap, games);
      System.out.printf("published %,d documents in %.1f s%n", n, pub);
      games = null;
      RecommenderConfig config =
          RecommenderBenchSupport.config(bootstrap, dir.resolve("state"), true);
      long t0 = System.nanoTime();
      try (RecommenderService s = RecommenderBenchSupport.startAndAwaitReady(config, 1800)) {
        System.out.printf(
            "cold start (%s): ready in %.1f s%n", s.startMode(), (System.nanoTime() - t0) / 1e9);
      }
      double cold = (System.nanoTime() - t0) / 1e9;
      System.gc();
      long t1 = System.nanoTime();
      double restart;
      String mode;
      try (RecommenderService s = RecommenderBenchSupport.startAndAwaitReady(config, 1800)) {
        restart = (System.nanoTime() - t1) / 1e9;
        mode = s.startMode();
        System.out.printf(
            "restart (%s): ready in %.1f s, %,d games%n", mode, restart, s.engine().size());
      }
      System.out.printf("baseline cold start incl. publish and close: %.1f s%n", cold);
      System.out.printf(
          "BENCH recommender-restart games=%d seconds_to_ready=%.1f mode=%s cold_seconds=%.1f%n",
          n, restart, mode, cold);
    } finally {
      RecommenderQueryBench.deleteTree(dir);
    }
  }
}
