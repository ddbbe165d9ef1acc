package io.gamedata.bench;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.catalog.IgdbDumpReader;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.ExactSimilarityEngine;
import io.gamedata.recommender.engine.Field;
import io.gamedata.recommender.engine.GameKind;
import io.gamedata.recommender.engine.Query;
import io.gamedata.recommender.engine.ScoredGame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code bench/run recommender-quality [--catalog <games.json|jsonl>] [--games N]}: evaluates the
 * engine against IGDB's {@code similar_games} (restricted to games in the catalogue; games with an
 * empty list are not queries). Queries are split by id hash: field weights are tuned on the first
 * half (a small coordinate search from the defaults), every figure is reported on the second half,
 * for the engine and for three baselines (random, most popular game sharing a genre, genre-only
 * Jaccard). Results exclude DLC/bundles/editions as the service does. Without {@code --catalog} a
 * synthetic catalogue is used.
 */
public final class RecommenderQualityBench {

  static final int K = 10;

  /** Metrics over a query set. */
  record Metrics(
      int queries, double hitRate, double recall, double ndcg, double mrr, double coverage) {
    String line() {
      return String.format(
          "queries=%d hit_rate@10=%.4f recall@10=%.4f ndcg@10=%.4f mrr=%.4f coverage=%.4f",
          queries, hitRate, recall, ndcg, mrr, coverage);
    }
  }

