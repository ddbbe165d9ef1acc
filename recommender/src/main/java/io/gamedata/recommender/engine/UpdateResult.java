package io.gamedata.recommender.engine;

import java.util.Set;

/**
 * What one write did to the stored top-K' lists.
 *
 * @param changedLists ids of the games whose stored list changed (membership, order or score), the
 *     written game included; these are the lists a service republishes to {@code games.similar}
 * @param removedGames ids whose list no longer exists (the deleted game): publish a tombstone
 * @param idfGeneration the IDF generation in force after the write
 * @param generationSwapped true when {@link SimilarityEngine#settle} installed a new IDF
 *     generation: then every list was recomputed and {@code changedLists} holds every game whose
 *     list differs
 */
public record UpdateResult(
    Set<Long> changedLists, Set<Long> removedGames, long idfGeneration, boolean generationSwapped) {
  public UpdateResult {
    changedLists = Set.copyOf(changedLists);
    removedGames = Set.copyOf(removedGames);
  }
}
