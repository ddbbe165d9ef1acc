package io.gamedata.recommender.engine;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.recommender.engine.build.FullBuild;
import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.index.Scorer;
import io.gamedata.recommender.engine.query.CandidateQuery;
import io.gamedata.recommender.engine.query.NameSearch;
import io.gamedata.recommender.engine.query.PublishedLists;
import io.gamedata.recommender.engine.query.RecommendQuery;
import io.gamedata.recommender.engine.query.SimilarQuery;
import io.gamedata.recommender.engine.state.ListRestore;
import io.gamedata.recommender.engine.state.StateExport;
import io.gamedata.recommender.engine.state.StateImport;
import io.gamedata.recommender.engine.update.GenerationBuilder;
import io.gamedata.recommender.engine.update.IndexWriter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The exact engine: integer-quantised sparse vectors, a primitive-array inverted index, top-K' and
 * reverse lists (see {@link SimilarityEngine} for the contract). This class holds the index of the
 * IDF generation in force, the locks and the counters, and hands the work to its packages:
 *
 * <ul>
 *   <li>{@code vector}: document to terms ({@code FeatureExtractor}), terms to a quantised,
 *       normalised vector ({@code Vectorizer}).
 *   <li>{@code index}: the {@code Index} (slots, postings, lists, reverse lists, the upsert's
 *       pruning structures) and the per-thread {@code Scorer} with the plain exact queries.
 *   <li>{@code build}: the full build ({@code FullBuild}, {@code BuildPlan}, {@code BuildQuery}).
 *   <li>{@code update}: upserts and deletes ({@code IndexWriter}, {@code UpsertQuery}) and the next
 *       IDF generation built in the background ({@code GenerationBuilder}).
 *   <li>{@code query}: similar games, recommendations, candidates, name search, published lists.
 *   <li>{@code state}: export, import, and restore from published lists.
 * </ul>
 *
 * <p>Lists are kept lazily: a list holds up to K' entries and is an exact prefix of the full top-K'
 * list; it is refilled by one exact query only when it drops below {@link EngineConfig#watermark()}
 * entries and more candidates exist. A list is <em>complete</em> when it holds every candidate
 * (fewer than K' exist): it then takes every new candidate, wherever it ranks.
 */
public final class ExactSimilarityEngine implements SimilarityEngine {

  private final EngineConfig config;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Object writeMutex = new Object();
  private volatile Index index;
  private IndexWriter writer;
  private final GenerationBuilder generations;

  private long generationCounter;
  private long changesSinceGeneration;
  private long upserts;
  private long deletes;
  private final LongAdder refills = new LongAdder();
  private volatile long lastBuildMillis;
  private volatile long fallbacks;

  public ExactSimilarityEngine(EngineConfig config) {
    this.config = config;
    this.index = new Index(config, new IdfGeneration(0, 0, Map.of()));
    this.index.pruning.track();
    this.writer = new IndexWriter(index, refills);
    this.generations = new GenerationBuilder(config, refills);
  }

  EngineConfig config() {
    return config;
  }

  /** The IDF generation in force. */
  IdfGeneration generation() {
    return index.generation;
  }

  // ================================================================== writes

  @Override
  public UpdateResult buildAll(Collection<EnrichedGame> games) {
    synchronized (writeMutex) {
      FullBuild build = new FullBuild(config, config.threads());
      return buildWith(games, build.generation(games, generationCounter + 1));
    }
  }

  /**
   * Replaces the content by these documents under a given IDF generation ({@link #buildAll} with a
   * fresh one; tests give another engine's, to check the incremental invariant).
   */
  UpdateResult buildWith(Collection<EnrichedGame> games, IdfGeneration generation) {
    synchronized (writeMutex) {
      generations.cancel();
      long start = System.nanoTime();
      FullBuild build = new FullBuild(config, config.threads());
      Index next = build.index(games, generation);
      fallbacks = build.fallbacks();
      Set<Long> changed = next.listsDifferingFrom(index);
      swap(next, generation.number());
      lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
      return new UpdateResult(changed, Set.of(), generation.number(), false);
    }
  }

  /** Installs a new index (and its writer), under the write lock; the drift counts from zero. */
  private void swap(Index next, long generationNumber) {
    next.pruning.track();
    lock.writeLock().lock();
    try {
      index = next;
      writer = writer != null && writer.index() == next ? writer : new IndexWriter(next, refills);
      generationCounter = Math.max(generationCounter, generationNumber);
      changesSinceGeneration = 0;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public UpdateResult upsert(EnrichedGame game) {
    synchronized (writeMutex) {
      UpdateResult r;
      lock.writeLock().lock();
      try {
        r = writer.upsert(game);
        upserts++;
        if (!writer.lastWasTouch()) {
          changesSinceGeneration++;
        }
      } finally {
        lock.writeLock().unlock();
      }
      generations.log(game.id(), game);
      return r;
    }
  }

  @Override
  public UpdateResult delete(long id) {
    synchronized (writeMutex) {
      UpdateResult r;
      lock.writeLock().lock();
      try {
        r = writer.delete(id);
        if (!r.removedGames().isEmpty()) {
          deletes++;
          changesSinceGeneration++;
        }
      } finally {
        lock.writeLock().unlock();
      }
      generations.log(id, null);
      return r;
    }
  }

  @Override
  public UpdateResult settle(boolean wait) {
    synchronized (writeMutex) {
      if (!generations.pending()
          && config.idfSwapDue(changesSinceGeneration, index.generation.n())) {
        // the drift threshold is crossed: build the next generation off the write path
        generations.start(index, generationCounter + 1);
      }
      UpdateResult r = installIfBuilt(wait);
      return r != null ? r : new UpdateResult(Set.of(), Set.of(), index.generation.number(), false);
    }
  }

  /**
   * Installs the IDF generation built in the background once it is ready (or, with {@code wait},
   * after waiting for it): the new index, with every write made since its snapshot replayed,
   * replaces the current one under the write lock, so readers go from the old state to the new one
   * with every write applied. Null when there is nothing to install.
   */
  private UpdateResult installIfBuilt(boolean wait) {
    GenerationBuilder.Built built = generations.take(wait);
    if (built == null) {
      return null;
    }
    Index next = built.writer().index();
    // both indexes now hold the same documents: the lists that differ are the generation's effect
    Set<Long> changed = next.listsDifferingFrom(index);
    Index old = index;
    Set<Long> removed = new HashSet<>();
    for (int s = 0; s < old.slots; s++) {
      if (old.live(s) && !next.slotOf.containsKey(old.ids[s])) {
        removed.add(old.ids[s]);
      }
    }
    long since = changesSinceGeneration;
    writer = built.writer();
    swap(next, next.generation.number());
    // the drift of the new generation counts from its snapshot, as the writes did
    changesSinceGeneration = Math.min(since, built.changes());
    lastBuildMillis = built.buildMillis();
    fallbacks = built.fallbacks();
    return new UpdateResult(changed, removed, next.generation.number(), true);
  }

  /** True while a new IDF generation is being built in the background. */
  boolean generationPending() {
    synchronized (writeMutex) {
      return generations.pending();
    }
  }

  /** Tests: background generation builds wait for {@code latch} before they finish. */
  void holdGenerationBuilds(CountDownLatch latch) {
    generations.holdBuildsUntil(latch);
  }

  @Override
  public UpdateResult restore(Collection<EnrichedGame> games, Collection<SimilarGames> lists) {
    synchronized (writeMutex) {
      generations.cancel();
      long start = System.nanoTime();
      IdfGeneration gen =
          new FullBuild(config, config.threads()).generation(games, generationCounter + 1);
      Index next = ListRestore.index(config, gen, games, lists);
      Set<Long> changed = next.listsDifferingFrom(index);
      swap(next, gen.number());
      lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
      return new UpdateResult(changed, Set.of(), gen.number(), false);
    }
  }

  @Override
  public EngineState exportState() {
    synchronized (writeMutex) {
      return read(ix -> StateExport.of(ix, changesSinceGeneration));
    }
  }

  @Override
  public UpdateResult importState(EngineState state) {
    synchronized (writeMutex) {
      generations.cancel();
      long start = System.nanoTime();
      Index next = StateImport.index(config, state);
      Set<Long> changed = next.listsDifferingFrom(index);
      swap(next, state.generation().number());
      changesSinceGeneration = state.changesSinceGeneration();
      lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
      return new UpdateResult(changed, Set.of(), state.generation().number(), false);
    }
  }

  // ================================================================== reads

  /** Runs a read of the index in force under the read lock. */
  private <T> T read(Function<Index, T> query) {
    lock.readLock().lock();
    try {
      return query.apply(index);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<EnrichedGame> game(long id) {
    return read(
        ix -> {
          Integer s = ix.slotOf.get(id);
          return s == null ? Optional.empty() : Optional.of(ix.docs[s]);
        });
  }

  @Override
  public int size() {
    return index.size();
  }

  @Override
  public List<ScoredGame> similar(long id, Query filters, int limit) {
    return read(ix -> SimilarQuery.run(ix, id, filters, limit));
  }

  @Override
  public List<ScoredGame> recommend(
      Collection<Long> liked, Collection<Long> disliked, Query filters, int limit) {
    return read(ix -> RecommendQuery.run(ix, liked, disliked, filters, limit));
  }

  @Override
  public List<Candidate> candidates(long id, int n) {
    return read(ix -> CandidateQuery.run(ix, id, n));
  }

  @Override
  public Optional<SimilarGames> list(long id) {
    return read(ix -> PublishedLists.of(ix, id));
  }

  @Override
  public List<SimilarGames> snapshot() {
    return read(PublishedLists::all);
  }

  @Override
  public List<EnrichedGame> searchByName(String prefix, int limit) {
    return read(ix -> NameSearch.run(ix, prefix, limit));
  }

  /** The stored list as ids only, best first (cheap; for checks in tests and benchmarks). */
  public long[] listIds(long id) {
    return read(
        ix -> {
          Integer s = ix.slotOf.get(id);
          if (s == null) {
            return new long[0];
          }
          long[] out = new long[ix.listSize[s]];
          for (int i = 0; i < out.length; i++) {
            out[i] = ix.ids[ix.listSlots[s][i]];
          }
          return out;
        });
  }

  /**
   * The top-K' list of a game computed by one full exact inverted-index query, ignoring the stored
   * list: the naive method, the baseline of the full build's benchmark and of its exactness test.
   */
  public long[] naiveListIds(long id) {
    return read(
        ix -> {
          Integer s = ix.slotOf.get(id);
          if (s == null) {
            return new long[0];
          }
          int[] outS = new int[ix.k];
          int[] outV = new int[ix.k];
          int n = new Scorer(ix).exactList(s, outS, outV);
          long[] out = new long[n];
          for (int i = 0; i < n; i++) {
            out[i] = ix.ids[outS[i]];
          }
          return out;
        });
  }

  /** Average work of the pruned upsert query so far (for benchmarks). */
  public String upsertWorkSummary() {
    synchronized (writeMutex) {
      return writer.workSummary();
    }
  }

  @Override
  public long idfGeneration() {
    return index.generation.number();
  }

  @Override
  public EngineStats stats() {
    return read(
        ix ->
            new EngineStats(
                ix.size(),
                ix.termNames.size(),
                ix.postings,
                ix.generation.number(),
                changesSinceGeneration,
                changesSinceGeneration / (double) Math.max(1, ix.generation.n()),
                upserts,
                deletes,
                refills.sum(),
                lastBuildMillis,
                fallbacks));
  }
}
