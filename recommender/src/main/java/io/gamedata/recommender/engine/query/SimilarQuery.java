package io.gamedata.recommender.engine.query;

import io.gamedata.recommender.engine.Query;
import io.gamedata.recommender.engine.ScoredGame;
import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.vector.Vectorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The games most similar to one game, with filters: from the stored list when the filters leave
 * enough of it (or it holds every candidate), else one exact query over the whole index.
 */
public final class SimilarQuery {

  private SimilarQuery() {}

  /**
   * @throws NoSuchElementException when the game is unknown
   */
  public static List<ScoredGame> run(Index ix, long id, Query filters, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit);
    }
    int x = ix.requireSlot(id);
    Filter f = new Filter(filters, List.of(ix.docs[x]));
    List<ScoredGame> out = new ArrayList<>();
    if (!filters.includeVariants() && limit <= ix.k) {
      for (int i = 0; i < ix.listSize[x] && out.size() < limit; i++) {
        int y = ix.listSlots[x][i];
        if (f.accept(ix.docs[y])) {
          out.add(result(ix, x, y, ix.listScores[x][i]));
        }
      }
      if (out.size() == limit || ix.complete[x]) {
        return out;
      }
    }
    // exact query over the whole index with the filters
    ExactRanking ranking = ExactRanking.of(ix, x, filters.includeVariants());
    f = new Filter(filters, List.of(ix.docs[x]));
    out.clear();
    for (int i = 0; i < ranking.order.length && out.size() < limit; i++) {
      int y = ranking.order[i];
      if (f.accept(ix.docs[y])) {
        out.add(result(ix, x, y, ranking.score[y]));
      }
    }
    return out;
  }

  private static ScoredGame result(Index ix, int x, int y, int score) {
    return new ScoredGame(
        ix.ids[y],
        ix.docs[y].name(),
        score / Vectorizer.SCORE_SCALE,
        Explanations.reasons(ix, x, y));
  }
}
