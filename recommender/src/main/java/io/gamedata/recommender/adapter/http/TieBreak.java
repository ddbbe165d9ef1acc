package io.gamedata.recommender.adapter.http;

import io.gamedata.recommender.browse.PlayerOrder;
import io.gamedata.recommender.engine.ScoredGame;
import io.gamedata.recommender.engine.SimilarityEngine;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Results of equal score in the player's order ({@link PlayerOrder}: more ratings, higher rating,
 * newer) instead of the engine's (lower id), also at the cut: one result more than asked is
 * fetched, and when it ties with the last one asked for, the tie's games up to {@code cheap} are
 * fetched and ordered before cutting. {@code cheap} is how many results cost no more than the ones
 * asked for (a similar-games query is served from the stored list up to K').
 */
final class TieBreak {

  private TieBreak() {}

  static List<ScoredGame> top(
      SimilarityEngine engine, IntFunction<List<ScoredGame>> fetch, int limit, int cheap) {
    int n = limit < cheap ? limit + 1 : limit;
    List<ScoredGame> found = fetch.apply(n);
    if (found.size() > limit
        && found.get(limit).score() == found.get(limit - 1).score()
        && cheap > n) {
      found = fetch.apply(cheap); // the tie runs past the cut
    }
    List<ScoredGame> ordered = PlayerOrder.apply(found, engine::game);
    return ordered.size() > limit ? ordered.subList(0, limit) : ordered;
  }
}
