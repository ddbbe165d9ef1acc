package io.gamedata.recommender.engine.update;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.build.FullBuild;
import io.gamedata.recommender.engine.build.Parallel;
import io.gamedata.recommender.engine.index.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Builds the next IDF generation off the write path: a full build of a snapshot of the documents on
 * one thread fewer than the engine's (the writer keeps its core), which then replays the writes
 * made meanwhile as they come, so that installing it ({@link #take}) replays only the last few.
 * Called by the engine's single writer (under its write mutex); the build runs on its own thread.
 */
public final class GenerationBuilder {

  /** A finished generation: its writer (holding the index) and what it took. */
  public record Built(IndexWriter writer, long changes, long buildMillis, long fallbacks) {}

  /** One logged write (doc null = delete). */
  private record Write(long id, EnrichedGame doc) {}

  private final EngineConfig config;
  private final LongAdder refills;
  private ExecutorService executor;

  /** The generation being built, or null. */
  private Future<Built> pending;

  /**
   * Writes since the pending build's snapshot, in order: the build's thread replays them on the new
   * index as they come, {@link #take} replays the rest.
   */
  private ConcurrentLinkedQueue<Write> sincePending;

  /** Tests: when set, builds wait for it before they finish. */
  private volatile CountDownLatch hold;

  /**
   * @param refills the engine's refill counter (the replayed writes refill lists too)
   */
  public GenerationBuilder(EngineConfig config, LongAdder refills) {
    this.config = config;
    this.refills = refills;
  }

  /** True while a generation is being built (or built and not taken yet). */
  public boolean pending() {
    return pending != null;
  }

  /** Starts building generation {@code number} from the documents of {@code current}. */
  public void start(Index current, long number) {
    List<EnrichedGame> docs = new ArrayList<>(current.size());
    for (int s = 0; s < current.slots; s++) {
      if (current.live(s)) {
        docs.add(current.docs[s]);
      }
    }
    if (executor == null) {
      executor = Executors.newSingleThreadExecutor(Parallel.daemon("recommender-idf-generation"));
    }
    var log = new ConcurrentLinkedQueue<Write>();
    sincePending = log;
    pending =
        executor.submit(
            () -> {
              long start = System.nanoTime();
              FullBuild build = new FullBuild(config, Math.max(1, config.threads() - 1));
              Index next = build.index(docs, build.generation(docs, number));
              var h = hold;
              if (h != null) {
                h.await();
              }
              long millis = (System.nanoTime() - start) / 1_000_000;
              // catch up with the writes made meanwhile, so the swap replays only the last few
              next.pruning.track();
              IndexWriter w = new IndexWriter(next, refills);
              long changes = 0;
              for (Write x = log.poll(); x != null; x = log.poll()) {
                changes += replay(w, x);
              }
              return new Built(w, changes, millis, build.fallbacks());
            });
  }

  /** Logs a write applied to the current generation, for the one being built (if any). */
  public void log(long id, EnrichedGame docOrNullForDelete) {
    if (sincePending != null) {
      sincePending.add(new Write(id, docOrNullForDelete));
    }
  }

  /** Drops the generation being built (a full build or an import replaces everything). */
  public void cancel() {
    if (pending != null) {
      pending.cancel(true);
      pending = null;
      sincePending = null;
    }
  }

  /**
   * The built generation with every logged write replayed, once its build has finished (with {@code
   * wait}: after waiting for it); null when there is none or it is not finished. A failed build is
   * dropped (the old generation stays, exact under its IDF) and rethrown.
   */
  public Built take(boolean wait) {
    if (pending == null || (!wait && !pending.isDone())) {
      return null;
    }
    Built built;
    try {
      built = pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the IDF generation", e);
    } catch (ExecutionException e) {
      // keep serving the old generation (exact under it); a later write tries again
      pending = null;
      sincePending = null;
      throw new IllegalStateException("building the new IDF generation failed", e.getCause());
    }
    var log = sincePending;
    pending = null;
    sincePending = null;
    // the writes logged after the build's thread caught up (no write comes in: the writer waits)
    long changes = built.changes();
    for (Write x = log.poll(); x != null; x = log.poll()) {
      changes += replay(built.writer(), x);
    }
    return new Built(built.writer(), changes, built.buildMillis(), built.fallbacks());
  }

  /** Applies a logged write to the new generation; 1 when it was a change (not a touch). */
  private static long replay(IndexWriter w, Write x) {
    if (x.doc() == null) {
      return w.delete(x.id()).removedGames().isEmpty() ? 0 : 1;
    }
    w.upsert(x.doc());
    return w.lastWasTouch() ? 0 : 1;
  }

  /** Tests: builds wait for {@code latch} before they finish. */
  public void holdBuildsUntil(CountDownLatch latch) {
    hold = latch;
  }
}