  public static void main(String[] args) {
    BenchArgs a = new BenchArgs(args);
    String path = a.string("catalog", null);
    List<EnrichedGame> games;
    if (path != null) {
      var res = IgdbDumpReader.read(Path.of(path));
      games = res.games();
      System.out.printf(
          "catalogue %s: %,d games (%d records without id skipped)%n",
          path, games.size(), res.skipped());
    } else {
      int n = a.integer("games", 350_000);
      games = SyntheticGames.generate(n, 42);
      System.out.printf("synthetic catalogue: %,d games%n", games.size());
    }
    Map<Long, EnrichedGame> byId = new LinkedHashMap<>();
    for (EnrichedGame g : games) {
      byId.put(g.id(), g);
    }
    // ground truth and the split
    Map<Long, Set<Long>> truth = new LinkedHashMap<>();
    for (EnrichedGame g : byId.values()) {
      Set<Long> t = new HashSet<>();
      for (long s : g.similarGames()) {
        if (s != g.id() && byId.containsKey(s)) {
          t.add(s);
        }
      }
      if (!t.isEmpty()) {
        truth.put(g.id(), t);
      }
    }
    List<Long> tune = new ArrayList<>();
    List<Long> test = new ArrayList<>();
    for (long id : truth.keySet()) {
      (Long.hashCode(id * 0x9E3779B97F4A7C15L) % 2 == 0 ? tune : test).add(id);
    }
    int maxQueries = a.integer("max-queries", 20000);
    tune = tune.subList(0, Math.min(tune.size(), maxQueries));
    test = test.subList(0, Math.min(test.size(), maxQueries));
    System.out.printf(
        "queries with ground truth: %d (tune %d, test %d)%n",
        truth.size(), tune.size(), test.size());
    int catalogue = byId.size();

    // engine with default weights
    EngineConfig cfg = EngineConfig.defaults();
    ExactSimilarityEngine engine = new ExactSimilarityEngine(cfg);
    long t0 = System.nanoTime();
    engine.buildAll(byId.values());
    System.out.printf("index built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    Metrics defTune =
        evaluate(tune, truth, catalogue, id -> ids(engine.similar(id, Query.DEFAULT, 50)));
    System.out.println("engine (default weights), tune half: " + defTune.line());

    // tuning: coordinate search over field multipliers on the tune half
    Map<Field, Double> best = new EnumMap<>(cfg.weights());
    double bestScore = defTune.ndcg();
    boolean tuneEnabled = !a.flag("no-tune") && catalogue <= a.integer("tune-max-games", 60000);
    if (tuneEnabled) {
      double[] factors = {0.0, 0.5, 2.0};
      for (Field f : Field.values()) {
        for (double factor : factors) {
          Map<Field, Double> w = new EnumMap<>(best);
          w.put(f, best.get(f) * factor);
          ExactSimilarityEngine e = new ExactSimilarityEngine(cfg.withWeights(w));
          e.buildAll(byId.values());
          double s =
              evaluate(tune, truth, catalogue, id -> ids(e.similar(id, Query.DEFAULT, 50))).ndcg();
          if (s > bestScore + 1e-4) {
            bestScore = s;
            best = w;
            System.out.printf("  tune: %s x%.1f -> ndcg@10 %.4f%n", f, factor, s);
          }
        }
      }
      System.out.println("tuned weights: " + best);
    }
    EngineConfig tuned = cfg.withWeights(best);
    ExactSimilarityEngine te = new ExactSimilarityEngine(tuned);
    te.buildAll(byId.values());
    Metrics engineDefault =
        evaluate(test, truth, catalogue, id -> ids(engine.similar(id, Query.DEFAULT, 50)));
    Metrics engineTuned =
        evaluate(test, truth, catalogue, id -> ids(te.similar(id, Query.DEFAULT, 50)));
    Query noEasy = Query.builder().excludeSameFranchise(true).excludeSameCollection(true).build();
    Map<Long, Set<Long>> hardTruth = new HashMap<>();
    for (long q : test) {
      EnrichedGame g = byId.get(q);
      Set<Long> t = new HashSet<>();
      for (long s : truth.get(q)) {
        EnrichedGame o = byId.get(s);
        boolean easy =
            o.franchises().stream().anyMatch(g.franchises()::contains)
                || o.collections().stream().anyMatch(g.collections()::contains);
        if (!easy) {
          t.add(s);
        }
      }
      if (!t.isEmpty()) {
        hardTruth.put(q, t);
      }
    }
    Metrics engineHard =
        evaluate(
            new ArrayList<>(hardTruth.keySet()),
            hardTruth,
            catalogue,
            id -> ids(te.similar(id, noEasy, 50)));

    // baselines
    List<EnrichedGame> listable =
        byId.values().stream().filter(g -> !GameKind.isVariant(g)).toList();
    Random rnd = new Random(5);
    Metrics random =
        evaluate(
            test,
            truth,
            catalogue,
            id -> {
              List<Long> out = new ArrayList<>();
              while (out.size() < K && listable.size() > K) {
                long c = listable.get(rnd.nextInt(listable.size())).id();
                if (c != id && !out.contains(c)) {
                  out.add(c);
                }
              }
              return out;
            });
    Comparator<EnrichedGame> byPopularity =
        Comparator.comparingInt(RecommenderQualityBench::popularity)
            .reversed()
            .thenComparingLong(EnrichedGame::id);
    Map<String, List<EnrichedGame>> popularByGenre = new HashMap<>();
    for (EnrichedGame g : listable) {
      for (String genre : g.genres()) {
        popularByGenre.computeIfAbsent(genre, x -> new ArrayList<>()).add(g);
      }
    }
    popularByGenre
        .values()
        .forEach(
            l -> {
              l.sort(byPopularity);
              if (l.size() > 60) {
                l.subList(60, l.size()).clear();
              }
            });
    Metrics popular =
        evaluate(
            test,
            truth,
            catalogue,
            id -> {
              List<EnrichedGame> cand = new ArrayList<>();
              for (String genre : byId.get(id).genres()) {
                cand.addAll(popularByGenre.getOrDefault(genre, List.of()));
              }
              return cand.stream()
                  .filter(g -> g.id() != id)
                  .distinct()
                  .sorted(byPopularity)
                  .limit(50)
                  .map(EnrichedGame::id)
                  .toList();
            });
    Map<Set<String>, List<EnrichedGame>> bySignature = new HashMap<>();
    for (EnrichedGame g : listable) {
      if (!g.genres().isEmpty()) {
        bySignature.computeIfAbsent(Set.copyOf(g.genres()), x -> new ArrayList<>()).add(g);
      }
    }
    bySignature.values().forEach(l -> l.sort(byPopularity));
    Metrics jaccard =
        evaluate(
            test,
            truth,
            catalogue,
            id -> {
              Set<String> mine = Set.copyOf(byId.get(id).genres());
              if (mine.isEmpty()) {
                return List.of();
              }
              List<Map.Entry<Set<String>, Double>> sigs = new ArrayList<>();
              for (Set<String> s : bySignature.keySet()) {
                long inter = s.stream().filter(mine::contains).count();
                if (inter > 0) {
                  sigs.add(Map.entry(s, inter / (double) (s.size() + mine.size() - inter)));
                }
              }
              sigs.sort(Map.Entry.<Set<String>, Double>comparingByValue().reversed());
              List<Long> out = new ArrayList<>();
              for (var s : sigs) {
                for (EnrichedGame g : bySignature.get(s.getKey())) {
                  if (g.id() != id) {
                    out.add(g.id());
                    if (out.size() == 50) {
                      return out;
                    }
                  }
                }
              }
              return out;
            });
    System.out.println("report half (test), metrics on each baseline and the engine:");
    System.out.println("  baseline random                  " + random.line());
    System.out.println("  baseline same-genre-most-popular " + popular.line());
    System.out.println("  baseline genre-only-jaccard      " + jaccard.line());
    System.out.println("  engine default weights           " + engineDefault.line());
    System.out.println("  engine tuned weights             " + engineTuned.line());
    System.out.println(
        "  engine tuned, no same-franchise/collection hits (truth and results) "
            + engineHard.line());
    System.out.println("BENCH recommender-quality baseline=random " + random.line());
    System.out.println(
        "BENCH recommender-quality baseline=same-genre-most-popular " + popular.line());
    System.out.println("BENCH recommender-quality baseline=genre-only-jaccard " + jaccard.line());
    System.out.println("BENCH recommender-quality " + engineTuned.line());
  }

  static int popularity(EnrichedGame g) {
    int p = 0;
    if (g.totalRatingCount() != null) {
      p = g.totalRatingCount();
    } else if (g.ratingCount() != null) {
      p = g.ratingCount();
    }
    return p + (g.hypes() == null ? 0 : g.hypes());
  }

  static List<Long> ids(List<ScoredGame> results) {
    return results.stream().map(ScoredGame::id).toList();
  }

  /**
   * Hit rate, recall and nDCG (binary gains) over the top 10; MRR over the whole returned ranking
   * (up to 50); coverage = distinct games in all top-10 lists / catalogue size.
   */
  static Metrics evaluate(
      List<Long> queries,
      Map<Long, Set<Long>> truth,
      int catalogue,
      Function<Long, List<Long>> ranker) {
    double hits = 0;
    double recall = 0;
    double ndcg = 0;
    double mrr = 0;
    Set<Long> covered = new HashSet<>();
    for (long q : queries) {
      Set<Long> t = truth.get(q);
      List<Long> ranked = ranker.apply(q);
      int found = 0;
      double dcg = 0;
      for (int i = 0; i < Math.min(K, ranked.size()); i++) {
        covered.add(ranked.get(i));
        if (t.contains(ranked.get(i))) {
          found++;
          dcg += 1.0 / (Math.log(i + 2) / Math.log(2));
        }
      }
      for (int i = 0; i < ranked.size(); i++) {
        if (t.contains(ranked.get(i))) {
          mrr += 1.0 / (i + 1);
          break;
        }
      }
      double idcg = 0;
      for (int i = 0; i < Math.min(K, t.size()); i++) {
        idcg += 1.0 / (Math.log(i + 2) / Math.log(2));
      }
      hits += found > 0 ? 1 : 0;
      recall += found / (double) t.size();
      ndcg += dcg / idcg;
    }
    int n = Math.max(1, queries.size());
    return new Metrics(
        queries.size(),
        hits / n,
        recall / n,
        ndcg / n,
        mrr / n,
        covered.size() / (double) catalogue);
  }
}
