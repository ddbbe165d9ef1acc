package io.gamedata.recommender.engine.query;

import io.gamedata.recommender.engine.Candidate;
import io.gamedata.recommender.engine.Field;
import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.index.Scorer;
import io.gamedata.recommender.engine.vector.FeatureExtractor;
import io.gamedata.recommender.engine.vector.Vectorizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Candidate generation for a re-ranker: a game's exact top-n by the engine's score (variants left
 * out, ties by lower id), each with its per-field contributions. From the stored list when it holds
 * n entries (an exact prefix of the top-K') or every candidate; else one exact query over the whole
 * index that keeps the n best in a heap.
 */
public final class CandidateQuery {

  private CandidateQuery() {}

  /**
   * @throws java.util.NoSuchElementException when the game is unknown
   */
  public static List<Candidate> run(Index ix, long id, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    int x = ix.requireSlot(id);
    List<Candidate> out = new ArrayList<>();
    if (n <= ix.listSize[x] || ix.complete[x]) {
      for (int i = 0; i < n && i < ix.listSize[x]; i++) {
        out.add(candidate(ix, x, ix.listSlots[x][i], ix.listScores[x][i]));
      }
      return out;
    }
    int most = Math.min(n, ix.size()); // no more candidates exist
    int[] slots = new int[most];
    int[] scores = new int[most];
    int count = new Scorer(ix, most).exactList(x, slots, scores);
    for (int i = 0; i < count; i++) {
      out.add(candidate(ix, x, slots[i], scores[i]));
    }
    return out;
  }

  /** Candidate y of x: its score and the dot product by field of the shared terms. */
  private static Candidate candidate(Index ix, int x, int y, int score) {
    long[] byField = new long[Field.values().length];
    ix.forSharedTerms(
        x,
        y,
        (term, product) ->
            byField[FeatureExtractor.fieldOf(ix.termNames.get(term)).ordinal()] += product);
    Map<Field, Double> contributions = new EnumMap<>(Field.class);
    for (Field f : Field.values()) {
      if (byField[f.ordinal()] != 0) {
        contributions.put(f, byField[f.ordinal()] / Vectorizer.SCORE_SCALE);
      }
    }
    return new Candidate(ix.ids[y], score / Vectorizer.SCORE_SCALE, contributions);
  }
}
