package io.gamedata.recommender.engine;

import java.util.List;

/**
 * One result: a game, its cosine similarity to the query (0..1 for a single game; a liked/disliked
 * query may give any sign) and the shared terms that contributed most, best first (e.g. {@code
 * franchise:Halo}, {@code genre:Shooter}).
 */
public record ScoredGame(long id, String name, double score, List<String> reasons) {
  public ScoredGame {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }
}
