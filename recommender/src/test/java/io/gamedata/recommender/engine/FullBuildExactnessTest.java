package io.gamedata.recommender.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pruned full build gives, for every game, exactly the naive exact query's list. */
class FullBuildExactnessTest {

  @Test
  void everyBuiltListEqualsTheNaiveExactList() {
    for (long seed = 1; seed <= 6; seed++) {
      RandomGames gen = new RandomGames(seed);
      List<EnrichedGame> games = new ArrayList<>();
      for (long id = 1; id <= 400; id++) {
        games.add(gen.game(id));
      }
      // heavyDf 1: nearly every term heavy (the threshold-algorithm path, 64 heavy at most);
      // 8: a mix; 100000: no heavy term (light accumulation only); 0: the default (auto)
      for (int heavyDf : new int[] {1, 8, 100_000, 0}) {
        for (int k : new int[] {3, 10}) {
          EngineConfig cfg =
              EngineConfig.defaults()
                  .withListSize(k)
                  .withThreads(2)
                  .withHeavyTermDf(heavyDf)
                  .withIdfDriftThreshold(0);
          ExactSimilarityEngine e = new ExactSimilarityEngine(cfg);
          e.buildAll(games);
          for (EnrichedGame g : games) {
            assertThat(e.listIds(g.id()))
                .as("seed %d heavyDf %d k %d game %d", seed, heavyDf, k, g.id())
                .containsExactly(e.naiveListIds(g.id()));
          }
        }
      }
    }
  }
}
