package io.gamedata.recommender.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** exportState / importState: the imported engine is the exported one, and goes on like it. */
class EngineStateTest {

  private static EngineConfig config() {
    return EngineConfig.defaults().withListSize(5).withThreads(2).withIdfDriftThreshold(0.5);
  }

  private static void assertSame(ExactSimilarityEngine a, ExactSimilarityEngine b) {
    StoredLists sa = StoredLists.of(a);
    StoredLists sb = StoredLists.of(b);
    assertThat(sb.ids()).containsExactlyInAnyOrderElementsOf(sa.ids());
    for (long id : sa.ids()) {
      assertThat(b.listIds(id)).as("list of %d", id).containsExactly(a.listIds(id));
      assertThat(sb.scores(id)).as("scores of %d", id).containsExactly(sa.scores(id));
      assertThat(b.game(id)).isEqualTo(a.game(id));
      assertThat(b.similar(id, Query.DEFAULT, 5)).isEqualTo(a.similar(id, Query.DEFAULT, 5));
    }
    assertThat(b.idfGeneration()).isEqualTo(a.idfGeneration());
    assertThat(b.stats().changesSinceGeneration()).isEqualTo(a.stats().changesSinceGeneration());
  }

  @Test
  void completeListsStayCompleteThroughExportAndImport() {
    // 4 games and K' 5: every list holds every candidate, so a new game enters even after a tail
    RandomGames gen = new RandomGames(11);
    List<EnrichedGame> games = new ArrayList<>();
    for (long id = 1; id <= 4; id++) {
      games.add(gen.game(id));
    }
    ExactSimilarityEngine a = new ExactSimilarityEngine(config());
    a.buildAll(games);
    EngineState exported = a.exportState();
    assertThat(exported.listComplete()).contains(true);
    ExactSimilarityEngine b = new ExactSimilarityEngine(config());
    b.importState(exported);
    assertSame(a, b);
    for (long id = 5; id <= 8; id++) {
      EnrichedGame g = gen.game(id);
      assertThat(b.upsert(g).changedLists()).isEqualTo(a.upsert(g).changedLists());
    }
    assertSame(a, b);
  }

  @Test
  void aStateWithAnotherTermOrderImportsAndEvolvesLikeTheOriginal() {
    // heavy terms from 5 postings: the upsert pruning structures are rebuilt by the bulk import
    EngineConfig cfg = config().withHeavyTermDf(5);
    RandomGames gen = new RandomGames(23);
    List<EnrichedGame> games = new ArrayList<>();
    for (long id = 1; id <= 80; id++) {
      games.add(gen.game(id));
    }
    ExactSimilarityEngine a = new ExactSimilarityEngine(cfg);
    a.buildAll(games);
    EngineState s = a.exportState();
    // the dictionary reversed: every vector's term indexes change and are no longer ascending
    int t = s.terms().length;
    String[] terms = new String[t];
    for (int i = 0; i < t; i++) {
      terms[t - 1 - i] = s.terms()[i];
    }
    int[][] vecTerms = new int[s.vecTerms().length][];
    for (int g = 0; g < vecTerms.length; g++) {
      vecTerms[g] = s.vecTerms()[g].clone();
      for (int j = 0; j < vecTerms[g].length; j++) {
        vecTerms[g][j] = t - 1 - vecTerms[g][j];
      }
    }
    ExactSimilarityEngine b = new ExactSimilarityEngine(cfg);
    b.importState(
        new EngineState(
            s.generation(),
            s.changesSinceGeneration(),
            s.games(),
            s.listIds(),
            s.listScores(),
            terms,
            vecTerms,
            s.vecWeights(),
            s.listComplete()));
    assertSame(a, b);
    for (int i = 0; i < 40; i++) {
      long id = 1 + gen.random().nextInt(90);
      if (i % 5 == 4) {
        assertThat(b.delete(id).changedLists()).isEqualTo(a.delete(id).changedLists());
      } else {
        EnrichedGame g = gen.game(id);
        assertThat(b.upsert(g).changedLists()).isEqualTo(a.upsert(g).changedLists());
      }
    }
    assertSame(a, b);
  }

  @Test
  void anImportedStateAnswersAndEvolvesLikeTheOriginal() {
    RandomGames gen = new RandomGames(7);
    List<EnrichedGame> games = new ArrayList<>();
    for (long id = 1; id <= 60; id++) {
      games.add(gen.game(id));
    }
    ExactSimilarityEngine a = new ExactSimilarityEngine(config());
    a.buildAll(games);
    // incremental changes after the build: the lists are no longer a fresh build's
    a.upsert(gen.game(61));
    a.upsert(gen.game(5));
    a.delete(9);

    EngineState exported = a.exportState();
    assertThat(exported.hasVectors()).isTrue();
    ExactSimilarityEngine b = new ExactSimilarityEngine(config());
    UpdateResult r = b.importState(exported);
    assertThat(r.changedLists()).hasSize(60);
    assertSame(a, b);

    // without the vectors they are recomputed under the saved generation: the same engine
    ExactSimilarityEngine c = new ExactSimilarityEngine(config());
    c.importState(
        new EngineState(
            exported.generation(),
            exported.changesSinceGeneration(),
            exported.games(),
            exported.listIds(),
            exported.listScores()));
    assertSame(a, c);

    // the same writes on both keep them identical (same generation, same drift counter)
    EnrichedGame g = gen.game(62);
    EnrichedGame changed = gen.game(12);
    assertThat(b.upsert(g).changedLists()).isEqualTo(a.upsert(g).changedLists());
    assertThat(b.upsert(changed).changedLists()).isEqualTo(a.upsert(changed).changedLists());
    assertThat(b.delete(3).changedLists()).isEqualTo(a.delete(3).changedLists());
    assertSame(a, b);
  }

  @Test
  void aStateThatDoesNotFitIsRejected() {
    RandomGames gen = new RandomGames(3);
    List<EnrichedGame> games = List.of(gen.game(1), gen.game(2), gen.game(3));
    ExactSimilarityEngine a = new ExactSimilarityEngine(config());
    a.buildAll(games);
    EngineState s = a.exportState();
    ExactSimilarityEngine b = new ExactSimilarityEngine(config());

    long[][] unknown = s.listIds().clone();
    unknown[0] = new long[] {99};
    int[][] oneScore = s.listScores().clone();
    oneScore[0] = new int[] {1};
    assertThatThrownBy(
            () -> b.importState(new EngineState(s.generation(), 0, s.games(), unknown, oneScore)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown game 99");

    List<EnrichedGame> twice = List.of(games.get(0), games.get(0), games.get(2));
    assertThatThrownBy(
            () ->
                b.importState(
                    new EngineState(s.generation(), 0, twice, s.listIds(), s.listScores())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("appears twice");
    assertThat(b.size()).isZero(); // nothing half-loaded
  }
}
