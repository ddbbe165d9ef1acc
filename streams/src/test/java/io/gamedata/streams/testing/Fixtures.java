package io.gamedata.streams.testing;

import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.json.Json;
import io.gamedata.streams.names.StoreNames;
import io.gamedata.streams.store.ReferenceTable;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** Small hand-made IGDB records for topology tests. */
public final class Fixtures {

  private Fixtures() {}

  public static IgdbNamed named(long id, String name) {
    return IgdbNamed.of(id, name);
  }

  /** A game type / status record, whose display name is a textual "type" / "status" field. */
  public static IgdbNamed typed(long id, String field, String value) {
    try {
      return Json.mapper()
          .readValue(
              Json.mapper().writeValueAsBytes(Map.of("id", id, field, value)), IgdbNamed.class);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static IgdbCover cover(long id, long game, String imageId) {
    return new IgdbCover(id, game, imageId, 264, 374, null, null, null, null);
  }

  public static IgdbInvolvedCompany involved(
      long id, long game, long company, boolean developer, boolean publisher) {
    return new IgdbInvolvedCompany(
        id, company, game, developer, publisher, false, false, null, null, null, null);
  }

  /** A game with every reference field set, ids per the reference data of {@link #loadAll}. */
  public static IgdbGame fullGame(long id, long updatedAt) {
    return game(id, "Game " + id, updatedAt);
  }

  public static IgdbGame game(long id, String name, long updatedAt) {
    return new IgdbGame(
        id,
        name,
        "game-" + id,
        "summary " + id,
        "story " + id,
        "https://www.igdb.com/games/game-" + id,
        "chk-" + id,
        null,
        1_472_428_800L, // 2016-08-29
        1_300_000_000L,
        updatedAt,
        80.5,
        100,
        75.0,
        10,
        78.0,
        110,
        5,
        100L + id, // cover
        0L, // game type
        0L, // game status
        7L, // parent game
        8L, // version parent
        1L, // main franchise
        List.of(12L, 31L),
        List.of(1L),
        List.of(100L, 101L),
        List.of(1L),
        List.of(2L),
        List.of(6L, 48L),
        List.of(1000L + id * 10, 1001L + id * 10),
        List.of(2L),
        List.of(3L),
        List.of(4L),
        List.of(9L, 10L),
        List.of(77L),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** The reference data of {@link #fullGame}, games {@code ids}. */
  public static void loadAll(TopologyHarness h, long... gameIds) {
    h.send(IgdbEndpoint.GENRES, 12, named(12, "Role-playing (RPG)"));
    h.send(IgdbEndpoint.GENRES, 31, named(31, "Adventure"));
    h.send(IgdbEndpoint.THEMES, 1, named(1, "Action"));
    h.send(IgdbEndpoint.KEYWORDS, 100, named(100, "witcher"));
    h.send(IgdbEndpoint.KEYWORDS, 101, named(101, "open world"));
    h.send(IgdbEndpoint.GAME_MODES, 1, named(1, "Single player"));
    h.send(IgdbEndpoint.PLAYER_PERSPECTIVES, 2, named(2, "Third person"));
    h.send(IgdbEndpoint.PLATFORMS, 6, named(6, "PC (Microsoft Windows)"));
    h.send(IgdbEndpoint.PLATFORMS, 48, named(48, "PlayStation 4"));
    h.send(IgdbEndpoint.FRANCHISES, 1, named(1, "The Witcher"));
    h.send(IgdbEndpoint.FRANCHISES, 2, named(2, "Witcher Extended"));
    h.send(IgdbEndpoint.COLLECTIONS, 3, named(3, "Witcher Saga"));
    h.send(IgdbEndpoint.GAME_ENGINES, 4, named(4, "REDengine 3"));
    h.send(IgdbEndpoint.GAME_TYPES, 0, typed(0, "type", "Main Game"));
    h.send(IgdbEndpoint.GAME_STATUSES, 0, typed(0, "status", "Released"));
    h.send(IgdbEndpoint.COMPANIES, 908, named(908, "CD Projekt RED"));
    h.send(IgdbEndpoint.COMPANIES, 909, named(909, "CD Projekt"));
    for (long g : gameIds) {
      h.send(IgdbEndpoint.COVERS, 100 + g, cover(100 + g, g, "co" + g));
      h.send(
          IgdbEndpoint.INVOLVED_COMPANIES,
          1000 + g * 10,
          involved(1000 + g * 10, g, 908, true, false));
      h.send(
          IgdbEndpoint.INVOLVED_COMPANIES,
          1001 + g * 10,
          involved(1001 + g * 10, g, 909, false, true));
    }
  }

  /**
   * Registers the game processor's stores with {@code context} (game states in memory, unlogged; an
   * empty reference table); returns the game-state store.
   */
  public static KeyValueStore<Long, byte[]> gameProcessorStores(
      MockProcessorContext<Object, Object> context) {
    KeyValueStore<Long, byte[]> states = memoryStore(context, StoreNames.GAME_STATE);
    ReferenceTable references = ReferenceTable.builder(StoreNames.REFERENCE_GLOBAL).build();
    references.init(context.getStateStoreContext(), references);
    context.addStateStore(references);
    return states;
  }

  private static KeyValueStore<Long, byte[]> memoryStore(
      MockProcessorContext<Object, Object> context, String name) {
    KeyValueStore<Long, byte[]> s =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(name), Serdes.Long(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    s.init(context.getStateStoreContext(), s);
    context.addStateStore(s);
    return s;
  }
}
