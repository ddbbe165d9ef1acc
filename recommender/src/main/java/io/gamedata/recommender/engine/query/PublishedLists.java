package io.gamedata.recommender.engine.query;

import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.recommender.engine.index.Index;
import io.gamedata.recommender.engine.vector.Vectorizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stored lists as {@code games.similar} contract values (every K' entry, with reasons). */
public final class PublishedLists {

  private PublishedLists() {}

  /** The stored list of a game; empty when the game is unknown. */
  public static Optional<SimilarGames> of(Index ix, long id) {
    Integer s = ix.slotOf.get(id);
    return s == null ? Optional.empty() : Optional.of(toContract(ix, s));
  }

  /** Every stored list, in slot order. */
  public static List<SimilarGames> all(Index ix) {
    List<SimilarGames> out = new ArrayList<>(ix.size());
    for (int s = 0; s < ix.slots; s++) {
      if (ix.live(s)) {
        out.add(toContract(ix, s));
      }
    }
    return out;
  }

  private static SimilarGames toContract(Index ix, int x) {
    List<SimilarGames.Entry> entries = new ArrayList<>(ix.listSize[x]);
    for (int i = 0; i < ix.listSize[x]; i++) {
      int y = ix.listSlots[x][i];
      entries.add(
          new SimilarGames.Entry(
              ix.ids[y],
              ix.docs[y].name(),
              ix.listScores[x][i] / Vectorizer.SCORE_SCALE,
              Explanations.reasons(ix, x, y)));
    }
    return new SimilarGames(ix.ids[x], ix.generation.number(), entries);
  }
}
