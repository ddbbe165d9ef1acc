package io.gamedata.contracts.similar;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * The value of the compacted {@code games.similar} topic (key = game id): the game's current top-K
 * most similar games, best first, each with its cosine score and the shared terms that contributed
 * most ("reasons", e.g. {@code genre:Shooter}, {@code franchise:Halo}).
 *
 * @param idfGeneration the IDF generation the scores were computed with
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SimilarGames(long gameId, long idfGeneration, List<Entry> similar) {

  public SimilarGames {
    similar = similar == null ? List.of() : List.copyOf(similar);
  }

  /** One similar game. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Entry(long id, String name, double score, List<String> reasons) {
    public Entry {
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
  }
}
