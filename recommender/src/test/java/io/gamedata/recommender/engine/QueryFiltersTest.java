package io.gamedata.recommender.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.recommender.engine.vector.Vectorizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filters, caps, variants and explanations, checked against a brute-force ranking. */
class QueryFiltersTest {

  private final EngineConfig cfg =
      EngineConfig.defaults().withListSize(8).withThreads(2).withIdfDriftThreshold(0);

  private List<EnrichedGame> catalogue(long seed, int n) {
    RandomGames gen = new RandomGames(seed);
    List<EnrichedGame> games = new ArrayList<>();
    for (long id = 1; id <= n; id++) {
      games.add(gen.game(id));
    }
    return games;
  }

  /** Brute force: every other game's integer dot product under the engine's generation. */
  private static Map<Long, Integer> bruteScores(
      ExactSimilarityEngine e, List<EnrichedGame> games, EnrichedGame q) {
    Vectorizer v = new Vectorizer(e.config());
    Map<String, Double> qv = new HashMap<>();
    v.vector(q, e.generation()).forEach(w -> qv.put(w.term(), w.weight()));
    Map<Long, Integer> out = new HashMap<>();
    for (EnrichedGame g : games) {
      if (g.id() == q.id()) {
        continue;
      }
      double s = 0;
      for (var w : v.vector(g, e.generation())) {
        s += qv.getOrDefault(w.term(), 0.0) * w.weight();
      }
      if (s > 0) {
        out.put(g.id(), (int) s);
      }
    }
    return out;
  }

  private Query randomQuery(Random r) {
    Query.Builder b = Query.builder();
    if (r.nextBoolean()) {
      b.platforms(Set.of("P" + r.nextInt(4)));
    }
    if (r.nextInt(3) == 0) {
      b.minYear(1995 + r.nextInt(10));
    }
    if (r.nextInt(3) == 0) {
      b.maxYear(2005 + r.nextInt(10));
    }
    if (r.nextInt(4) == 0) {
      b.gameTypes(Set.of("Main Game"));
    }
    b.excludeSameFranchise(r.nextInt(3) == 0);
    b.excludeSameCollection(r.nextInt(3) == 0);
    b.maxPerFranchise(r.nextInt(3));
    b.includeVariants(r.nextInt(4) == 0);
    return b.build();
  }

  @Test
  void filteredResultsAreTheBruteForceRankingFilteredAndCapped() {
    for (long seed = 1; seed <= 4; seed++) {
      List<EnrichedGame> games = catalogue(seed, 120);
      Map<Long, EnrichedGame> byId = new HashMap<>();
      games.forEach(g -> byId.put(g.id(), g));
      ExactSimilarityEngine e = new ExactSimilarityEngine(cfg);
      e.buildAll(games);
      Random r = new Random(seed);
      for (int i = 0; i < 60; i++) {
        EnrichedGame q = games.get(r.nextInt(games.size()));
        Query f = randomQuery(r);
        int limit = 1 + r.nextInt(12);
        List<ScoredGame> got = e.similar(q.id(), f, limit);

        Map<Long, Integer> brute = bruteScores(e, games, q);
        List<Long> ranked = new ArrayList<>(brute.keySet());
        ranked.sort(
            Comparator.<Long>comparingInt(id -> -brute.get(id)).thenComparingLong(id -> id));
        List<Long> expected = new ArrayList<>();
        Map<String, Integer> perFranchise = new HashMap<>();
        for (long id : ranked) {
          EnrichedGame g = byId.get(id);
          if (expected.size() == limit) {
            break;
          }
          if (!f.includeVariants() && GameKind.isVariant(g)) {
            continue;
          }
          if (!f.platforms().isEmpty()
              && g.platforms().stream().noneMatch(f.platforms()::contains)) {
            continue;
          }
          Integer y = g.releaseYear();
          if ((f.minYear() != null && (y == null || y < f.minYear()))
              || (f.maxYear() != null && (y == null || y > f.maxYear()))) {
            continue;
          }
          if (!f.gameTypes().isEmpty() && !f.gameTypes().contains(g.gameType())) {
            continue;
          }
          if (f.excludeSameFranchise()
              && g.franchises().stream().anyMatch(q.franchises()::contains)) {
            continue;
          }
          if (f.excludeSameCollection()
              && g.collections().stream().anyMatch(q.collections()::contains)) {
            continue;
          }
          if (f.maxPerFranchise() > 0
              && g.franchises().stream()
                  .anyMatch(fr -> perFranchise.getOrDefault(fr, 0) >= f.maxPerFranchise())) {
            continue;
          }
          g.franchises().forEach(fr -> perFranchise.merge(fr, 1, Integer::sum));
          expected.add(id);
        }
        assertThat(got)
            .extracting(ScoredGame::id)
            .as("query %s %s", q.id(), f)
            .containsExactlyElementsOf(expected);
        // caps hold, scores are sorted
        Map<String, Integer> counts = new HashMap<>();
        for (ScoredGame s : got) {
          byId.get(s.id()).franchises().forEach(fr -> counts.merge(fr, 1, Integer::sum));
        }
        if (f.maxPerFranchise() > 0) {
          assertThat(counts.values()).allMatch(c -> c <= f.maxPerFranchise());
        }
        for (int k = 1; k < got.size(); k++) {
          assertThat(got.get(k).score()).isLessThanOrEqualTo(got.get(k - 1).score());
        }
      }
    }
  }

