package io.gamedata.recommender.engine.build;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.Field;
import io.gamedata.recommender.engine.IdfGeneration;
import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.vector.FeatureExtractor;
import io.gamedata.recommender.engine.vector.Vectorizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The full build: a fresh IDF generation of a catalogue, and a complete index of it (postings and
 * every top-K' list), on a given number of threads. Touches no engine state.
 *
 * <p>Every list is computed independently ({@link BuildQuery}). Light terms (posting lists up to
 * {@link EngineConfig#buildHeavyDf}, at most 64 heavy terms) are accumulated posting by posting;
 * the K' best light candidates are scored exactly, the others only when their light score plus a
 * Cauchy-Schwarz bound over the heavy terms they share with the query can still enter. Games
 * sharing only heavy terms are reached through impact-ordered heavy lists ({@link BuildPlan}) until
 * the threshold algorithm's bound cannot enter. Exact; {@link #fallbacks()} counts lists that fell
 * back to the plain exact query because the pruned path would have cost more.
 */
public final class FullBuild {

  /** Lists a build thread takes from the shared cursor at a time. */
  private static final int CHUNK = 256;

  private final EngineConfig config;
  private final int threads;
  private long fallbacks;

  /**
   * @param threads threads of the build (the engine's {@link EngineConfig#threads()}; one fewer for
   *     a generation built in the background, leaving the writer its core)
   */
  public FullBuild(EngineConfig config, int threads) {
    this.config = config;
    this.threads = threads;
  }

  /** A fresh IDF generation numbered {@code number} from the documents (ids deduplicated). */
  public IdfGeneration generation(Collection<EnrichedGame> games, long number) {
    FeatureExtractor ex =
        new FeatureExtractor(config.summaryMinLength(), config.weight(Field.SUMMARY) > 0);
    List<EnrichedGame> docs = unique(games);
    List<Set<String>> terms =
        Parallel.map("recommender-vectors", threads, docs, g -> ex.terms(g).keySet());
    Map<String, Integer> df = new HashMap<>();
    for (var set : terms) {
      for (String t : set) {
        df.merge(t, 1, Integer::sum);
      }
    }
    return new IdfGeneration(number, docs.size(), df);
  }

  /** A complete index (postings and every list) of these documents under a generation. */
  public Index index(Collection<EnrichedGame> games, IdfGeneration generation) {
    Index next = new Index(config, generation);
    List<EnrichedGame> docs = unique(games);
    List<List<Vectorizer.Weighted>> vectors =
        Parallel.map(
            "recommender-vectors", threads, docs, g -> next.vectorizer.vector(g, generation));
    for (int i = 0; i < docs.size(); i++) {
      next.put(docs.get(i), vectors.get(i));
    }
    for (int s = 0; s < next.slots; s++) {
      next.addPostings(s);
    }
    fallbacks = computeAllLists(next);
    return next;
  }

  /** Lists of the last {@link #index} that needed the plain exact query. */
  public long fallbacks() {
    return fallbacks;
  }

  private static List<EnrichedGame> unique(Collection<EnrichedGame> games) {
    Map<Long, EnrichedGame> unique = new LinkedHashMap<>();
    for (EnrichedGame g : games) {
      unique.put(g.id(), g);
    }
    return new ArrayList<>(unique.values());
  }

  private long computeAllLists(Index next) {
    int t = Math.max(1, Math.min(threads, next.slots / 64 + 1));
    BuildPlan plan = new BuildPlan(next, config.buildHeavyDf());
    AtomicInteger cursor = new AtomicInteger();
    long[] fallbacksOf = new long[t];
    Parallel.run(
        "recommender-build",
        t,
        t,
        thread -> {
          BuildQuery q = new BuildQuery(next, plan);
          int[] outS = new int[next.k];
          int[] outV = new int[next.k];
          int from;
          while ((from = cursor.getAndAdd(CHUNK)) < next.slots) {
            int to = Math.min(next.slots, from + CHUNK);
            for (int s = from; s < to; s++) {
              int n = q.list(s, outS, outV);
              System.arraycopy(outS, 0, next.listSlots[s], 0, n);
              System.arraycopy(outV, 0, next.listScores[s], 0, n);
              next.listSize[s] = n;
              next.complete[s] = n < next.k;
            }
          }
          fallbacksOf[thread] = q.fallbacks;
        });
    next.addAllRev();
    long sum = 0;
    for (long f : fallbacksOf) {
      sum += f;
    }
    return sum;
  }
}
