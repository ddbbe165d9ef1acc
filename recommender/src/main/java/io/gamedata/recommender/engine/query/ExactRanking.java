package io.gamedata.recommender.engine.query;

import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.index.Scorer;
import java.util.Arrays;

/**
 * One exact query over the whole index: every game sharing a term with a slot (itself left out,
 * variants too unless asked for), best first (score, then lower id), with its integer score.
 */
final class ExactRanking {

  /** Slots best first. */
  final Integer[] order;

  /** Scores by slot (valid for the slots in {@link #order}). */
  final int[] score;

  private ExactRanking(Integer[] order, int[] score) {
    this.order = order;
    this.score = score;
  }

  static ExactRanking of(Index ix, int x, boolean includeVariants) {
    Scorer sc = new Scorer(ix);
    sc.scoreAll(x);
    int[] score = new int[ix.slots];
    Integer[] order = new Integer[sc.touchedSize];
    int c = 0;
    for (int i = 0; i < sc.touchedSize; i++) {
      int y = sc.touched[i];
      if (y != x && (includeVariants || !ix.variant[y])) {
        order[c++] = y;
        score[y] = sc.acc[y];
      }
    }
    sc.reset();
    order = Arrays.copyOf(order, c);
    Arrays.sort(order, (a, b) -> ix.better(score[a], a, score[b], b) ? -1 : 1);
    return new ExactRanking(order, score);
  }
}
