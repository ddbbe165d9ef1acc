package io.gamedata.recommender.engine.state;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.IdfGeneration;
import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.index.Scorer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * An index of documents whose lists are taken from published {@code games.similar} values instead
 * of computed: members pointing to unknown games are dropped, the rest rescored under the new
 * generation and re-sorted; a game with no list, or one shorter than the refill watermark, gets an
 * exact list.
 */
public final class ListRestore {

  private ListRestore() {}

  public static Index index(
      EngineConfig config,
      IdfGeneration gen,
      Collection<EnrichedGame> games,
      Collection<SimilarGames> lists) {
    Index next = new Index(config, gen);
    for (EnrichedGame g : games) {
      next.put(g);
    }
    for (int s = 0; s < next.slots; s++) {
      next.addPostings(s);
    }
    Map<Long, SimilarGames> byId = new HashMap<>();
    for (SimilarGames l : lists) {
      byId.put(l.gameId(), l);
    }
    Scorer sc = new Scorer(next);
    int[] outS = new int[next.k];
    int[] outV = new int[next.k];
    for (int s = 0; s < next.slots; s++) {
      SimilarGames l = byId.get(next.ids[s]);
      int n = 0;
      if (l != null && l.similar().size() >= next.watermark) {
        sc.heapClear();
        for (SimilarGames.Entry e : l.similar()) {
          Integer y = next.slotOf.get(e.id());
          if (y != null && y != s && !next.variant[y]) {
            sc.heapOffer(next.dot(s, y), y);
          }
        }
        n = sc.heapSize >= next.watermark ? sc.heapDrain(outS, outV) : -1;
        sc.heapClear();
      } else {
        n = -1;
      }
      if (n < 0) {
        n = sc.fastList(s, outS, outV);
        next.setList(s, outS, outV, n);
      } else {
        next.setList(s, outS, outV, n, false);
      }
    }
    return next;
  }
}
