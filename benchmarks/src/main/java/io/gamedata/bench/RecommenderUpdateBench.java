package io.gamedata.bench;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.ExactSimilarityEngine;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code bench/run recommender-update [--games N] [--updates U] [--deletes D] [--heavy-df F]}:
 * builds the index on a synthetic catalogue, then times U exact upserts (80% changes of existing
 * games, 20% new games) and D deletes, each keeping every top-K' list exact. The IDF generation
 * swap is switched off so that the figures are those of the incremental path.
 */
public final class RecommenderUpdateBench {

  public static void main(String[] args) {
    BenchArgs a = new BenchArgs(args);
    int n = a.integer("games", 350_000);
    int updates = a.integer("updates", 5000);
    int deletes = a.integer("deletes", 1000);
    EngineConfig cfg =
        EngineConfig.defaults()
            .withIdfDriftThreshold(0)
            .withHeavyTermDf(a.integer("heavy-df", 0)); // 0 = auto
    List<EnrichedGame> games = SyntheticGames.generate(n, 42);
    ExactSimilarityEngine engine = new ExactSimilarityEngine(cfg);
    long t0 = System.nanoTime();
    engine.buildAll(games);
    System.out.printf("built %,d games in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    Random r = new Random(11);
    long nextId = n + 1;
    // warm-up
    for (int i = 0; i < 500; i++) {
      long id = 1 + r.nextInt(n);
      engine.upsert(SyntheticGames.mutate(engine.game(id).orElseThrow(), r));
    }
    double[] up = new double[updates];
    long changedLists = 0;
    for (int i = 0; i < updates; i++) {
      EnrichedGame g;
      if (r.nextInt(5) == 0) {
        g = SyntheticGames.fresh(nextId++, r.nextLong());
      } else {
        long id = 1 + r.nextInt(n);
        g = SyntheticGames.mutate(engine.game(id).orElseGet(() -> games.get(0)), r);
      }
      long s = System.nanoTime();
      changedLists += engine.upsert(g).changedLists().size();
      up[i] = (System.nanoTime() - s) / 1e6;
    }
    double[] del = new double[deletes];
    for (int i = 0; i < deletes; i++) {
      long id = 1 + r.nextInt(n);
      long s = System.nanoTime();
      engine.delete(id);
      del[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(up);
    Arrays.sort(del);
    var st = engine.stats();
    System.out.printf(
        "upserts: mean %.2f ms, max %.1f ms, %.1f lists changed per upsert; deletes: p50 %.2f ms,"
            + " max %.1f ms; refills %,d%n",
        Arrays.stream(up).average().orElse(0),
        up[updates - 1],
        changedLists / (double) updates,
        pct(del, 0.5),
        del[deletes - 1],
        st.refills());
    System.out.println(engine.upsertWorkSummary());
    System.out.printf(
        "BENCH recommender-update updates=%d p50_ms=%.2f p99_ms=%.2f deletes_p99_ms=%.2f%n",
        updates, pct(up, 0.5), pct(up, 0.99), pct(del, 0.99));
  }

  static double pct(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }
}
