package io.gamedata.bench;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import io.gamedata.recommender.engine.Query;
import io.gamedata.recommender.service.RecommenderService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code bench/run recommender-query [--games N] [--rate R] [--seconds S]}: starts the recommender
 * service (embedded broker, synthetic catalogue published to games.enriched, publishing of lists
 * off) and drives {@code GET /api/games/{id}/similar?limit=10} from a second JVM ({@link
 * HttpLoadGenerator}) over loopback at a fixed rate (default 1,000/s for 30 s after a 5 s warm-up).
 * Baseline in the same run: the engine's {@code similar()} called in-process (no HTTP).
 */
public final class RecommenderQueryBench {

  public static void main(String[] args) throws Exception {
    BenchArgs a = new BenchArgs(args);
    int n = a.integer("games", 350_000);
    int rate = a.integer("rate", 1000);
    int seconds = a.integer("seconds", 30);
    Path dir = Files.createTempDirectory("recommender-query-bench");
    System.out.printf("generating %,d synthetic games%n", n);
    List<EnrichedGame> games = SyntheticGames.generate(n, 42);
    try (EmbeddedKafkaBroker broker = RecommenderBenchSupport.broker(dir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      RecommenderBenchSupport.createTopics(bootstrap, Topics.GAMES_ENRICHED, Topics.GAMES_SIMILAR);
      double pub = RecommenderBenchSupport.publish(bootstrap, games);
      System.out.printf("published %,d documents in %.1f s%n", n, pub);
      games = null;
      long t0 = System.nanoTime();
      try (RecommenderService s =
          RecommenderBenchSupport.startAndAwaitReady(
              RecommenderBenchSupport.config(bootstrap, dir.resolve("state"), false), 900)) {
        System.out.printf(
            "service ready in %.1f s on port %d%n", (System.nanoTime() - t0) / 1e9, s.port());
        // baseline: the engine alone
        SplittableRandom r = new SplittableRandom(5);
        long[] base = new long[20_000];
        for (int i = 0; i < 5_000; i++) {
          s.engine().similar(1 + r.nextInt(n), Query.DEFAULT, 10);
        }
        for (int i = 0; i < base.length; i++) {
          long q0 = System.nanoTime();
          s.engine().similar(1 + r.nextInt(n), Query.DEFAULT, 10);
          base[i] = System.nanoTime() - q0;
        }
        Arrays.sort(base);
        System.out.printf(
            "baseline engine.similar in-process: p50_ms=%.3f p99_ms=%.3f%n",
            HttpLoadGenerator.pct(base, 0.5), HttpLoadGenerator.pct(base, 0.99));
        System.gc();
        String line = load(s.port(), n, rate, seconds);
        System.out.println("load generator: " + line);
        String[] kv = line.substring("LOAD ".length()).split(" ");
        System.out.printf(
            "BENCH recommender-query %s %s %s %s%n", kv[0], kv[1], kv[2], kv[3]);
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static String load(int port, int n, int rate, int seconds) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(HttpLoadGenerator.class.getName());
    cmd.addAll(
        List.of(
            "--base", "http://127.0.0.1:" + port,
            "--games", Integer.toString(n),
            "--rate", Integer.toString(rate),
            "--seconds", Integer.toString(seconds)));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String result = null;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String l; (l = in.readLine()) != null; ) {
        if (l.startsWith("LOAD ")) {
          result = l;
        } else {
          System.out.println("  [load] " + l);
        }
      }
    }
    if (p.waitFor() != 0 || result == null) {
      throw new IllegalStateException("load generator failed (exit " + p.exitValue() + ")");
    }
    return result;
  }

  static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
