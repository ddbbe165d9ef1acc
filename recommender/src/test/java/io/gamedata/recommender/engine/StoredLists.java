package io.gamedata.recommender.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tests: what an engine stores at one point, read through its exported state. */
public final class StoredLists {

  private final List<Long> ids = new ArrayList<>();
  private final Map<Long, int[]> scores = new HashMap<>();

  private StoredLists(EngineState s) {
    for (int i = 0; i < s.games().size(); i++) {
      long id = s.games().get(i).id();
      ids.add(id);
      scores.put(id, s.listScores()[i]);
    }
  }

  public static StoredLists of(SimilarityEngine e) {
    return new StoredLists(e.exportState());
  }

  /** Ids of all indexed games. */
  public List<Long> ids() {
    return ids;
  }

  /** The stored list's integer scores of a game, best first (empty when unknown). */
  public int[] scores(long id) {
    return scores.getOrDefault(id, new int[0]);
  }
}