  @Test
  void explanationsNameRealSharedTermsBestFirst() {
    List<EnrichedGame> games = catalogue(7, 100);
    ExactSimilarityEngine e = new ExactSimilarityEngine(cfg);
    e.buildAll(games);
    Vectorizer v = new Vectorizer(cfg);
    Map<Long, Map<String, Double>> vectors = new HashMap<>();
    for (EnrichedGame g : games) {
      Map<String, Double> m = new HashMap<>();
      v.vector(g, e.generation()).forEach(w -> m.put(w.term(), w.weight()));
      vectors.put(g.id(), m);
    }
    int checked = 0;
    for (EnrichedGame q : games) {
      for (ScoredGame s : e.similar(q.id(), Query.DEFAULT, 5)) {
        assertThat(s.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(cfg.reasons());
        Map<String, Double> a = vectors.get(q.id());
        Map<String, Double> b = vectors.get(s.id());
        double previous = Double.MAX_VALUE;
        for (String term : s.reasons()) {
          assertThat(a).containsKey(term);
          assertThat(b).containsKey(term);
          double contribution = a.get(term) * b.get(term);
          assertThat(contribution).isLessThanOrEqualTo(previous);
          previous = contribution;
        }
        // no shared term outside the reasons contributes more than the last reason
        for (String term : a.keySet()) {
          if (b.containsKey(term) && !s.reasons().contains(term)) {
            assertThat(a.get(term) * b.get(term)).isLessThanOrEqualTo(previous);
          }
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void variantsStayOutOfListsAndDefaultResults() {
    List<EnrichedGame> games = new ArrayList<>(catalogue(3, 60));
    EnrichedGame base = games.get(0);
    EnrichedGame dlc =
        base.toBuilder().id(1000).gameTypeId(1L).gameType("DLC").parentGameId(base.id()).build();
    EnrichedGame edition = base.toBuilder().id(1001).versionParentId(base.id()).build();
    EnrichedGame bundle = base.toBuilder().id(1002).gameTypeId(3L).gameType("Bundle").build();
    games.addAll(List.of(dlc, edition, bundle));
    ExactSimilarityEngine e = new ExactSimilarityEngine(cfg);
    e.buildAll(games);
    Set<Long> variants = Set.of(1000L, 1001L, 1002L);
    for (EnrichedGame g : games) {
      for (long id : e.listIds(g.id())) {
        assertThat(variants).doesNotContain(id);
      }
    }
    assertThat(e.similar(base.id(), Query.DEFAULT, 10))
        .extracting(ScoredGame::id)
        .doesNotContainAnyElementsOf(variants);
    List<ScoredGame> all = e.similar(base.id(), Query.builder().includeVariants(true).build(), 3);
    assertThat(all).extracting(ScoredGame::id).containsExactlyInAnyOrder(1000L, 1001L, 1002L);
    assertThat(all.get(0).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void recommendationsFavourLikedAndPenaliseDislikedGames() {
    EnrichedGame a =
        EnrichedGame.builder(1)
            .name("A")
            .genres(List.of("RPG"))
            .keywords(List.of("dragons"))
            .build();
    EnrichedGame b =
        EnrichedGame.builder(2)
            .name("B")
            .genres(List.of("RPG"))
            .keywords(List.of("dragons", "magic"))
            .build();
    EnrichedGame c =
        EnrichedGame.builder(3)
            .name("C")
            .genres(List.of("RPG"))
            .keywords(List.of("zombies"))
            .build();
    EnrichedGame d =
        EnrichedGame.builder(4)
            .name("D")
            .genres(List.of("Racing"))
            .keywords(List.of("zombies"))
            .build();
    EnrichedGame z = EnrichedGame.builder(5).name("Z").genres(List.of("Racing")).build();
    ExactSimilarityEngine e = new ExactSimilarityEngine(cfg);
    e.buildAll(List.of(a, b, c, d, z));
    List<ScoredGame> rec = e.recommend(List.of(1L), List.of(4L), Query.DEFAULT, 10);
    assertThat(rec).extracting(ScoredGame::id).startsWith(2L).doesNotContain(1L, 4L);
    assertThat(rec.get(0).reasons()).contains("kw:dragons");
    // C shares the genre with A but the disliked game's keyword: it ranks below B
    assertThat(rec).extracting(ScoredGame::id).containsSubsequence(2L, 3L);
    assertThat(e.recommend(List.of(99L), List.of(), Query.DEFAULT, 10)).isEmpty();
  }

  @Test
  void searchSnapshotRestoreAndErrors() {
    List<EnrichedGame> games = catalogue(5, 80);
    ExactSimilarityEngine e = new ExactSimilarityEngine(cfg);
    e.buildAll(games);
    assertThat(e.searchByName("game 1", 5))
        .extracting(EnrichedGame::id)
        .containsExactly(1L, 10L, 11L, 12L, 13L);
    assertThatThrownBy(() -> e.similar(12345, Query.DEFAULT, 5))
        .isInstanceOf(NoSuchElementException.class);
    assertThat(e.delete(12345).changedLists()).isEmpty();
    assertThatThrownBy(() -> Query.builder().minYear(2010).maxYear(2000).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineConfig.defaults().withListSize(0))
        .hasMessageContaining("listSize");

    List<SimilarGames> snapshot = e.snapshot();
    assertThat(snapshot).hasSize(80);
    ExactSimilarityEngine restored = new ExactSimilarityEngine(cfg);
    restored.restore(games, snapshot);
    Set<Long> ids = new HashSet<>();
    for (EnrichedGame g : games) {
      ids.add(g.id());
      assertThat(restored.listIds(g.id())).containsExactly(e.listIds(g.id()));
    }
    assertThat(ids).hasSize(80);
  }
}
