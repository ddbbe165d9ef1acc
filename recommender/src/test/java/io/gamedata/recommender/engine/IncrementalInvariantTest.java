package io.gamedata.recommender.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Property: after random sequences of upserts and deletes, every list equals the top-len prefix of
 * what a full rebuild with the same IDF generation computes (ids and integer scores, ties by id),
 * and len >= min(watermark, rebuilt length): lists are refilled lazily, only below the watermark.
 */
class IncrementalInvariantTest {

  private static EngineConfig config(int listSize, int heavyDf, double drift) {
    return config(listSize, 0, heavyDf, drift);
  }

  private static EngineConfig config(int listSize, int refillBelow, int heavyDf, double drift) {
    return EngineConfig.defaults()
        .withListSize(listSize)
        .withRefillBelow(refillBelow)
        .withHeavyTermDf(heavyDf)
        .withIdfDriftThreshold(drift)
        .withIdfMinChanges(5)
        .withThreads(2);
  }

  @Test
  void randomUpsertsAndDeletesMatchAFullRebuild() {
    for (long seed = 1; seed <= 8; seed++) {
      int listSize = 3 + (int) (seed % 5);
      int heavy = seed % 2 == 0 ? 4 : 1000;
      runSequence(seed, config(listSize, (int) (seed % (listSize + 1)), heavy, 0), 50, 150);
    }
  }

  @Test
  void completeListsAcceptNewGamesAfterTheirTail() {
    // K' larger than the catalogue: every list is complete and must take every new game
    for (long seed = 20; seed <= 22; seed++) {
      runSequence(seed, config(40, 0, 1000, 0), 8, 120);
    }
  }

  @Test
  void refillingOnlyAtTheLastEntryKeepsTheInvariant() {
    for (long seed = 30; seed <= 33; seed++) {
      runSequence(seed, config(6, 1, seed % 2 == 0 ? 4 : 1000, 0), 40, 150);
    }
  }

  @Test
  void generationSwapsKeepTheInvariant() {
    for (long seed = 100; seed <= 103; seed++) {
      ExactSimilarityEngine e = runSequence(seed, config(4, 5, 0.2), 40, 200);
      assertThat(e.idfGeneration()).isGreaterThan(1);
    }
  }

  @Test
  void writesDuringABackgroundGenerationBuildAreReplayedOnTheNewGeneration() throws Exception {
    EngineConfig cfg = config(4, 1, 1000, 0.1);
    RandomGames gen = new RandomGames(7);
    Map<Long, EnrichedGame> docs = new HashMap<>();
    for (long id = 1; id <= 60; id++) {
      docs.put(id, gen.game(id));
    }
    ExactSimilarityEngine engine = new ExactSimilarityEngine(cfg);
    engine.buildAll(docs.values());
    long first = engine.idfGeneration();
    var hold = new java.util.concurrent.CountDownLatch(1);
    engine.holdGenerationBuilds(hold);
    // cross the drift threshold (10% of 60 and at least 5 changes): a build starts, held
    long nextId = 61;
    for (int i = 0; i < 7; i++) {
      EnrichedGame g = gen.game(nextId++);
      docs.put(g.id(), g);
      assertThat(engine.upsert(g).generationSwapped()).isFalse();
    }
    assertThat(engine.generationPending()).isFalse(); // writes never start one
    assertThat(engine.settle(false).generationSwapped()).isFalse(); // this starts it
    assertThat(engine.generationPending()).isTrue();
    // writes while it builds: exact under the old generation, remembered for the replay
    Map<Long, long[]> before = null;
    for (int i = 0; i < 20; i++) {
      UpdateResult r;
      if (i % 4 == 3) {
        long id = 2L * i;
        docs.remove(id);
        r = engine.delete(id);
      } else {
        EnrichedGame g = gen.game(i % 2 == 0 ? nextId++ : i + 1);
        docs.put(g.id(), g);
        r = engine.upsert(g);
      }
      assertThat(r.generationSwapped()).isFalse();
      assertThat(engine.idfGeneration()).isEqualTo(first);
      assertMatchesRebuild(engine, docs, cfg, "write " + i + " during the build");
    }
    before = lists(engine, docs.keySet());
    assertThat(engine.settle(false).generationSwapped()).isFalse();
    hold.countDown();
    UpdateResult swapped = engine.settle(true);
    assertThat(swapped.generationSwapped()).isTrue();
    assertThat(engine.idfGeneration()).isEqualTo(first + 1);
    assertThat(engine.generationPending()).isFalse();
    assertThat(engine.size()).isEqualTo(docs.size());
    // the new generation holds every write, exact under its own IDF
    assertMatchesRebuild(engine, docs, cfg, "after the swap");
    // its IDF is the one of the snapshot taken when the threshold was crossed, not of today's docs
    assertThat(engine.generation().n()).isEqualTo(67);
    // every list that differs is reported; none that does not exist
    Map<Long, long[]> after = lists(engine, docs.keySet());
    for (long id : docs.keySet()) {
      if (!java.util.Arrays.equals(before.get(id), after.get(id))) {
        assertThat(swapped.changedLists()).as("change of %s reported", id).contains(id);
      }
    }
    assertThat(docs.keySet()).containsAll(swapped.changedLists());
    assertThat(swapped.removedGames()).doesNotContainAnyElementsOf(docs.keySet());
    // the drift of the new generation counts from its snapshot: the 20 writes made during the build
    // already cross the threshold, so the next settle builds (and, waiting, installs) the next one
    UpdateResult next = engine.settle(true);
    assertThat(next.generationSwapped()).isTrue();
    assertThat(next.idfGeneration()).isEqualTo(first + 2);
    assertMatchesRebuild(engine, docs, cfg, "after the second swap");
    assertThat(engine.settle(true).generationSwapped()).isFalse(); // nothing changed since
  }

