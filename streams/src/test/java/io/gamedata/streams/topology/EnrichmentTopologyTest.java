package io.gamedata.streams.topology;

import static io.gamedata.streams.testing.Fixtures.fullGame;
import static io.gamedata.streams.testing.Fixtures.game;
import static io.gamedata.streams.testing.Fixtures.involved;
import static io.gamedata.streams.testing.Fixtures.loadAll;
import static io.gamedata.streams.testing.Fixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.change.GameChangeEvent.Operation;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.streams.domain.Reference;
import io.gamedata.streams.names.StoreNames;
import io.gamedata.streams.store.ReferenceTable;
import io.gamedata.streams.testing.Fixtures;
import io.gamedata.streams.testing.TopologyHarness;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrichment, late references, renames and deletes, through the whole topology. */
class EnrichmentTopologyTest {

  @TempDir Path stateDir;
  TopologyHarness h;

  @BeforeEach
  void start() {
    h = new TopologyHarness(stateDir);
  }

  @AfterEach
  void stop() {
    h.close();
  }

  @Test
  void enrichesEveryFieldOfTheDocument() {
    loadAll(h, 42);
    h.send(IgdbEndpoint.GAMES, 42, fullGame(42, 1_700_000_000L));

    List<TestRecord<Long, EnrichedGame>> out = h.enrichedRecords();
    assertThat(out).hasSize(1);
    EnrichedGame doc = out.get(0).value();
    EnrichedGame expected =
        EnrichedGame.builder(42)
            .name("Game 42")
            .slug("game-42")
            .summary("summary 42")
            .storyline("story 42")
            .url("https://www.igdb.com/games/game-42")
            .firstReleaseDate(Instant.parse("2016-08-29T00:00:00Z"))
            .releaseYear(2016)
            .createdAt(Instant.ofEpochSecond(1_300_000_000L))
            .updatedAt(Instant.ofEpochSecond(1_700_000_000L))
            .rating(80.5)
            .ratingCount(100)
            .aggregatedRating(75.0)
            .aggregatedRatingCount(10)
            .totalRating(78.0)
            .totalRatingCount(110)
            .hypes(5)
            .gameTypeId(0L)
            .gameType("Main Game")
            .gameStatusId(0L)
            .gameStatus("Released")
            .parentGameId(7L)
            .versionParentId(8L)
            .genres(List.of("Role-playing (RPG)", "Adventure"))
            .themes(List.of("Action"))
            .gameModes(List.of("Single player"))
            .playerPerspectives(List.of("Third person"))
            .platforms(List.of("PC (Microsoft Windows)", "PlayStation 4"))
            .keywords(List.of("witcher", "open world"))
            .developers(List.of("CD Projekt RED"))
            .publishers(List.of("CD Projekt"))
            .franchises(List.of("The Witcher", "Witcher Extended"))
            .collections(List.of("Witcher Saga"))
            .gameEngines(List.of("REDengine 3"))
            .coverImageId("co42")
            .coverUrl("https://images.igdb.com/igdb/image/upload/t_cover_big/co42.jpg")
            .similarGames(List.of(9L, 10L))
            .missingReferences(List.of())
            .sourceChecksum("chk-42")
            .contentHash(doc.contentHash())
            .build();
    assertThat(doc).isEqualTo(expected);
    assertThat(doc.contentHash()).matches("[0-9a-f]{16}");

    List<GameChangeEvent> events = h.changeEvents();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).op()).isEqualTo(Operation.CREATED);
    assertThat(events.get(0).eventId()).isEqualTo("42:created:" + doc.contentHash());
    assertThat(events.get(0).changedFields())
        .contains("name", "genres", "developers", "cover_url")
        .doesNotContain("missing_references", "version_title");
    assertThat(h.dlq.isEmpty()).isTrue();
  }

  @Test
  void legacySchemaUsesCategoryStatusAndCollection() throws Exception {
    loadAll(h);
    h.send(IgdbEndpoint.GAME_TYPES, 4, Fixtures.typed(4, "type", "Standalone Expansion"));
    h.send(IgdbEndpoint.GAME_STATUSES, 2, Fixtures.typed(2, "status", "Alpha"));
    h.send(IgdbEndpoint.COLLECTIONS, 701, named(701, "Old Collection"));
    String legacy =
        "{\"id\":90001,\"name\":\"Legacy Quest\",\"category\":4,\"status\":2,"
            + "\"collection\":701,\"collections\":[3],\"updated_at\":1636502400}";
    h.sendRaw(IgdbEndpoint.GAMES, 90001L, legacy);

    EnrichedGame doc = h.enriched.readValue();
    assertThat(doc.gameTypeId()).isEqualTo(4L);
    assertThat(doc.gameType()).isEqualTo("Standalone Expansion");
    assertThat(doc.gameStatus()).isEqualTo("Alpha");
    assertThat(doc.collections()).containsExactly("Old Collection", "Witcher Saga");
  }

  @Test
  void realSampleGameEnrichesWithItsMissingReferencesListed() throws Exception {
    IgdbGame witcher;
    try (InputStream in = getClass().getResourceAsStream("/igdb/witcher3-goty.json")) {
      witcher = Json.mapper().readValue(in, IgdbGame.class);
    }
    h.send(IgdbEndpoint.GENRES, 12, named(12, "Role-playing (RPG)"));
    h.send(IgdbEndpoint.GAMES, witcher.id(), witcher);
    EnrichedGame doc = h.enriched.readValue();
    assertThat(doc.name()).isEqualTo(witcher.name());
    assertThat(doc.genres()).containsExactly("Role-playing (RPG)");
    assertThat(doc.missingReferences()).contains("genres:31", "covers:" + witcher.cover());
    assertThat(doc.missingReferences()).doesNotContain("genres:12");
  }

  @Test
  void lateReferenceDataReEnrichesTheGame() {
    h.send(IgdbEndpoint.GAMES, 42, fullGame(42, 1_700_000_000L));
    EnrichedGame first = h.enriched.readValue();
    assertThat(first.genres()).isEmpty();
    assertThat(first.developers()).isEmpty();
    assertThat(first.missingReferences())
        .contains("genres:12", "genres:31", "covers:142", "involved_companies:1420");
    h.changeEvents();

    h.send(IgdbEndpoint.GENRES, 12, named(12, "Role-playing (RPG)"));
    EnrichedGame second = h.enriched.readValue();
    assertThat(second.genres()).containsExactly("Role-playing (RPG)");
    assertThat(second.missingReferences()).doesNotContain("genres:12").contains("genres:31");
    GameChangeEvent ev = h.changes.readValue();
    assertThat(ev.op()).isEqualTo(Operation.UPDATED);
    assertThat(ev.changedFields()).containsExactlyInAnyOrder("genres", "missing_references");
    assertThat(ev.previousContentHash()).isEqualTo(first.contentHash());

    // the involved company arrives, then its company: developers appear only with both
    h.send(IgdbEndpoint.INVOLVED_COMPANIES, 1420, involved(1420, 42, 908, true, false));
    EnrichedGame third = h.enriched.readValue();
    assertThat(third.developers()).isEmpty();
    assertThat(third.missingReferences())
        .doesNotContain("involved_companies:1420")
        .contains("companies:908");
    h.send(IgdbEndpoint.COMPANIES, 908, named(908, "CD Projekt RED"));
    assertThat(h.enriched.readValue().developers()).containsExactly("CD Projekt RED");

    h.send(IgdbEndpoint.COVERS, 142, Fixtures.cover(142, 42, "co42"));
    assertThat(h.enriched.readValue().coverImageId()).isEqualTo("co42");
  }

  @Test
  void aHeldGameIsEmittedOnceCompleteAsSoonAsItsLastReferenceArrives() {
    h.streaming = true;
    h.send(IgdbEndpoint.GAMES, 42, fullGame(42, 1_700_000_000L));
    loadAll(h); // its named references; its involved companies and cover come 300 ms apart
    h.advance(300);
    h.send(IgdbEndpoint.INVOLVED_COMPANIES, 1420, involved(1420, 42, 908, true, false));
    h.send(IgdbEndpoint.INVOLVED_COMPANIES, 1421, involved(1421, 42, 909, false, true));
    h.advance(300);
    assertThat(h.enriched.isEmpty()).as("held while a reference is missing").isTrue();
    h.send(IgdbEndpoint.COVERS, 142, Fixtures.cover(142, 42, "co42"));
    h.advance(100);
    List<TestRecord<Long, EnrichedGame>> out = h.enrichedRecords();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).value().missingReferences()).isEmpty();
    assertThat(out.get(0).value().coverImageId()).isEqualTo("co42");
    assertThat(out.get(0).value().developers()).containsExactly("CD Projekt RED");
    assertThat(out.get(0).value().publishers()).containsExactly("CD Projekt");
    assertThat(h.changeEvents()).hasSize(1);
    // more references, and the hold time passing, emit nothing more
    h.send(IgdbEndpoint.KEYWORDS, 102, named(102, "keyword 2"));
    h.streaming = false;
    h.advance(2000);
    assertThat(h.enriched.isEmpty()).isTrue();
  }

  @Test
  void aGameWhoseReferencesAreAllKnownIsEmittedAtOnceWithoutWaitingForQuiet() {
    h.streaming = true;
    loadAll(h, 42);
    h.send(IgdbEndpoint.GAMES, 42, fullGame(42, 1_700_000_000L));
    List<TestRecord<Long, EnrichedGame>> out = h.enrichedRecords();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).value().missingReferences()).isEmpty();
    // an incomplete one waits for the quiet time
    h.send(IgdbEndpoint.GAMES, 43, fullGame(43, 1_700_000_000L));
    assertThat(h.enriched.isEmpty()).isTrue();
    h.streaming = false;
    h.advance(1001);
    assertThat(h.enriched.readValue().missingReferences()).isNotEmpty();
  }

  @Test
  void aBulkLoadThatNeverGoesQuietDelaysAGameAtMostTheMaximumWait() {
    h.streaming = true;
    h.send(IgdbEndpoint.KEYWORDS, 4999, named(4999, "unrelated"));
    h.send(IgdbEndpoint.GAMES, 42, fullGame(42, 1_700_000_000L));
    int keyword = 5000;
    for (int i = 0; i < 40; i++) {
      h.advance(900);
      // 600 references every 0.9 s: a bulk load (>= 500/s), likely to bring the missing ones
      for (int k = 0; k < 600; k++, keyword++) {
        h.send(IgdbEndpoint.KEYWORDS, keyword, named(keyword, "unrelated " + keyword));
      }
      if (i == 20) {
        assertThat(h.enriched.isEmpty()).as("held while a bulk load streams in").isTrue();
      }
    }
    List<TestRecord<Long, EnrichedGame>> out = h.enrichedRecords();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).value().missingReferences()).isNotEmpty();
  }

  @Test
  void aTrickleOfLiveReferencesHoldsAGameOnlyTheHoldTime() {
    h.streaming = true;
    h.send(IgdbEndpoint.KEYWORDS, 4999, named(4999, "live"));
    h.send(IgdbEndpoint.GAMES, 42, fullGame(42, 1_700_000_000L)); // its references never come
    int keyword = 5000;
    for (int i = 0; i < 15; i++) {
      h.advance(100);
      // one unrelated reference every 0.1 s (10/s: live changes), never quiet for the hold time
      h.send(IgdbEndpoint.KEYWORDS, keyword, named(keyword, "live " + keyword));
      keyword++;
      if (i == 7) {
        assertThat(h.enriched.isEmpty()).as("held up to the hold time (1 s)").isTrue();
      }
    }
    List<TestRecord<Long, EnrichedGame>> out = h.enrichedRecords();
    assertThat(out).as("emitted after the hold time, not the maximum").hasSize(1);
    assertThat(out.get(0).value().missingReferences()).isNotEmpty();
  }

  @Test
  void aGameWithADanglingReferenceIsNotHeldWhileNoReferenceArrives() {
    loadAll(h);
    h.advance(2000); // references quiet
    h.streaming = true;
    h.send(IgdbEndpoint.GAMES, 42, fullGame(42, 1_700_000_000L)); // its cover never comes
    h.advance(100);
    EnrichedGame doc = h.enriched.readValue();
    assertThat(doc.missingReferences())
        .containsExactly("involved_companies:1420", "involved_companies:1421", "covers:142");
    // and it is emitted again, complete, when they do come after all
    h.send(IgdbEndpoint.INVOLVED_COMPANIES, 1420, involved(1420, 42, 908, true, false));
    h.send(IgdbEndpoint.INVOLVED_COMPANIES, 1421, involved(1421, 42, 909, false, true));
    h.send(IgdbEndpoint.COVERS, 142, Fixtures.cover(142, 42, "co42"));
    h.advance(100);
    assertThat(h.latest().get(42L).missingReferences()).isEmpty();
  }

  @Test
  void companyRenameReEmitsEveryGameOfThatCompanyAndNoOther() {
    loadAll(h, 1, 2, 3);
    h.send(IgdbEndpoint.COMPANIES, 555, named(555, "Someone Else"));
    for (long id = 1; id <= 3; id++) {
      h.send(IgdbEndpoint.GAMES, id, fullGame(id, 1_700_000_000L));
    }
    // game 4 has its own company only
    IgdbGame other = fullGame(4, 1_700_000_000L);
    h.send(IgdbEndpoint.INVOLVED_COMPANIES, 1040, involved(1040, 4, 555, true, true));
    h.send(IgdbEndpoint.INVOLVED_COMPANIES, 1041, involved(1041, 4, 555, false, false));
    h.send(IgdbEndpoint.GAMES, 4, other);
    h.enrichedRecords();
    h.changeEvents();

    h.send(IgdbEndpoint.COMPANIES, 908, named(908, "CD PROJEKT RED S.A."));
    Map<Long, EnrichedGame> reEmitted = h.latest();
    assertThat(reEmitted.keySet()).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(reEmitted.values())
        .allSatisfy(d -> assertThat(d.developers()).containsExactly("CD PROJEKT RED S.A."));
    assertThat(h.changeEvents())
        .hasSize(3)
        .allSatisfy(
            e -> {
              assertThat(e.op()).isEqualTo(Operation.UPDATED);
              assertThat(e.changedFields()).containsExactly("developers");
            });

    // the same name again (a touch of the company) changes nothing
    h.send(IgdbEndpoint.COMPANIES, 908, named(908, "CD PROJEKT RED S.A."));
    assertThat(h.enriched.isEmpty()).isTrue();
  }

  @Test
  void genreRenameReEmitsAllItsGames() {
    loadAll(h, 1, 2);
    h.send(IgdbEndpoint.GAMES, 1, fullGame(1, 1_700_000_000L));
    h.send(IgdbEndpoint.GAMES, 2, fullGame(2, 1_700_000_000L));
    h.enrichedRecords();
    h.send(IgdbEndpoint.GENRES, 31, named(31, "Adventure & Exploration"));
    Map<Long, EnrichedGame> out = h.latest();
    assertThat(out).containsOnlyKeys(1L, 2L);
    assertThat(out.get(1L).genres())
        .containsExactly("Role-playing (RPG)", "Adventure & Exploration");
  }

  @Test
  void referenceDeleteListsItAsMissing() {
    loadAll(h, 1);
    h.send(IgdbEndpoint.GAMES, 1, fullGame(1, 1_700_000_000L));
    h.enrichedRecords();
    long theme = Reference.of(IgdbEndpoint.THEMES, 1).packed();
    ReferenceTable global = (ReferenceTable) h.driver.getStateStore(StoreNames.REFERENCE_GLOBAL);
    assertThat(global.get(theme)).isEqualTo("Action");
    h.send(IgdbEndpoint.THEMES, 1, null);
    EnrichedGame doc = h.enriched.readValue();
    assertThat(doc.themes()).isEmpty();
    assertThat(doc.missingReferences()).containsExactly("themes:1");
    // the global store (not only the task's overlay of announced changes) forgot it
    assertThat(global.get(theme)).isNull();
  }

  @Test
  void deleteEmitsATombstoneAndADeletedEvent() {
    loadAll(h, 5);
    h.send(IgdbEndpoint.GAMES, 5, fullGame(5, 1_700_000_000L));
    EnrichedGame doc = h.enriched.readValue();
    h.changeEvents();

    h.send(IgdbEndpoint.GAMES, 5, null);
    TestRecord<Long, EnrichedGame> tombstone = h.enriched.readRecord();
    assertThat(tombstone.key()).isEqualTo(5L);
    assertThat(tombstone.value()).isNull();
    GameChangeEvent ev = h.changes.readValue();
    assertThat(ev.op()).isEqualTo(Operation.DELETED);
    assertThat(ev.eventId()).isEqualTo("5:deleted:" + doc.contentHash());
    assertThat(ev.previousContentHash()).isEqualTo(doc.contentHash());

    // a second delete, and the delete of a game never seen, emit nothing
    h.send(IgdbEndpoint.GAMES, 5, null);
    h.send(IgdbEndpoint.GAMES, 6, null);
    assertThat(h.enriched.isEmpty()).isTrue();
    assertThat(h.changes.isEmpty()).isTrue();

    // an older version arriving after the delete does not resurrect it; a newer one does
    h.send(IgdbEndpoint.GAMES, 5, fullGame(5, 1_600_000_000L));
    assertThat(h.enriched.isEmpty()).isTrue();
    h.send(IgdbEndpoint.GAMES, 5, game(5, "Back Again", 1_800_000_000L));
    assertThat(h.enriched.readValue().name()).isEqualTo("Back Again");
    assertThat(h.changes.readValue().op()).isEqualTo(Operation.CREATED);

    // a reference change after a delete does not re-emit the deleted game
    h.send(IgdbEndpoint.GAMES, 5, null);
    h.enrichedRecords();
    h.send(IgdbEndpoint.GENRES, 12, named(12, "RPG"));
    assertThat(h.enriched.isEmpty()).isTrue();
  }
}
