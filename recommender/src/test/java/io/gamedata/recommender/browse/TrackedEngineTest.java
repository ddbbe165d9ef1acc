package io.gamedata.recommender.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.recommender.browse.Catalogue.Count;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.ExactSimilarityEngine;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackedEngineTest {

  final ExactSimilarityEngine engine = new ExactSimilarityEngine(EngineConfig.defaults());
  final Catalogue catalogue = new Catalogue();
  final ChangeFeed feed = new ChangeFeed(10, Clock.systemUTC());
  final TrackedEngine writer = new TrackedEngine(engine, catalogue, feed);

  static EnrichedGame game(long id, String name, String franchise, String... platforms) {
    return EnrichedGame.builder(id)
        .name(name)
        .genres(List.of("Puzzle"))
        .gameType("Main Game")
        .franchises(franchise == null ? List.of() : List.of(franchise))
        .collections(franchise == null ? List.of() : List.of(franchise + " series"))
        .platforms(List.of(platforms))
        .build();
  }

  @Test
  void singleWritesGoToTheFeedAndEveryWriteToTheCatalogue() {
    writer.buildAll(List.of(game(1, "Alpha", "Greek", "PC"), game(2, "Beta", "Greek", "PC")));
    assertThat(feed.lastSeq()).isZero(); // a full load is not a list of arrivals
    assertThat(catalogue.franchise("Greek")).containsExactlyInAnyOrder(1L, 2L);
    assertThat(catalogue.collection("Greek series")).containsExactlyInAnyOrder(1L, 2L);

    writer.upsert(game(3, "Gamma", "Greek", "PC", "Switch", "Switch"));
    writer.upsert(game(2, "Beta Remastered", null, "Switch")); // leaves the franchise
    writer.delete(1);
    writer.delete(99); // unknown: nothing happened

    assertThat(feed.since(0, 10))
        .extracting(Change::kind, Change::id, Change::name, Change::games)
        .containsExactly(
            tuple(Change.Kind.NEW, 3L, "Gamma", 3),
            tuple(Change.Kind.CHANGED, 2L, "Beta Remastered", 3),
            tuple(Change.Kind.DELETED, 1L, "Alpha", 2));
    assertThat(engine.game(2)).map(EnrichedGame::name).hasValue("Beta Remastered");
    assertThat(catalogue.franchise("Greek")).containsExactly(3L);
    assertThat(catalogue.franchise("Nobody")).isEmpty();
    // a platform listed twice by one game counts once; emptied values disappear
    assertThat(catalogue.platforms()).containsExactly(new Count("Switch", 2), new Count("PC", 1));
    assertThat(catalogue.gameTypes()).containsExactly(new Count("Main Game", 2));

    writer.delete(3);
    assertThat(catalogue.platforms()).containsExactly(new Count("Switch", 1));
    assertThat(catalogue.franchise("Greek")).isEmpty();
  }

  @Test
  void aRestoreOrStateImportReplacesTheCatalogue() {
    writer.buildAll(List.of(game(1, "Alpha", "Greek", "PC")));
    ExactSimilarityEngine other = new ExactSimilarityEngine(EngineConfig.defaults());
    other.buildAll(
        List.of(game(5, "Epsilon", "Latin", "Switch"), game(5, "Epsilon", "Latin", "Switch")));
    writer.importState(other.exportState());
    assertThat(catalogue.franchise("Greek")).isEmpty();
    assertThat(catalogue.franchise("Latin")).containsExactly(5L);
    assertThat(catalogue.platforms()).containsExactly(new Count("Switch", 1));
    writer.restore(List.of(game(7, "Eta", "Greek", "PC")), List.of());
    assertThat(catalogue.franchise("Greek")).containsExactly(7L);
    assertThat(catalogue.franchise("Latin")).isEmpty();
  }
}
