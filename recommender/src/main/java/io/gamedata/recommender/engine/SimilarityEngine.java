package io.gamedata.recommender.engine;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.similar.SimilarGames;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An exact, incrementally maintained "games like this one" index.
 *
 * <p>Each game is a sparse, L2-normalised vector of namespaced terms weighted by field weight x IDF
 * (see {@link Field}, {@link EngineConfig}); similarity is cosine. For every game the engine keeps
 * its top list, best first, ties broken by lower id, variants ({@link GameKind#isVariant}) never
 * listed. Invariant: after any sequence of {@link #upsert} and {@link #delete}, every list is the
 * first {@code len} entries of what {@link #buildAll} computes from the same documents with the
 * same IDF generation (its top-K', {@link EngineConfig#listSize()}), with {@code len >=
 * min(watermark, that list's length)} ({@link EngineConfig#watermark()}): lists are refilled
 * lazily.
 *
 * <p>IDF is frozen in a <em>generation</em>: writes do not move the IDF of other games (which would
 * change every vector). {@link #settle} starts building a new generation in the background when
 * more than {@link EngineConfig#idfDriftThreshold()} of the catalogue (and at least {@link
 * EngineConfig#idfMinChanges()} games) changed since the freeze (a full build of a snapshot of the
 * documents, off the write path, which then replays the writes made meanwhile), and a later {@link
 * #settle} installs it atomically, after replaying the last writes (readers see the old state until
 * then, the new one after). Writes stay exact under the generation in force and never build or
 * install one; the writer chooses when by calling {@link #settle} (e.g. once caught up: a replica
 * loading a backlog does not rebuild on the way). A writer that never calls it keeps the first
 * generation.
 *
 * <p>Threading: any number of concurrent readers; writes ({@link #upsert}, {@link #delete}, {@link
 * #buildAll}, {@link #restore}) must come from one thread at a time (they are serialised
 * internally, but callers should not expect write throughput from several threads). Reads never
 * observe a half-applied write.
 */
public interface SimilarityEngine {

  /**
   * Replaces the whole content by these documents: freezes a new IDF generation from them, builds
   * every list with the fast exact all-pairs build, and returns its result (every game's list is
   * "changed").
   */
  UpdateResult buildAll(Collection<EnrichedGame> games);

  /**
   * Inserts or replaces one game (by id) and keeps every list exact. Returns which lists changed,
   * including the game's own list.
   */
  UpdateResult upsert(EnrichedGame game);

  /** Removes a game; unknown ids are a no-op with an empty result. */
  UpdateResult delete(long id);

  /**
   * Starts building a new IDF generation in the background when the drift threshold is crossed and
   * none is being built, and installs one whose build has finished (with {@code wait}: waits for a
   * build in progress first). Returns the lists that changed (every list whose ids or scores
   * differ) when a generation was installed, else an empty result. The writer calls it between
   * writes, when it wants generations to advance (writes never do).
   */
  UpdateResult settle(boolean wait);

  /** The stored document of a game. */
  Optional<EnrichedGame> game(long id);

  /** Number of games indexed. */
  int size();

  /**
   * The games most similar to one game, best first, with explanations. Uses the stored list when
   * the filters leave enough of it, else an exact query over the whole index with the filters.
   *
   * @throws java.util.NoSuchElementException when the game is unknown
   */
  List<ScoredGame> similar(long id, Query filters, int limit);

  /**
   * Recommendations for a user who liked and disliked some games: the sum of the liked vectors
   * minus {@link EngineConfig#dislikeWeight()} times the disliked ones, scored exactly against the
   * whole index; the liked and disliked games themselves are never returned. Unknown ids are
   * ignored.
   */
  List<ScoredGame> recommend(
      Collection<Long> liked, Collection<Long> disliked, Query filters, int limit);

  /**
   * Candidate generation for a re-ranker: the engine's exact top {@code n} games for a game, best
   * first (score, then lower id; variants left out, as in the stored lists), each with its score
   * and its per-field contributions ({@link Candidate}). Served from the stored list when it holds
   * {@code n} entries or every candidate, else by one exact query over the whole index; {@code n}
   * may exceed K'.
   *
   * @throws java.util.NoSuchElementException when the game is unknown
   * @throws IllegalArgumentException when {@code n < 0}
   */
  List<Candidate> candidates(long id, int n);

  /**
   * The stored top-K' list of a game as the {@code games.similar} contract value (all K' entries,
   * reasons included); empty when the game is unknown.
   */
  Optional<SimilarGames> list(long id);

  /** Every stored list, for a full republish (order unspecified). */
  List<SimilarGames> snapshot();

  /**
   * Rebuilds the index from the documents (new IDF generation) and takes the lists from {@code
   * lists} (e.g. read back from {@code games.similar}) instead of computing them: entries pointing
   * to unknown games are dropped, the rest are rescored under the new generation and re-sorted;
   * games with no restored list, or one shorter than the refill watermark, get an exact list.
   * Restored membership is trusted: exact only if the lists were complete K' lists of the same
   * documents. {@link #buildAll} is the always-exact alternative (fast enough at 350k games).
   */
  UpdateResult restore(Collection<EnrichedGame> games, Collection<SimilarGames> lists);

  /**
   * The whole state (documents, IDF generation, drift counter, every list as ids and integer
   * scores), consistent with one point between writes: for a local snapshot that {@link
   * #importState} loads without scoring.
   */
  EngineState exportState();

  /**
   * Replaces the content by an exported state of an engine with the same settings (field weights,
   * K', summary settings): vectors are recomputed under the saved generation, lists are taken as
   * saved (no scoring), the drift counter continues. The result equals the exporting engine's
   * state, so every answer is identical. Every game's list is reported changed (against the current
   * content).
   *
   * @throws IllegalArgumentException when a list is longer than K', names an unknown game, or ids
   *     repeat
   */
  UpdateResult importState(EngineState state);

  /** Case-insensitive name prefix search, by name then id. */
  List<EnrichedGame> searchByName(String prefix, int limit);

  /** The current IDF generation number. */
  long idfGeneration();

  /** Counters and sizes. */
  EngineStats stats();
}
