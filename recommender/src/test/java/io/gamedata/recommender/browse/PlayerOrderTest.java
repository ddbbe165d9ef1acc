package io.gamedata.recommender.browse;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.ScoredGame;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlayerOrderTest {

  static ScoredGame scored(long id, double score) {
    return new ScoredGame(id, "g" + id, score, List.of());
  }

  @Test
  void equalScoresGoByRatingsThenRatingThenReleaseThenId() {
    Map<Long, EnrichedGame> docs =
        Map.of(
            1L, EnrichedGame.builder(1).totalRatingCount(10).totalRating(90.0).build(),
            2L, EnrichedGame.builder(2).totalRatingCount(500).totalRating(70.0).build(),
            3L, EnrichedGame.builder(3).totalRatingCount(500).totalRating(80.0).build(),
            4L, EnrichedGame.builder(4).releaseYear(2001).build(),
            5L,
                EnrichedGame.builder(5)
                    .firstReleaseDate(Instant.parse("2019-05-01T00:00:00Z"))
                    .build(),
            6L, EnrichedGame.builder(6).build(),
            7L, EnrichedGame.builder(7).build(),
            8L, EnrichedGame.builder(8).ratingCount(3).rating(50.0).build(),
            9L, EnrichedGame.builder(9).totalRatingCount(999).build());
    List<ScoredGame> engineOrder =
        List.of(
            scored(9, 0.9), // alone at its score: stays first
            scored(1, 0.5),
            scored(2, 0.5),
            scored(3, 0.5),
            scored(4, 0.5),
            scored(5, 0.5),
            scored(6, 0.5),
            scored(7, 0.5),
            scored(8, 0.5),
            scored(42, 0.5), // its document is gone: last of its score
            scored(10, 0.1));
    List<Long> ids =
        PlayerOrder.apply(engineOrder, id -> Optional.ofNullable(docs.get(id))).stream()
            .map(ScoredGame::id)
            .toList();
    assertThat(ids).containsExactly(9L, 3L, 2L, 1L, 8L, 5L, 4L, 6L, 7L, 42L, 10L);
  }
}
