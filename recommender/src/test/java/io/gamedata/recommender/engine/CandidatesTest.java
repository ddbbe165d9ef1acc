package io.gamedata.recommender.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.engine.vector.FeatureExtractor;
import io.gamedata.recommender.engine.vector.Vectorizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Candidate generation: the exact top-n by brute force over the engine's vectors, for n below, at
 * and above K', on built lists and on lists shortened by writes, with per-field contributions.
 */
class CandidatesTest {

  private static final int K = 6;

  private final EngineConfig cfg =
      EngineConfig.defaults()
          .withListSize(K)
          .withRefillBelow(2)
          .withThreads(2)
          .withIdfDriftThreshold(0);

  private record Expected(long id, long score, Map<Field, Long> byField) {}

  /** Every other listable game with a positive dot product, best first, split by field. */
  private static List<Expected> bruteForce(
      ExactSimilarityEngine e, Map<Long, EnrichedGame> docs, long query) {
    Vectorizer v = new Vectorizer(e.config());
    Map<String, Double> qv = new HashMap<>();
    v.vector(docs.get(query), e.generation()).forEach(w -> qv.put(w.term(), w.weight()));
    List<Expected> out = new ArrayList<>();
    for (EnrichedGame g : docs.values()) {
      if (g.id() == query || GameKind.isVariant(g)) {
        continue;
      }
      long score = 0;
      Map<Field, Long> byField = new EnumMap<>(Field.class);
      for (var w : v.vector(g, e.generation())) {
        Double q = qv.get(w.term());
        if (q != null) {
          long product = Math.round(q * w.weight());
          score += product;
          byField.merge(FeatureExtractor.fieldOf(w.term()), product, Long::sum);
        }
      }
      if (score > 0) {
        out.add(new Expected(g.id(), score, byField));
      }
    }
    out.sort(Comparator.comparingLong((Expected x) -> -x.score()).thenComparingLong(Expected::id));
    return out;
  }

  private void assertExact(ExactSimilarityEngine e, Map<Long, EnrichedGame> docs, String ctx) {
    for (long id : docs.keySet()) {
      List<Expected> all = bruteForce(e, docs, id);
      for (int n : new int[] {0, 1, K / 2, K, 3 * K, docs.size()}) {
        List<Candidate> got = e.candidates(id, n);
        List<Expected> expected = all.subList(0, Math.min(n, all.size()));
        assertThat(got)
            .extracting(Candidate::id)
            .as("%s: candidates of %d, n %d", ctx, id, n)
            .containsExactlyElementsOf(expected.stream().map(Expected::id).toList());
        for (int i = 0; i < got.size(); i++) {
          Candidate c = got.get(i);
          Expected x = expected.get(i);
          assertThat(c.score()).isEqualTo(x.score() / Vectorizer.SCORE_SCALE);
          assertThat(c.contributions().keySet()).isEqualTo(x.byField().keySet());
          for (Field f : Field.values()) {
            assertThat(c.contribution(f))
                .as("%s: field %s of %d in the candidates of %d", ctx, f, c.id(), id)
                .isEqualTo(x.byField().getOrDefault(f, 0L) / Vectorizer.SCORE_SCALE);
          }
          double sum = c.contributions().values().stream().mapToDouble(d -> d).sum();
          assertThat(sum).isCloseTo(c.score(), within(1e-12));
        }
      }
    }
  }

  @Test
  void candidatesAreTheExactTopNWithTheirFieldContributions() {
    for (long seed = 1; seed <= 3; seed++) {
      RandomGames gen = new RandomGames(seed);
      Map<Long, EnrichedGame> docs = new HashMap<>();
      for (long id = 1; id <= 70; id++) {
        docs.put(id, gen.game(id));
      }
      ExactSimilarityEngine e = new ExactSimilarityEngine(cfg);
      e.buildAll(docs.values());
      assertExact(e, docs, "seed " + seed + " build");
      // writes shorten lists (refilled only below the watermark): candidates stay exact
      Random r = new Random(seed);
      for (int i = 0; i < 40; i++) {
        long id = 1 + r.nextInt(80);
        if (i % 4 == 3) {
          docs.remove(id);
          e.delete(id);
        } else {
          EnrichedGame g = gen.game(id);
          docs.put(id, g);
          e.upsert(g);
        }
      }
      assertExact(e, docs, "seed " + seed + " after writes");
    }
  }

  @Test
  void unknownGamesAndNegativeSizesAreRejected() {
    RandomGames gen = new RandomGames(5);
    ExactSimilarityEngine e = new ExactSimilarityEngine(cfg);
    e.buildAll(List.of(gen.game(1), gen.game(2)));
    assertThatThrownBy(() -> e.candidates(99, 5))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("99");
    assertThatThrownBy(() -> e.candidates(1, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(e.candidates(1, 0)).isEmpty();
  }
}