  private ExactSimilarityEngine runSequence(long seed, EngineConfig cfg, int initial, int steps) {
    RandomGames gen = new RandomGames(seed);
    Map<Long, EnrichedGame> docs = new HashMap<>();
    for (long id = 1; id <= initial; id++) {
      docs.put(id, gen.game(id));
    }
    ExactSimilarityEngine engine = new ExactSimilarityEngine(cfg);
    engine.buildAll(docs.values());
    assertMatchesRebuild(engine, docs, cfg, "seed " + seed + " initial build");
    long nextId = initial + 1;
    for (int step = 0; step < steps; step++) {
      int op = gen.random().nextInt(10);
      List<Long> ids = new ArrayList<>(docs.keySet());
      Map<Long, long[]> before = lists(engine, docs.keySet());
      UpdateResult r;
      if (op < 3 || ids.isEmpty()) {
        EnrichedGame g = gen.game(nextId++);
        docs.put(g.id(), g);
        r = engine.upsert(g);
      } else if (op < 7) {
        long id = ids.get(gen.random().nextInt(ids.size()));
        EnrichedGame g = gen.game(id);
        docs.put(id, g);
        r = engine.upsert(g);
      } else if (op < 8) {
        long id = ids.get(gen.random().nextInt(ids.size()));
        r = engine.upsert(docs.get(id)); // unchanged document
      } else {
        long id = ids.get(gen.random().nextInt(ids.size()));
        docs.remove(id);
        r = engine.delete(id);
        assertThat(r.removedGames()).contains(id);
      }
      if (step % 3 == 0) {
        // a generation built in the background is installed by the next write or by settle
        UpdateResult settled = engine.settle(step % 6 == 0);
        if (settled.generationSwapped()) {
          r = settled;
        }
      }
      String ctx = "seed " + seed + " step " + step;
      assertMatchesRebuild(engine, docs, cfg, ctx);
      // the reported changes are exactly the lists that differ
      Map<Long, long[]> after = lists(engine, docs.keySet());
      for (long id : docs.keySet()) {
        boolean differs =
            !before.containsKey(id) || !java.util.Arrays.equals(before.get(id), after.get(id));
        if (differs && !r.generationSwapped()) {
          assertThat(r.changedLists()).as(ctx + " change of " + id + " reported").contains(id);
        }
      }
    }
    assertThat(engine.size()).isEqualTo(docs.size());
    return engine;
  }

  private static Map<Long, long[]> lists(ExactSimilarityEngine e, Set<Long> ids) {
    Map<Long, long[]> out = new HashMap<>();
    StoredLists stored = StoredLists.of(e);
    for (long id : ids) {
      long[] l = e.listIds(id);
      int[] s = stored.scores(id);
      long[] both = new long[l.length * 2];
      for (int i = 0; i < l.length; i++) {
        both[2 * i] = l[i];
        both[2 * i + 1] = s[i];
      }
      out.put(id, both);
    }
    return out;
  }

  static void assertMatchesRebuild(
      ExactSimilarityEngine engine, Map<Long, EnrichedGame> docs, EngineConfig cfg, String ctx) {
    ExactSimilarityEngine rebuilt = new ExactSimilarityEngine(cfg);
    rebuilt.buildWith(docs.values(), engine.generation());
    int watermark = cfg.watermark();
    StoredLists rebuiltLists = StoredLists.of(rebuilt);
    StoredLists engineLists = StoredLists.of(engine);
    for (long id : docs.keySet()) {
      long[] full = rebuilt.listIds(id);
      int[] fullScores = rebuiltLists.scores(id);
      long[] got = engine.listIds(id);
      assertThat(got.length)
          .as(ctx + " length of " + id + " (rebuild " + full.length + ")")
          .isBetween(Math.min(watermark, full.length), full.length);
      assertThat(got)
          .as(ctx + " list of " + id + " is a prefix of the rebuilt list")
          .containsExactly(java.util.Arrays.copyOf(full, got.length));
      assertThat(engineLists.scores(id))
          .as(ctx + " scores of " + id)
          .containsExactly(java.util.Arrays.copyOf(fullScores, got.length));
    }
  }
}
