package io.gamedata.recommender.engine.state;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.EngineState;
import io.gamedata.recommender.engine.index.Index;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Takes an index's whole state as an {@link EngineState} (documents, vectors, lists). */
public final class StateExport {

  private StateExport() {}

  /**
   * The state of {@code ix} (read under the engine's read lock: its arrays are copied or, for the
   * vectors, which are replaced and never changed in place, shared).
   */
  public static EngineState of(Index ix, long changesSinceGeneration) {
    int n = ix.size();
    List<EnrichedGame> games = new ArrayList<>(n);
    long[][] ids = new long[n][];
    int[][] scores = new int[n][];
    int[][] vecTerms = new int[n][];
    short[][] vecWeights = new short[n][];
    boolean[] complete = new boolean[n];
    String[] terms = ix.termNames.toArray(new String[0]);
    for (int s = 0; s < ix.slots; s++) {
      if (!ix.live(s)) {
        continue;
      }
      int i = games.size();
      games.add(ix.docs[s]);
      vecTerms[i] = ix.vecTerms[s]; // replaced, never changed in place: safe to share
      vecWeights[i] = ix.vecWeights[s];
      int size = ix.listSize[s];
      ids[i] = new long[size];
      for (int j = 0; j < size; j++) {
        ids[i][j] = ix.ids[ix.listSlots[s][j]];
      }
      scores[i] = Arrays.copyOf(ix.listScores[s], size);
      complete[i] = ix.complete[s];
    }
    return new EngineState(
        ix.generation,
        changesSinceGeneration,
        games,
        ids,
        scores,
        terms,
        vecTerms,
        vecWeights,
        complete);
  }
}
