package io.gamedata.recommender.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.ExactSimilarityEngine;
import io.gamedata.recommender.engine.StoredLists;
import io.gamedata.recommender.service.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file: a round trip gives the same state; anything damaged reads as absent. */
class StateSnapshotTest {

  @TempDir Path dir;
  ExactSimilarityEngine engine;
  StateSnapshot snapshot;

  @BeforeEach
  void build() {
    engine =
        new ExactSimilarityEngine(
            EngineConfig.defaults().withListSize(4).withThreads(1).withIdfDriftThreshold(0.5));
    engine.buildAll(Fixtures.catalogue());
    engine.delete(12);
    snapshot =
        new StateSnapshot(
            "games.enriched",
            "games.similar",
            4,
            "v1 test",
            Map.of(0, 7L, 1, 5L),
            Instant.parse("2026-11-29T06:00:00Z"),
            engine.exportState());
  }

  @Test
  void roundTripKeepsEverything() {
    assertThat(snapshot.write(dir)).isPositive();
    StateSnapshot back = StateSnapshot.read(dir).orElseThrow();
    assertThat(back.enrichedTopic()).isEqualTo("games.enriched");
    assertThat(back.similarTopic()).isEqualTo("games.similar");
    assertThat(back.listSize()).isEqualTo(4);
    assertThat(back.engineFingerprint()).isEqualTo("v1 test");
    assertThat(back.offsets()).isEqualTo(Map.of(0, 7L, 1, 5L));
    assertThat(back.savedAt()).isEqualTo(snapshot.savedAt());
    assertThat(back.engine().generation()).isEqualTo(snapshot.engine().generation());
    assertThat(back.engine().changesSinceGeneration()).isEqualTo(1);
    assertThat(back.engine().games()).isEqualTo(snapshot.engine().games());
    assertThat(back.engine().listIds()).isDeepEqualTo(snapshot.engine().listIds());
    assertThat(back.engine().listScores()).isDeepEqualTo(snapshot.engine().listScores());
    assertThat(back.engine().hasVectors()).isTrue();
    assertThat(back.engine().terms()).containsExactly(snapshot.engine().terms());
    assertThat(back.engine().vecTerms()).isDeepEqualTo(snapshot.engine().vecTerms());
    assertThat(back.engine().vecWeights()).isDeepEqualTo(snapshot.engine().vecWeights());
    assertThat(Files.exists(dir.resolve(StateSnapshot.FILE + ".tmp"))).isFalse();

    ExactSimilarityEngine loaded =
        new ExactSimilarityEngine(
            EngineConfig.defaults().withListSize(4).withThreads(1).withIdfDriftThreshold(0.5));
    loaded.importState(back.engine());
    for (long id : StoredLists.of(engine).ids()) {
      assertThat(loaded.listIds(id)).containsExactly(engine.listIds(id));
    }
  }

  @Test
  void missingTruncatedCorruptOrForeignFilesReadAsAbsent() throws Exception {
    assertThat(StateSnapshot.read(dir)).isEmpty();
    snapshot.write(dir);
    Path f = dir.resolve(StateSnapshot.FILE);
    byte[] good = Files.readAllBytes(f);

    Files.write(f, Arrays.copyOf(good, good.length - 3));
    assertThat(StateSnapshot.read(dir)).isEmpty();

    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x20; // one bit in a document
    Files.write(f, flipped);
    assertThat(StateSnapshot.read(dir)).isEmpty();

    byte[] otherVersion = good.clone();
    otherVersion[7] = 9;
    Files.write(f, otherVersion);
    assertThat(StateSnapshot.read(dir)).isEmpty();

    Files.writeString(f, "{\"not\": \"a snapshot\"}");
    assertThat(StateSnapshot.read(dir)).isEmpty();

    Files.write(f, good);
    assertThat(StateSnapshot.read(dir)).isPresent();
  }
}
