package io.gamedata.recommender.engine;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One candidate of a game from the engine's candidate generation ({@link
 * SimilarityEngine#candidates}): a game, its cosine similarity to the query game under the current
 * IDF generation (the engine's score, 0..1), and that score split by field: for every field with a
 * shared term, the sum of the shared terms' weight products. The contributions sum to the score (up
 * to floating-point rounding); a field without a shared term is absent.
 */
public record Candidate(long id, double score, Map<Field, Double> contributions) {

  public Candidate {
    contributions =
        contributions.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new EnumMap<>(contributions));
  }

  /** The contribution of one field (0 when the games share no term of it). */
  public double contribution(Field f) {
    return contributions.getOrDefault(f, 0.0);
  }
}
