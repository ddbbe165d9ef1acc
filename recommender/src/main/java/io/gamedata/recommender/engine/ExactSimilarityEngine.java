package io.gamedata.recommender.engine;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.similar.SimilarGames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The exact engine: integer-quantised sparse vectors, a primitive-array inverted index, top-K' and
 * reverse lists (see {@link SimilarityEngine} for the contract).
 *
 * <p>Full build: every list is computed independently on {@link EngineConfig#threads()} threads
 * ({@link Scorer#planList}). Light terms (posting lists up to {@link EngineConfig#buildHeavyDf}, at
 * most 64 heavy terms) are accumulated posting by posting; the K' best light candidates are scored
 * exactly, the others only when their light score plus a Cauchy-Schwarz bound over the heavy terms
 * they share with the query can still enter. Games sharing only heavy terms are reached through
 * impact-ordered heavy lists ({@link BuildPlan}) until the threshold algorithm's bound cannot
 * enter. Exact; {@link EngineStats#fallbackQueries()} counts lists that fell back to the plain
 * exact query because the pruned path would have cost more.
 *
 * <p>Lists are kept lazily: a list holds up to K' entries and is an exact prefix of the full top-K'
 * list; it is refilled by one exact query only when it drops below {@link EngineConfig#watermark()}
 * entries and more candidates exist. A list is <em>complete</em> when it holds every candidate
 * (fewer than K' exist): it then takes every new candidate, wherever it ranks.
 *
 * <p>Upsert of x: replace x's postings; one pruned exact query ({@link Scorer#upsertQuery}) gives
 * x's list and sim(x, y) for every y whose list x may enter (cosine is symmetric; heavy terms are
 * bounded by Cauchy-Schwarz, games sharing only heavy terms are found through the threshold
 * algorithm for x's list and through tail/heavy-norm buckets for theirs); where x was listed it is
 * re-inserted if it still ranks before the list's old tail (every game outside a list ranks after
 * its tail), else dropped; x is inserted into every other list whose tail it now beats (or that is
 * complete). Delete: walk x's reverse list and remove x. Either way a list that fell below the
 * watermark is refilled.
 */
public final class ExactSimilarityEngine implements SimilarityEngine {

  private final EngineConfig config;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Object writeMutex = new Object();
  private volatile Index index;
  private Writer writer;

  private long generationCounter;
  private long changesSinceGeneration;
  private long upserts;
  private long deletes;
  private final java.util.concurrent.atomic.LongAdder refills =
      new java.util.concurrent.atomic.LongAdder();
  private volatile long lastBuildMillis;
  private volatile long fallbacks;

  /** A new IDF generation being built off the write path, or null. */
  private Future<Writer> pendingBuild;

  /**
   * Writes since the pending build's snapshot, in order (doc null = delete): the build's thread
   * replays them on the new index as they come, {@link #settle} replays the rest before the swap.
   */
  private java.util.concurrent.ConcurrentLinkedQueue<Write> sincePending;

  /** One logged write. */
  private record Write(long id, EnrichedGame doc) {}

  /** What applying a write needs besides the index: a scorer and the writer's scratch. */
  private static final class Writer {
    final Index ix;
    final Scorer sc;

    /** Lists already handled by an upsert (epoch marks). */
    int[] handledMark = new int[0];

    int handledEpoch;

    /** True when the last upsert only touched the document (same vector): not a change. */
    boolean lastWasTouch;

    /** Changes (not touches) a background generation replayed since its snapshot. */
    long changes;

    Writer(Index ix) {
      this.ix = ix;
      this.sc = new Scorer(ix);
    }
  }

  private ExecutorService generationBuilder;

  /** Threads of a build on the calling thread: one fewer in the background (the writer's core). */
  private static final ThreadLocal<Integer> BACKGROUND_THREADS = new ThreadLocal<>();

  private int buildThreads() {
    Integer t = BACKGROUND_THREADS.get();
    return t != null ? t : config.threads();
  }

  /** Tests: when set, background generation builds wait for it before they finish. */
  volatile java.util.concurrent.CountDownLatch holdGenerationBuilds;

  public ExactSimilarityEngine(EngineConfig config) {
    this.config = config;
    this.index = new Index(config, new IdfGeneration(0, 0, Map.of()));
    this.index.track();
    this.writer = new Writer(index);
  }

  public EngineConfig config() {
    return config;
  }

  /** The IDF generation in force. */
  public IdfGeneration generation() {
    return index.generation;
  }

  /** Computes a fresh IDF generation from documents (numbered {@code number}). */
  public IdfGeneration computeGeneration(Collection<EnrichedGame> games, long number) {
    FeatureExtractor ex =
        new FeatureExtractor(config.summaryMinLength(), config.weight(Field.SUMMARY) > 0);
    Map<Long, EnrichedGame> unique = new LinkedHashMap<>();
    for (EnrichedGame g : games) {
      unique.put(g.id(), g);
    }
    List<java.util.Set<String>> terms =
        parallel(new ArrayList<>(unique.values()), g -> ex.terms(g).keySet());
    Map<String, Integer> df = new HashMap<>();
    for (var set : terms) {
      for (String t : set) {
        df.merge(t, 1, Integer::sum);
      }
    }
    return new IdfGeneration(number, unique.size(), df);
  }

  /** Maps a list on the build threads, keeping the order. */
  private <T, R> List<R> parallel(List<T> in, java.util.function.Function<T, R> f) {
    int threads = Math.max(1, Math.min(buildThreads(), in.size() / 1000 + 1));
    if (threads == 1) {
      List<R> out = new ArrayList<>(in.size());
      for (T t : in) {
        out.add(f.apply(t));
      }
      return out;
    }
    @SuppressWarnings("unchecked")
    R[] out = (R[]) new Object[in.size()];
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("recommender-vectors"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      int chunk = (in.size() + threads - 1) / threads;
      for (int t = 0; t < threads; t++) {
        int from = t * chunk;
        int to = Math.min(in.size(), from + chunk);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = from; i < to; i++) {
                    out[i] = f.apply(in.get(i));
                  }
                }));
      }
      for (Future<?> fu : futures) {
        fu.get();
      }
      return java.util.Arrays.asList(out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("vectorisation failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  // ================================================================== writes

  @Override
  public UpdateResult buildAll(Collection<EnrichedGame> games) {
    synchronized (writeMutex) {
      return buildWith(games, computeGeneration(games, generationCounter + 1));
    }
  }

  /**
   * Replaces the content by these documents under a given IDF generation (e.g. the generation of
   * another engine, to check the incremental invariant).
   */
  public UpdateResult buildWith(Collection<EnrichedGame> games, IdfGeneration generation) {
    synchronized (writeMutex) {
      cancelPendingBuild();
      long start = System.nanoTime();
      Index next = buildIndex(games, generation);
      Set<Long> changed = changedAgainst(next);
      swap(next, generation.number());
      lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
      return new UpdateResult(changed, Set.of(), generation.number(), false);
    }
  }

  /** A complete index (postings and every list) of these documents; touches no engine state. */
  private Index buildIndex(Collection<EnrichedGame> games, IdfGeneration generation) {
    long start = System.nanoTime();
    Index next = new Index(config, generation);
    Map<Long, EnrichedGame> unique = new LinkedHashMap<>();
    for (EnrichedGame g : games) {
      unique.put(g.id(), g);
    }
    List<EnrichedGame> docs = new ArrayList<>(unique.values());
    List<List<Vectorizer.Weighted>> vectors =
        parallel(docs, g -> next.vectorizer.vector(g, generation));
    for (int i = 0; i < docs.size(); i++) {
      next.put(docs.get(i), vectors.get(i));
    }
    for (int s = 0; s < next.slots; s++) {
      next.addPostings(s);
    }
    long tIndex = System.nanoTime();
    fallbacks = computeAllLists(next);
    if (Boolean.getBoolean("recommender.debug")) {
      System.err.printf(
          "index %.1f s, lists %.1f s%n",
          (tIndex - start) / 1e9, (System.nanoTime() - tIndex) / 1e9);
    }
    return next;
  }

  private long computeAllLists(Index next) {
    int threads = Math.max(1, Math.min(buildThreads(), next.slots / 64 + 1));
    AtomicInteger cursor = new AtomicInteger();
    int chunk = 256;
    long p0 = System.nanoTime();
    BuildPlan plan = new BuildPlan(next, config.buildHeavyDf());
    if (Boolean.getBoolean("recommender.debug")) {
      System.err.printf("plan %.1f s%n", (System.nanoTime() - p0) / 1e9);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("recommender-build"));
    try {
      List<Future<Long>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  Scorer sc = new Scorer(next);
                  int[] outS = new int[next.k];
                  int[] outV = new int[next.k];
                  int from;
                  while ((from = cursor.getAndAdd(chunk)) < next.slots) {
                    int to = Math.min(next.slots, from + chunk);
                    for (int s = from; s < to; s++) {
                      int n = sc.planList(s, plan, outS, outV);
                      System.arraycopy(outS, 0, next.listSlots[s], 0, n);
                      System.arraycopy(outV, 0, next.listScores[s], 0, n);
                      next.listSize[s] = n;
                      next.complete[s] = n < next.k;
                    }
                  }
                  if (Boolean.getBoolean("recommender.debug")) {
                    System.err.printf(
                        "thread cpu %.1f s; per query: light postings %.0f, dots A+B %.0f, heavy"
                            + " terms %.1f, C scanned %.0f, C dots %.0f, bounded out %.0f%n",
                        java.lang.management.ManagementFactory.getThreadMXBean()
                                .getCurrentThreadCpuTime()
                            / 1e9,
                        sc.statLight / (double) sc.statQueries,
                        sc.statDotsAb / (double) sc.statQueries,
                        sc.statNh / (double) sc.statQueries,
                        sc.statScanC / (double) sc.statQueries,
                        sc.statDotsC / (double) sc.statQueries,
                        sc.statSkipped / (double) sc.statQueries);
                  }
                  return sc.fallbacks;
                }));
      }
      long fb = 0;
      for (Future<Long> f : futures) {
        fb += f.get();
      }
      for (int s = 0; s < next.slots; s++) {
        for (int i = 0; i < next.listSize[s]; i++) {
          next.addRev(next.listSlots[s][i], s);
        }
      }
      return fb;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("full build interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("full build failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Ids whose list in {@code next} differs from the current index's list (by id and score). */
  private Set<Long> changedAgainst(Index next) {
    Index cur = index;
    Set<Long> changed = new HashSet<>();
    for (int s = 0; s < next.slots; s++) {
      if (!next.live(s)) {
        continue;
      }
      long id = next.ids[s];
      Integer cs = cur.slotOf.get(id);
      if (cs == null || !sameList(cur, cs, next, s)) {
        changed.add(id);
      }
    }
    return changed;
  }

  private static boolean sameList(Index a, int sa, Index b, int sb) {
    int n = a.listSize[sa];
    if (n != b.listSize[sb]) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (a.ids[a.listSlots[sa][i]] != b.ids[b.listSlots[sb][i]]
          || a.listScores[sa][i] != b.listScores[sb][i]) {
        return false;
      }
    }
    return true;
  }

  private void swap(Index next, long generationNumber) {
    next.track();
    lock.writeLock().lock();
    try {
      index = next;
      writer = writer != null && writer.ix == next ? writer : new Writer(next);
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
        r = applyUpsert(writer, game);
        upserts++;
        if (!writer.lastWasTouch) {
          changesSinceGeneration++;
        }
      } finally {
        lock.writeLock().unlock();
      }
      if (sincePending != null) {
        sincePending.add(new Write(game.id(), game));
      }
      return r;
    }
  }

  @Override
  public UpdateResult delete(long id) {
    synchronized (writeMutex) {
      UpdateResult r;
      lock.writeLock().lock();
      try {
        r = applyDelete(writer, id);
        if (!r.removedGames().isEmpty()) {
          deletes++;
          changesSinceGeneration++;
        }
      } finally {
        lock.writeLock().unlock();
      }
      if (sincePending != null) {
        sincePending.add(new Write(id, null));
      }
      return r;
    }
  }

  private void startBuild(Index ix) {
    List<EnrichedGame> docs = new ArrayList<>(ix.size());
    for (int s = 0; s < ix.slots; s++) {
      if (ix.live(s)) {
        docs.add(ix.docs[s]);
      }
    }
    long number = generationCounter + 1;
    if (generationBuilder == null) {
      generationBuilder = Executors.newSingleThreadExecutor(daemon("recommender-idf-generation"));
    }
    var log = new java.util.concurrent.ConcurrentLinkedQueue<Write>();
    sincePending = log;
    pendingBuild =
        generationBuilder.submit(
            () -> {
              long start = System.nanoTime();
              BACKGROUND_THREADS.set(Math.max(1, config.threads() - 1));
              Index next = buildIndex(docs, computeGeneration(docs, number));
              var hold = holdGenerationBuilds;
              if (hold != null) {
                hold.await();
              }
              lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
              // catch up with the writes made meanwhile, so the swap replays only the last few
              next.track();
              Writer w = new Writer(next);
              for (Write x = log.poll(); x != null; x = log.poll()) {
                replay(w, x);
              }
              return w;
            });
  }

  private void cancelPendingBuild() {
    if (pendingBuild != null) {
      pendingBuild.cancel(true);
      pendingBuild = null;
      sincePending = null;
    }
  }

  /**
   * Installs the IDF generation being built in the background once it is ready (or, with {@code
   * wait}, after waiting for it): the new index replaces the current one and the writes made since
   * its snapshot are replayed on it, under the write lock, so readers go from the old state to the
   * new one with every write applied. Null when there is nothing to install.
   */
  private UpdateResult installIfBuilt(boolean wait) {
    if (pendingBuild == null || (!wait && !pendingBuild.isDone())) {
      return null;
    }
    Writer built;
    try {
      built = pendingBuild.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the IDF generation", e);
    } catch (java.util.concurrent.ExecutionException e) {
      // keep serving the old generation (exact under it); a later write tries again
      pendingBuild = null;
      sincePending = null;
      throw new IllegalStateException("building the new IDF generation failed", e.getCause());
    }
    var log = sincePending;
    pendingBuild = null;
    sincePending = null;
    // the writes logged after the build's thread caught up (no write can come in: writeMutex)
    for (Write x = log.poll(); x != null; x = log.poll()) {
      replay(built, x);
    }
    Index next = built.ix;
    // both indexes now hold the same documents: the lists that differ are the generation's effect
    Set<Long> changed = changedAgainst(next);
    Index old = index;
    Set<Long> removed = new HashSet<>();
    for (int s = 0; s < old.slots; s++) {
      if (old.live(s) && !next.slotOf.containsKey(old.ids[s])) {
        removed.add(old.ids[s]);
      }
    }
    long since = changesSinceGeneration;
    writer = built;
    swap(next, next.generation.number());
    // the drift of the new generation counts from its snapshot, as the writes did
    changesSinceGeneration = Math.min(since, built.changes);
    return new UpdateResult(changed, removed, next.generation.number(), true);
  }

  /** Applies a logged write to a background generation (its own writer; no engine counters). */
  private void replay(Writer w, Write x) {
    if (x.doc() == null) {
      if (!applyDelete(w, x.id()).removedGames().isEmpty()) {
        w.changes++;
      }
    } else {
      applyUpsert(w, x.doc());
      if (!w.lastWasTouch) {
        w.changes++;
      }
    }
  }

  @Override
  public UpdateResult settle(boolean wait) {
    synchronized (writeMutex) {
      if (pendingBuild == null && config.idfSwapDue(changesSinceGeneration, index.generation.n())) {
        // the drift threshold is crossed: build the next generation off the write path
        startBuild(index);
      }
      UpdateResult r = installIfBuilt(wait);
      return r != null ? r : new UpdateResult(Set.of(), Set.of(), index.generation.number(), false);
    }
  }

  /** True while a new IDF generation is being built in the background. */
  public boolean generationPending() {
    synchronized (writeMutex) {
      return pendingBuild != null;
    }
  }

  private UpdateResult applyUpsert(Writer w, EnrichedGame g) {
    Index ix = w.ix;
    Scorer sc = w.sc;
    w.lastWasTouch = false;
    Integer existing = ix.slotOf.get(g.id());
    int[] oldRev = new int[0];
    if (existing != null && sameVector(ix, existing, g)) {
      // same terms, weights and kind (e.g. a touch of updated_at): no list can change
      ix.names.remove(Index.nameKey(ix.docs[existing]));
      ix.docs[existing] = g;
      ix.names.put(Index.nameKey(g), g.id());
      w.lastWasTouch = true;
      return new UpdateResult(Set.of(), Set.of(), ix.generation.number(), false);
    }
    if (existing != null) {
      int x = existing;
      oldRev = Arrays.copyOf(ix.rev[x], ix.revSize[x]);
      ix.removePostings(x);
    }
    int x = ix.put(g);
    ix.addPostings(x);

    // snapshot of every list we may touch, to report real changes
    Map<Integer, long[]> before = new HashMap<>();
    snapshotList(ix, x, before);
    for (int y : oldRev) {
      snapshotList(ix, y, before);
    }

    if (w.handledMark.length < ix.slots) {
      w.handledMark = new int[Math.max(ix.slots, w.handledMark.length * 2)];
    }
    int[] handled = w.handledMark;
    if (w.handledEpoch == Integer.MAX_VALUE) {
      Arrays.fill(handled, 0);
      w.handledEpoch = 0;
    }
    int epoch = ++w.handledEpoch;
    // x's own list and the lists x may enter (pruned, exact)
    int[] outS = new int[ix.k];
    int[] outV = new int[ix.k];
    int n = sc.upsertQuery(x, outS, outV);
    int candSize = sc.candSize;
    int[] cand = Arrays.copyOf(sc.cand, candSize);
    int[] candScore = Arrays.copyOf(sc.candScore, candSize);
    ix.setList(x, outS, outV, n);

    boolean listable = !ix.variant[x];
    for (int y : oldRev) {
      if (y == x) {
        continue;
      }
      handled[y] = epoch;
      int pos = ix.indexInList(y, x);
      if (pos < 0) {
        continue;
      }
      // boundary: every game outside y's list ranks after its tail (unless the list is complete)
      int last = ix.listSize[y] - 1;
      int tailScore = ix.listScores[y][last];
      int tailSlot = ix.listSlots[y][last];
      ix.removeFromList(y, pos);
      int s = ix.dot(x, y);
      if (listable && s > 0) {
        boolean ranksInside =
            ix.complete[y]
                || (tailSlot == x ? s >= tailScore : ix.better(s, x, tailScore, tailSlot));
        if (ranksInside) {
          ix.insertInList(y, x, s);
        }
      }
      refillIfShort(ix, sc, y);
    }
    if (listable) {
      for (int i = 0; i < candSize; i++) {
        int y = cand[i];
        if (y == x || handled[y] == epoch) {
          continue;
        }
        int s = candScore[i];
        int size = ix.listSize[y];
        if (ix.complete[y]
            || (size > 0
                && ix.better(s, x, ix.listScores[y][size - 1], ix.listSlots[y][size - 1]))) {
          snapshotList(ix, y, before);
          ix.insertInList(y, x, s);
        }
      }
    }
    Set<Long> changed = new HashSet<>();
    if (existing == null) {
      changed.add(g.id());
    }
    for (var e : before.entrySet()) {
      if (!Arrays.equals(e.getValue(), encodeList(ix, e.getKey()))) {
        changed.add(ix.ids[e.getKey()]);
      }
    }
    return new UpdateResult(changed, Set.of(), ix.generation.number(), false);
  }

  private static boolean sameVector(Index ix, int slot, EnrichedGame g) {
    if (GameKind.isVariant(g) != ix.variant[slot]) {
      return false;
    }
    var vec = ix.vectorizer.vector(g, ix.generation);
    int[] st = ix.vecTerms[slot];
    if (vec.size() != st.length) {
      return false;
    }
    Map<Integer, Short> old = new HashMap<>();
    for (int i = 0; i < st.length; i++) {
      old.put(st[i], ix.vecWeights[slot][i]);
    }
    for (var w : vec) {
      Integer t = ix.termIds.get(w.term());
      if (t == null || !old.containsKey(t) || old.get(t) != (short) w.weight()) {
        return false;
      }
    }
    return true;
  }

  private UpdateResult applyDelete(Writer w, long id) {
    Index ix = w.ix;
    Integer slot = ix.slotOf.get(id);
    if (slot == null) {
      return new UpdateResult(Set.of(), Set.of(), ix.generation.number(), false);
    }
    int x = slot;
    ix.removePostings(x);
    ix.clearList(x);
    int[] owners = Arrays.copyOf(ix.rev[x], ix.revSize[x]);
    // hide x from refills: postings are gone, mark it a variant so no list takes it
    ix.variant[x] = true;
    Set<Long> changed = new HashSet<>();
    for (int y : owners) {
      ix.removeFromList(y, ix.indexInList(y, x));
      refillIfShort(ix, w.sc, y);
      changed.add(ix.ids[y]);
    }
    ix.free(x);
    return new UpdateResult(changed, Set.of(id), ix.generation.number(), false);
  }

  /**
   * Refills a list that is not complete and fell below the watermark: until then it stays a valid
   * (shorter) prefix of the exact top-K' list, so most removals cost nothing.
   */
  private void refillIfShort(Index ix, Scorer sc, int y) {
    if (!ix.complete[y] && ix.listSize[y] < ix.watermark) {
      refill(ix, sc, y);
    }
  }

  private void refill(Index ix, Scorer sc, int y) {
    refills.increment();
    int[] outS = new int[ix.k];
    int[] outV = new int[ix.k];
    int n = sc.fastList(y, outS, outV);
    ix.setList(y, outS, outV, n);
  }

  private static void snapshotList(Index ix, int slot, Map<Integer, long[]> before) {
    before.computeIfAbsent(slot, s -> encodeList(ix, s));
  }

  private static long[] encodeList(Index ix, int slot) {
    int n = ix.listSize[slot];
    long[] out = new long[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = ix.ids[ix.listSlots[slot][i]];
      out[2 * i + 1] = ix.listScores[slot][i];
    }
    return out;
  }

  @Override
  public UpdateResult restore(Collection<EnrichedGame> games, Collection<SimilarGames> lists) {
    synchronized (writeMutex) {
      cancelPendingBuild();
      long start = System.nanoTime();
      IdfGeneration gen = computeGeneration(games, generationCounter + 1);
      Index next = new Index(config, gen);
      for (EnrichedGame g : games) {
        next.put(g);
      }
      for (int s = 0; s < next.slots; s++) {
        next.addPostings(s);
      }
      Map<Long, SimilarGames> byId = new HashMap<>();
      for (SimilarGames l : lists) {
        byId.put(l.gameId(), l);
      }
      Scorer sc = new Scorer(next);
      int[] outS = new int[next.k];
      int[] outV = new int[next.k];
      for (int s = 0; s < next.slots; s++) {
        SimilarGames l = byId.get(next.ids[s]);
        int n = 0;
        if (l != null && l.similar().size() >= next.watermark) {
          sc.heapClear();
          for (SimilarGames.Entry e : l.similar()) {
            Integer y = next.slotOf.get(e.id());
            if (y != null && y != s && !next.variant[y]) {
              sc.heapOffer(next.dot(s, y), y);
            }
          }
          n = sc.heapSize >= next.watermark ? sc.heapDrain(outS, outV) : -1;
          sc.heapClear();
        } else {
          n = -1;
        }
        if (n < 0) {
          n = sc.fastList(s, outS, outV);
          next.setList(s, outS, outV, n);
        } else {
          next.setList(s, outS, outV, n, false);
        }
      }
      Set<Long> changed = changedAgainst(next);
      swap(next, gen.number());
      lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
      return new UpdateResult(changed, Set.of(), gen.number(), false);
    }
  }

  @Override
  public EngineState exportState() {
    synchronized (writeMutex) {
      lock.readLock().lock();
      try {
        Index ix = index;
        int n = ix.size();
        List<EnrichedGame> games = new ArrayList<>(n);
        long[][] ids = new long[n][];
        int[][] scores = new int[n][];
        int[][] vecTerms = new int[n][];
        short[][] vecWeights = new short[n][];
        boolean[] complete = new boolean[n];
        String[] terms = ix.termNames.toArray(new String[0]);
        for (int s = 0; s < ix.slots; s++) {
          if (!ix.live(s)) {
            continue;
          }
          int i = games.size();
          games.add(ix.docs[s]);
          vecTerms[i] = ix.vecTerms[s]; // replaced, never changed in place: safe to share
          vecWeights[i] = ix.vecWeights[s];
          int size = ix.listSize[s];
          ids[i] = new long[size];
          for (int j = 0; j < size; j++) {
            ids[i][j] = ix.ids[ix.listSlots[s][j]];
          }
          scores[i] = Arrays.copyOf(ix.listScores[s], size);
          complete[i] = ix.complete[s];
        }
        return new EngineState(
            ix.generation,
            changesSinceGeneration,
            games,
            ids,
            scores,
            terms,
            vecTerms,
            vecWeights,
            complete);
      } finally {
        lock.readLock().unlock();
      }
    }
  }

  @Override
  public UpdateResult importState(EngineState state) {
    synchronized (writeMutex) {
      cancelPendingBuild();
      long start = System.nanoTime();
      IdfGeneration gen = state.generation();
      Index next = new Index(config, gen);
      List<EnrichedGame> docs = state.games();
      List<List<Vectorizer.Weighted>> vectors;
      if (state.hasVectors()) {
        importBulk(next, state);
        long t1 = System.nanoTime();
        Set<Long> changed = changedAgainst(next);
        long t2 = System.nanoTime();
        swap(next, gen.number());
        if (Boolean.getBoolean("recommender.debug")) {
          System.err.printf(
              "import: bulk %.2f s, changed %.2f s, track+swap %.2f s%n",
              (t1 - start) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
        }
        changesSinceGeneration = state.changesSinceGeneration();
        lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
        return new UpdateResult(changed, Set.of(), gen.number(), false);
      }
      vectors = parallel(docs, g -> next.vectorizer.vector(g, gen));
      for (int i = 0; i < docs.size(); i++) {
        if (next.slotOf.containsKey(docs.get(i).id())) {
          throw new IllegalArgumentException("game " + docs.get(i).id() + " appears twice");
        }
        next.put(docs.get(i), vectors.get(i));
      }
      for (int s = 0; s < next.slots; s++) {
        next.addPostings(s);
      }
      int[] members = new int[next.k];
      int[] scores = new int[next.k];
      for (int i = 0; i < docs.size(); i++) {
        long[] ids = state.listIds()[i];
        if (ids.length > next.k || state.listScores()[i].length != ids.length) {
          throw new IllegalArgumentException(
              "list of game "
                  + docs.get(i).id()
                  + " has "
                  + ids.length
                  + " entries, K' is "
                  + next.k);
        }
        for (int j = 0; j < ids.length; j++) {
          Integer y = next.slotOf.get(ids[j]);
          if (y == null) {
            throw new IllegalArgumentException(
                "list of game " + docs.get(i).id() + " names unknown game " + ids[j]);
          }
          members[j] = y;
          scores[j] = state.listScores()[i][j];
        }
        next.setList(
            next.slotOf.get(docs.get(i).id()), members, scores, ids.length, state.complete(i));
      }
      Set<Long> changed = changedAgainst(next);
      swap(next, gen.number());
      changesSinceGeneration = state.changesSinceGeneration();
      lastBuildMillis = (System.nanoTime() - start) / 1_000_000;
      return new UpdateResult(changed, Set.of(), gen.number(), false);
    }
  }

  /**
   * Loads a state with vectors into an empty index in bulk: term ids in the state's order (so its
   * vectors are reused as they are when sorted), vectors, name keys and list members resolved on
   * the build threads, slots and postings in one pass, lists written directly.
   */
  private void importBulk(Index next, EngineState state) {
    long t0 = System.nanoTime();
    List<EnrichedGame> docs = state.games();
    int n = docs.size();
    String[] terms = state.terms();
    int[] map = new int[terms.length];
    boolean identity = true;
    for (int i = 0; i < terms.length; i++) {
      map[i] = next.termId(terms[i]);
      identity &= map[i] == i;
    }
    boolean sameOrder = identity;
    int[][] vt = new int[n][];
    short[][] vw = new short[n][];
    String[] keys = new String[n];
    parallelRange(
        n,
        i -> {
          int[] t = state.vecTerms()[i];
          short[] w = state.vecWeights()[i];
          if (t.length != w.length) {
            throw new IllegalArgumentException(
                "vector of game " + docs.get(i).id() + " has mismatched terms and weights");
          }
          boolean sorted = sameOrder;
          for (int j = 1; sorted && j < t.length; j++) {
            sorted = t[j - 1] < t[j];
          }
          if (sorted) {
            vt[i] = t;
            vw[i] = w;
          } else {
            long[] k = new long[t.length];
            for (int j = 0; j < t.length; j++) {
              k[j] = ((long) map[t[j]] << 32) | j;
            }
            Arrays.sort(k);
            int[] st = new int[t.length];
            short[] sw = new short[t.length];
            for (int j = 0; j < t.length; j++) {
              st[j] = (int) (k[j] >>> 32);
              sw[j] = w[(int) k[j]];
            }
            vt[i] = st;
            vw[i] = sw;
          }
          keys[i] = Index.nameKey(docs.get(i));
        });
    next.ensureSlots(n);
    parallelRange(
        n,
        i -> {
          next.listSlots[i] = new int[next.k];
          next.listScores[i] = new int[next.k];
        });
    for (int i = 0; i < n; i++) {
      EnrichedGame g = docs.get(i);
      if (next.slotOf.containsKey(g.id())) {
        throw new IllegalArgumentException("game " + g.id() + " appears twice");
      }
      int slot = next.put(g, vt[i], vw[i], null);
      if (slot != i) {
        throw new IllegalStateException("bulk import expects slot " + i + ", got " + slot);
      }
    }
    // names: sorted on the build threads, then a linear-time TreeMap build
    @SuppressWarnings("unchecked")
    Map.Entry<String, Long>[] named = new Map.Entry[n];
    for (int i = 0; i < n; i++) {
      named[i] = new java.util.AbstractMap.SimpleImmutableEntry<>(keys[i], next.ids[i]);
    }
    Arrays.parallelSort(named, Map.Entry.comparingByKey());
    next.names.putAll(new SortedEntries(named));
    long tPut = System.nanoTime();
    for (int s = 0; s < n; s++) {
      next.addPostings(s);
    }
    long tPost = System.nanoTime();
    // id -> slot, open addressing, read by the build threads
    int cap = Integer.highestOneBit(Math.max(2, n) * 2) * 2;
    long[] hk = new long[cap];
    int[] hv = new int[cap];
    Arrays.fill(hv, -1);
    for (int i = 0; i < n; i++) {
      long id = next.ids[i];
      int h = (int) (mix(id) & (cap - 1));
      while (hv[h] >= 0) {
        h = (h + 1) & (cap - 1);
      }
      hk[h] = id;
      hv[h] = i;
    }
    parallelRange(
        n,
        i -> {
          long[] l = state.listIds()[i];
          int[] sc = state.listScores()[i];
          if (l.length > next.k || sc.length != l.length) {
            throw new IllegalArgumentException(
                "list of game "
                    + docs.get(i).id()
                    + " has "
                    + l.length
                    + " entries, K' is "
                    + next.k);
          }
          int[] out = next.listSlots[i];
          for (int j = 0; j < l.length; j++) {
            int h = (int) (mix(l[j]) & (cap - 1));
            while (hv[h] >= 0 && hk[h] != l[j]) {
              h = (h + 1) & (cap - 1);
            }
            if (hv[h] < 0) {
              throw new IllegalArgumentException(
                  "list of game " + docs.get(i).id() + " names unknown game " + l[j]);
            }
            out[j] = hv[h];
          }
          System.arraycopy(sc, 0, next.listScores[i], 0, l.length);
          next.listSize[i] = l.length;
          next.complete[i] = state.complete(i);
        });
    long tLists = System.nanoTime();
    // reverse lists: exact sizes first, then each thread fills the members of its own slot range
    int[] revCount = new int[n];
    for (int s = 0; s < n; s++) {
      int[] l = next.listSlots[s];
      for (int j = 0; j < next.listSize[s]; j++) {
        revCount[l[j]]++;
      }
    }
    for (int m = 0; m < n; m++) {
      next.rev[m] = new int[Math.max(4, revCount[m])];
    }
    int parts = Math.max(1, Math.min(config.threads(), n / 1000 + 1));
    int span = (n + parts - 1) / parts;
    parallelRange(
        parts,
        p -> {
          int lo = p * span;
          int hi = Math.min(n, lo + span);
          for (int s = 0; s < n; s++) {
            int[] l = next.listSlots[s];
            for (int j = 0; j < next.listSize[s]; j++) {
              int m = l[j];
              if (m >= lo && m < hi) {
                next.rev[m][next.revSize[m]++] = s;
              }
            }
          }
        },
        1);
    if (Boolean.getBoolean("recommender.debug")) {
      System.err.printf(
          "import: terms+vectors+puts %.2f s, postings %.2f s, lists %.2f s, reverse %.2f s%n",
          (tPut - t0) / 1e9,
          (tPost - tPut) / 1e9,
          (tLists - tPost) / 1e9,
          (System.nanoTime() - tLists) / 1e9);
    }
  }

  /** Sorted entries as a SortedMap, just enough for TreeMap's linear-time putAll. */
  private static final class SortedEntries extends java.util.AbstractMap<String, Long>
      implements java.util.SortedMap<String, Long> {
    private final Map.Entry<String, Long>[] entries;

    SortedEntries(Map.Entry<String, Long>[] entries) {
      this.entries = entries;
    }

    @Override
    public Set<Map.Entry<String, Long>> entrySet() {
      return new java.util.AbstractSet<>() {
        @Override
        public java.util.Iterator<Map.Entry<String, Long>> iterator() {
          return Arrays.asList(entries).iterator();
        }

        @Override
        public int size() {
          return entries.length;
        }
      };
    }

    @Override
    public int size() {
      return entries.length;
    }

    @Override
    public Comparator<? super String> comparator() {
      return null;
    }

    @Override
    public java.util.SortedMap<String, Long> subMap(String from, String to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.util.SortedMap<String, Long> headMap(String to) {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.util.SortedMap<String, Long> tailMap(String from) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String firstKey() {
      return entries[0].getKey();
    }

    @Override
    public String lastKey() {
      return entries[entries.length - 1].getKey();
    }
  }

  private static long mix(long id) {
    long h = id * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  /** Runs body(i) for i in [0, n) on the build threads; rethrows the first failure. */
  private void parallelRange(int n, java.util.function.IntConsumer body) {
    parallelRange(n, body, 1000);
  }

  private void parallelRange(int n, java.util.function.IntConsumer body, int perThread) {
    int threads =
        Math.max(1, Math.min(config.threads(), n / perThread + (n % perThread > 0 ? 1 : 0)));
    if (threads == 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("recommender-import"));
    try {
      List<Future<?>> futures = new ArrayList<>();
      int chunk = (n + threads - 1) / threads;
      for (int t = 0; t < threads; t++) {
        int from = t * chunk;
        int to = Math.min(n, from + chunk);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = from; i < to; i++) {
                    body.accept(i);
                  }
                }));
      }
      for (Future<?> fu : futures) {
        fu.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("import failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  // ================================================================== reads

  private static Scorer readerScorer(Index ix) {
    return new Scorer(ix);
  }

  @Override
  public Optional<EnrichedGame> game(long id) {
    lock.readLock().lock();
    try {
      Integer s = index.slotOf.get(id);
      return s == null ? Optional.empty() : Optional.of(index.docs[s]);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int size() {
    return index.size();
  }

  @Override
  public List<ScoredGame> similar(long id, Query filters, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    lock.readLock().lock();
    try {
      Index ix = index;
      Integer slot = ix.slotOf.get(id);
      if (slot == null) {
        throw new NoSuchElementException("unknown game " + id);
      }
      int x = slot;
      Filter f = new Filter(filters, List.of(ix.docs[x]));
      List<ScoredGame> out = new ArrayList<>();
      if (!filters.includeVariants() && limit <= ix.k) {
        for (int i = 0; i < ix.listSize[x] && out.size() < limit; i++) {
          int y = ix.listSlots[x][i];
          if (f.accept(ix.docs[y])) {
            out.add(result(ix, x, y, ix.listScores[x][i]));
          }
        }
        if (out.size() == limit || ix.complete[x]) {
          return out;
        }
      }
      // exact query over the whole index with the filters
      Scorer sc = readerScorer(ix);
      sc.scoreAll(x);
      int[] cand = new int[sc.touchedSize];
      int[] candScore = new int[ix.slots];
      int c = 0;
      for (int i = 0; i < sc.touchedSize; i++) {
        int y = sc.touched[i];
        if (y != x && (filters.includeVariants() || !ix.variant[y])) {
          cand[c++] = y;
          candScore[y] = sc.acc[y];
        }
      }
      sc.reset();
      Integer[] order = new Integer[c];
      for (int i = 0; i < c; i++) {
        order[i] = cand[i];
      }
      Arrays.sort(order, (a, b) -> ix.better(candScore[a], a, candScore[b], b) ? -1 : 1);
      f = new Filter(filters, List.of(ix.docs[x]));
      out.clear();
      for (int i = 0; i < c && out.size() < limit; i++) {
        int y = order[i];
        if (f.accept(ix.docs[y])) {
          out.add(result(ix, x, y, candScore[y]));
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private ScoredGame result(Index ix, int x, int y, int score) {
    return new ScoredGame(
        ix.ids[y], ix.docs[y].name(), score / Vectorizer.SCORE_SCALE, reasons(ix, x, y));
  }

  /** The shared terms with the largest contributions to the dot product, best first. */
  private List<String> reasons(Index ix, int a, int b) {
    int[] ta = ix.vecTerms[a];
    int[] tb = ix.vecTerms[b];
    short[] wa = ix.vecWeights[a];
    short[] wb = ix.vecWeights[b];
    List<long[]> common = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < ta.length && j < tb.length) {
      if (ta[i] == tb[j]) {
        common.add(new long[] {(long) wa[i] * wb[j], ta[i]});
        i++;
        j++;
      } else if (ta[i] < tb[j]) {
        i++;
      } else {
        j++;
      }
    }
    return topTerms(ix, common);
  }

  private List<String> topTerms(Index ix, List<long[]> contributions) {
    contributions.sort(
        Comparator.<long[]>comparingLong(c -> -c[0])
            .thenComparing(c -> ix.termNames.get((int) c[1])));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < contributions.size() && out.size() < config.reasons(); i++) {
      if (contributions.get(i)[0] > 0) {
        out.add(ix.termNames.get((int) contributions.get(i)[1]));
      }
    }
    return out;
  }

  @Override
  public List<ScoredGame> recommend(
      Collection<Long> liked, Collection<Long> disliked, Query filters, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    lock.readLock().lock();
    try {
      Index ix = index;
      Map<Integer, Double> q = new HashMap<>();
      Set<Integer> exclude = new HashSet<>();
      List<EnrichedGame> likedDocs = new ArrayList<>();
      for (long id : liked) {
        Integer s = ix.slotOf.get(id);
        if (s != null) {
          exclude.add(s);
          likedDocs.add(ix.docs[s]);
          addVector(ix, s, 1.0, q);
        }
      }
      for (long id : disliked) {
        Integer s = ix.slotOf.get(id);
        if (s != null) {
          exclude.add(s);
          addVector(ix, s, -config.dislikeWeight(), q);
        }
      }
      if (likedDocs.isEmpty()) {
        return List.of();
      }
      Map<Integer, Double> acc = new HashMap<>();
      for (var e : q.entrySet()) {
        int t = e.getKey();
        double w = e.getValue();
        int[] ps = ix.postSlots[t];
        short[] pw = ix.postWeights[t];
        for (int j = 0; j < ix.postSize[t]; j++) {
          acc.merge(ps[j], w * pw[j], Double::sum);
        }
      }
      Filter f = new Filter(filters, likedDocs);
      List<Map.Entry<Integer, Double>> ranked = new ArrayList<>();
      for (var e : acc.entrySet()) {
        int y = e.getKey();
        if (e.getValue() > 0
            && !exclude.contains(y)
            && (filters.includeVariants() || !ix.variant[y])) {
          ranked.add(e);
        }
      }
      ranked.sort(
          (a, b) -> {
            int c = Double.compare(b.getValue(), a.getValue());
            return c != 0 ? c : Long.compare(ix.ids[a.getKey()], ix.ids[b.getKey()]);
          });
      double norm = 0;
      for (double w : q.values()) {
        norm += w * w;
      }
      norm = Math.sqrt(norm) * Vectorizer.SCALE;
      List<ScoredGame> out = new ArrayList<>();
      for (var e : ranked) {
        if (out.size() == limit) {
          break;
        }
        int y = e.getKey();
        if (!f.accept(ix.docs[y])) {
          continue;
        }
        List<long[]> contributions = new ArrayList<>();
        int[] ty = ix.vecTerms[y];
        short[] wy = ix.vecWeights[y];
        for (int i = 0; i < ty.length; i++) {
          Double w = q.get(ty[i]);
          if (w != null && w > 0) {
            contributions.add(new long[] {Math.round(w * wy[i]), ty[i]});
          }
        }
        out.add(
            new ScoredGame(
                ix.ids[y], ix.docs[y].name(), e.getValue() / norm, topTerms(ix, contributions)));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private static void addVector(Index ix, int s, double factor, Map<Integer, Double> q) {
    int[] t = ix.vecTerms[s];
    short[] w = ix.vecWeights[s];
    for (int i = 0; i < t.length; i++) {
      q.merge(t[i], factor * w[i] / Vectorizer.SCALE, Double::sum);
    }
  }

  @Override
  public Optional<SimilarGames> list(long id) {
    lock.readLock().lock();
    try {
      Index ix = index;
      Integer s = ix.slotOf.get(id);
      return s == null ? Optional.empty() : Optional.of(toContract(ix, s));
    } finally {
      lock.readLock().unlock();
    }
  }

  private SimilarGames toContract(Index ix, int x) {
    List<SimilarGames.Entry> entries = new ArrayList<>(ix.listSize[x]);
    for (int i = 0; i < ix.listSize[x]; i++) {
      int y = ix.listSlots[x][i];
      entries.add(
          new SimilarGames.Entry(
              ix.ids[y],
              ix.docs[y].name(),
              ix.listScores[x][i] / Vectorizer.SCORE_SCALE,
              reasons(ix, x, y)));
    }
    return new SimilarGames(ix.ids[x], ix.generation.number(), entries);
  }

  /** The stored list as ids only, best first (cheap; for tests and benchmarks). */
  public long[] listIds(long id) {
    lock.readLock().lock();
    try {
      Index ix = index;
      Integer s = ix.slotOf.get(id);
      if (s == null) {
        return new long[0];
      }
      long[] out = new long[ix.listSize[s]];
      for (int i = 0; i < out.length; i++) {
        out[i] = ix.ids[ix.listSlots[s][i]];
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The top-K' list of a game computed by one full exact inverted-index query, ignoring the stored
   * list: the naive method, for checks and for estimating the naive full-build cost.
   */
  public long[] naiveListIds(long id) {
    lock.readLock().lock();
    try {
      Index ix = index;
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
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The stored list's integer scores, best first (for exact comparisons in tests). */
  public int[] listScores(long id) {
    lock.readLock().lock();
    try {
      Index ix = index;
      Integer s = ix.slotOf.get(id);
      return s == null ? new int[0] : Arrays.copyOf(ix.listScores[s], ix.listSize[s]);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Ids of all indexed games. */
  public List<Long> ids() {
    lock.readLock().lock();
    try {
      return new ArrayList<>(index.slotOf.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<SimilarGames> snapshot() {
    lock.readLock().lock();
    try {
      Index ix = index;
      List<SimilarGames> out = new ArrayList<>(ix.size());
      for (int s = 0; s < ix.slots; s++) {
        if (ix.live(s)) {
          out.add(toContract(ix, s));
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<EnrichedGame> searchByName(String prefix, int limit) {
    lock.readLock().lock();
    try {
      Index ix = index;
      String p = prefix == null ? "" : prefix.toLowerCase(java.util.Locale.ROOT);
      List<EnrichedGame> out = new ArrayList<>();
      for (Long id : ix.names.subMap(p, p + Character.MAX_VALUE).values()) {
        if (out.size() >= limit) {
          break;
        }
        out.add(ix.docs[ix.slotOf.get(id)]);
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Average work of the pruned upsert query so far (for benchmarks). */
  public String upsertWorkSummary() {
    synchronized (writeMutex) {
      Scorer sc = writer.sc;
      double q = Math.max(1, sc.statUpserts);
      return String.format(
          "per upsert: light postings %.0f, exact dots %.0f, heavy postings scanned %.0f,"
              + " bucket entries %.0f",
          sc.statUpsertLight / q,
          sc.statUpsertDots / q,
          sc.statUpsertScanned / q,
          sc.statUpsertBucket / q);
    }
  }

  @Override
  public long idfGeneration() {
    return index.generation.number();
  }

  @Override
  public EngineStats stats() {
    lock.readLock().lock();
    try {
      Index ix = index;
      return new EngineStats(
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
          fallbacks);
    } finally {
      lock.readLock().unlock();
    }
  }
}
