package io.gamedata.streams.it;

import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small deterministic catalogue for integration tests: games referencing every reference
 * endpoint, each game with one cover and two involved companies (a developer and a publisher).
 */
final class SmallCatalog {

  static final int GENRES = 20;
  static final int THEMES = 10;
  static final int KEYWORDS = 200;
  static final int COMPANIES = 50;
  static final int PLATFORMS = 12;

  final Map<IgdbEndpoint, Map<Long, IgdbRecord>> records = new EnumMap<>(IgdbEndpoint.class);

  SmallCatalog(int games, long seed) {
    Random r = new Random(seed);
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      records.put(e, new LinkedHashMap<>());
    }
    named(IgdbEndpoint.GENRES, GENRES, "Genre");
    named(IgdbEndpoint.THEMES, THEMES, "Theme");
    named(IgdbEndpoint.KEYWORDS, KEYWORDS, "keyword");
    named(IgdbEndpoint.COMPANIES, COMPANIES, "Company");
    named(IgdbEndpoint.PLATFORMS, PLATFORMS, "Platform");
    named(IgdbEndpoint.GAME_MODES, 5, "Mode");
    named(IgdbEndpoint.PLAYER_PERSPECTIVES, 5, "Perspective");
    named(IgdbEndpoint.FRANCHISES, 30, "Franchise");
    named(IgdbEndpoint.COLLECTIONS, 30, "Collection");
    named(IgdbEndpoint.GAME_ENGINES, 10, "Engine");
    named(IgdbEndpoint.GAME_TYPES, 5, "Type");
    named(IgdbEndpoint.GAME_STATUSES, 5, "Status");
    for (long id = 1; id <= games; id++) {
      long cover = 500_000 + id;
      long dev = 1_000_000 + id * 2;
      long pub = dev + 1;
      records
          .get(IgdbEndpoint.COVERS)
          .put(cover, new IgdbCover(cover, id, "co" + id, 264, 374, null, null, 1L, null));
      records
          .get(IgdbEndpoint.INVOLVED_COMPANIES)
          .put(dev, ic(dev, id, 1 + r.nextInt(COMPANIES), true));
      records
          .get(IgdbEndpoint.INVOLVED_COMPANIES)
          .put(pub, ic(pub, id, 1 + r.nextInt(COMPANIES), false));
      records.get(IgdbEndpoint.GAMES).put(id, game(id, "Game " + id, 1_700_000_000L, r));
    }
  }

  private void named(IgdbEndpoint e, int count, String prefix) {
    for (long id = 1; id <= count; id++) {
      records.get(e).put(id, IgdbNamed.of(id, prefix + " " + id));
    }
  }

  private static IgdbInvolvedCompany ic(long id, long game, long company, boolean developer) {
    return new IgdbInvolvedCompany(
        id, company, game, developer, !developer, false, false, null, null, 1L, null);
  }

  static IgdbGame game(long id, String name, long updatedAt, Random r) {
    return new IgdbGame(
        id,
        name,
        "game-" + id,
        "Summary of game " + id,
        null,
        null,
        null,
        null,
        1_000_000_000L + r.nextInt(700_000_000),
        1_000_000_000L,
        updatedAt,
        r.nextDouble() * 100,
        r.nextInt(1000),
        null,
        null,
        null,
        null,
        null,
        500_000 + id,
        (long) (1 + r.nextInt(5)),
        (long) (1 + r.nextInt(5)),
        null,
        null,
        (long) (1 + r.nextInt(30)),
        ids(r, 1 + r.nextInt(3), GENRES),
        ids(r, r.nextInt(3), THEMES),
        ids(r, r.nextInt(6), KEYWORDS),
        ids(r, 1, 5),
        ids(r, 1, 5),
        ids(r, 1 + r.nextInt(3), PLATFORMS),
        List.of(1_000_000 + id * 2, 1_000_000 + id * 2 + 1),
        null,
        ids(r, r.nextInt(2), 30),
        ids(r, r.nextInt(2), 10),
        ids(r, 3, 1000),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static List<Long> ids(Random r, int n, int max) {
    List<Long> ids = new ArrayList<>();
    while (ids.size() < n) {
      long id = 1 + r.nextInt(max);
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }
}
