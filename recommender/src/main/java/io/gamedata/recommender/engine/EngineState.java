package io.gamedata.recommender.engine;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.util.List;

/**
 * Everything an engine needs to come back without scoring anything: its documents, the frozen IDF
 * generation they are weighted under, how many changes were applied since that generation froze
 * (the drift counter), and every game's stored top-K' list as member ids and integer scores, best
 * first ({@code listIds[i]} and {@code listScores[i]} belong to {@code games.get(i)}). Taken by
 * {@link SimilarityEngine#exportState()}, loaded by {@link SimilarityEngine#importState}.
 *
 * <p>Optionally the games' quantised vectors ({@code vecTerms[i]} indexes into {@code terms},
 * {@code vecWeights[i]} the integer weights): a pure function of document, generation and settings,
 * carried so that a load does not have to extract and weigh every document again. All three null =
 * recompute them.
 *
 * @param generation the IDF generation in force
 * @param changesSinceGeneration documents added, changed or deleted since it froze
 * @param games every indexed document, ids unique
 * @param listIds per game, the ids of its list members, best first
 * @param listScores per game, the members' integer scores (see {@link
 *     io.gamedata.recommender.engine.vector.Vectorizer#SCORE_SCALE})
 * @param terms term dictionary of the vectors (or null)
 * @param vecTerms per game, its terms as indexes into {@code terms} (or null)
 * @param vecWeights per game, its quantised term weights (or null)
 * @param listComplete per game, whether its list holds every candidate (fewer than K' exist), so a
 *     new game enters it even after its tail; null = none is known complete (always safe: a list is
 *     then an exact prefix that a refill extends when needed)
 */
public record EngineState(
    IdfGeneration generation,
    long changesSinceGeneration,
    List<EnrichedGame> games,
    long[][] listIds,
    int[][] listScores,
    String[] terms,
    int[][] vecTerms,
    short[][] vecWeights,
    boolean[] listComplete) {

  /** A state without vectors (they are recomputed on import). */
  public EngineState(
      IdfGeneration generation,
      long changesSinceGeneration,
      List<EnrichedGame> games,
      long[][] listIds,
      int[][] listScores) {
    this(generation, changesSinceGeneration, games, listIds, listScores, null, null, null, null);
  }

  /** True when game {@code i}'s list is known to hold every candidate. */
  public boolean complete(int i) {
    return listComplete != null && listComplete[i];
  }

  /** True when the vectors are carried. */
  public boolean hasVectors() {
    return terms != null;
  }

  public EngineState {
    if (listIds.length != games.size() || listScores.length != games.size()) {
      throw new IllegalArgumentException(
          "lists do not match the games: "
              + games.size()
              + " games, "
              + listIds.length
              + " id lists, "
              + listScores.length
              + " score lists");
    }
    if ((terms == null) != (vecTerms == null) || (terms == null) != (vecWeights == null)) {
      throw new IllegalArgumentException("terms, vecTerms and vecWeights go together");
    }
    if (listComplete != null && listComplete.length != games.size()) {
      throw new IllegalArgumentException("completeness flags do not match the games");
    }
    if (vecTerms != null
        && (vecTerms.length != games.size() || vecWeights.length != games.size())) {
      throw new IllegalArgumentException("vectors do not match the games");
    }
  }
}
