package io.gamedata.bench;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.ExactSimilarityEngine;
import java.util.List;
import java.util.Random;

/**
 * {@code bench/run recommender-build [--games N] [--sample S] [--heavy-df D]}: full exact build of
 * every top-K' list on a synthetic catalogue; the naive cost (one exact inverted-index query per
 * game on the same threads) is estimated in the same run from S timed single queries.
 */
public final class RecommenderBuildBench {

  public static void main(String[] args) {
    BenchArgs a = new BenchArgs(args);
    int n = a.integer("games", 350_000);
    int sample = a.integer("sample", 2000);
    EngineConfig cfg = EngineConfig.defaults();
    if (a.integer("heavy-df", 0) > 0) {
      cfg = cfg.withHeavyTermDf(a.integer("heavy-df", 0));
    }
    System.out.printf("generating %,d synthetic games%n", n);
    List<EnrichedGame> games = SyntheticGames.generate(n, 42);
    ExactSimilarityEngine engine = new ExactSimilarityEngine(cfg);
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    engine.buildAll(games);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - c0) / 1e9;
    var stats = engine.stats();
    System.out.printf(
        "build: %.1f s on %d threads, %,d terms, %,d postings, fallback queries %,d (%.1f%%)%n",
        seconds,
        cfg.threads(),
        stats.terms(),
        stats.postings(),
        stats.fallbackQueries(),
        100.0 * stats.fallbackQueries() / n);
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    // naive: exact single queries on a sample, checked against the built lists
    Random r = new Random(7);
    long mismatches = 0;
    for (int i = 0; i < 200; i++) { // warm-up
      engine.naiveListIds(1 + r.nextInt(n));
    }
    long q0 = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < sample; i++) {
      long id = 1 + r.nextInt(n);
      long[] naive = engine.naiveListIds(id);
      if (!java.util.Arrays.equals(naive, engine.listIds(id))) {
        mismatches++;
      }
    }
    double perQuery = (threads.getCurrentThreadCpuTime() - q0) / 1e9 / sample;
    double naiveSeconds = perQuery * n / cfg.threads();
    System.out.printf(
        "naive: %.2f ms CPU per exact query (single thread, %d sampled) -> %.0f s for %,d games on %d"
            + " threads; sampled lists differing from the naive ones: %d%n",
        perQuery * 1000, sample, naiveSeconds, n, cfg.threads(), mismatches);
    System.out.printf(
        "BENCH recommender-build games=%d seconds=%.1f naive_seconds_estimate=%.0f heap_mb=%d"
            + " cpu_seconds=%.1f speedup_cpu=%.1f%n",
        n, seconds, naiveSeconds, heapMb, cpuSeconds, naiveSeconds * cfg.threads() / cpuSeconds);
  }
}
