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
 * @param generation the IDF generation in force
 * @param changesSinceGeneration documents added, changed or deleted since it froze
 * @param games every indexed document, ids unique
 * @param listIds per game, the ids of its list members, best first
 * @param listScores per game, the members' integer scores (see {@link Vectorizer#SCORE_SCALE})
 */
public record EngineState(
    IdfGeneration generation,
    long changesSinceGeneration,
    List<EnrichedGame> games,
    long[][] listIds,
    int[][] listScores) {

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
  }
}
