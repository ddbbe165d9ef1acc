package io.gamedata.streams.domain;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the {@link EnrichedGame} v1 document of a raw game from the reference data known so far:
 * names instead of ids, timestamps instead of Unix seconds, cover URL, developers and publishers
 * through involved companies. A reference that is not known is listed in {@code missing_references}
 * (as {@code <endpoint>:<id>}) and every reference, known or not, is reported as a dependency so
 * that its later arrival or change can re-enrich the game.
 */
public final class GameEnricher {

  private static final long[] NO_REFERENCES = new long[0];

  private GameEnricher() {}

  public static Enrichment enrich(IgdbGame game, ReferenceLookup refs) {
    Context c = new Context(refs);
    EnrichedGame.Builder b =
        EnrichedGame.builder(game.id())
            .name(game.name())
            .slug(game.slug())
            .summary(game.summary())
            .storyline(game.storyline())
            .url(game.url())
            .firstReleaseDate(instant(game.firstReleaseDate()))
            .releaseYear(year(game.firstReleaseDate()))
            .createdAt(instant(game.createdAt()))
            .updatedAt(instant(game.updatedAt()))
            .rating(game.rating())
            .ratingCount(game.ratingCount())
            .aggregatedRating(game.aggregatedRating())
            .aggregatedRatingCount(game.aggregatedRatingCount())
            .totalRating(game.totalRating())
            .totalRatingCount(game.totalRatingCount())
            .hypes(game.hypes())
            .parentGameId(game.parentGame())
            .versionParentId(game.versionParent())
            .versionTitle(game.versionTitle())
            .similarGames(game.similarGames() == null ? List.of() : game.similarGames())
            .sourceChecksum(game.checksum());

    Long typeId = game.effectiveGameType();
    b.gameTypeId(typeId).gameType(typeId == null ? null : c.name(IgdbEndpoint.GAME_TYPES, typeId));
    Long statusId =
        game.gameStatus() != null
            ? game.gameStatus()
            : (game.status() == null ? null : game.status().longValue());
    b.gameStatusId(statusId)
        .gameStatus(statusId == null ? null : c.name(IgdbEndpoint.GAME_STATUSES, statusId));

    b.genres(c.names(IgdbEndpoint.GENRES, game.genres()))
        .themes(c.names(IgdbEndpoint.THEMES, game.themes()))
        .gameModes(c.names(IgdbEndpoint.GAME_MODES, game.gameModes()))
        .playerPerspectives(c.names(IgdbEndpoint.PLAYER_PERSPECTIVES, game.playerPerspectives()))
        .platforms(c.names(IgdbEndpoint.PLATFORMS, game.platforms()))
        .keywords(c.names(IgdbEndpoint.KEYWORDS, game.keywords()))
        .franchises(c.names(IgdbEndpoint.FRANCHISES, franchiseIds(game)))
        .collections(c.names(IgdbEndpoint.COLLECTIONS, game.effectiveCollections()))
        .gameEngines(c.names(IgdbEndpoint.GAME_ENGINES, game.gameEngines()));

    companies(game, c, b);

    if (game.cover() != null) {
      String imageId = c.cover(game.cover());
      b.coverImageId(imageId)
          .coverUrl(imageId == null ? null : IgdbCover.IMAGE_URL_PREFIX + imageId + ".jpg");
    }
    b.missingReferences(c.missing);
    EnrichedGame withoutHash = b.build();
    long[] fieldHashes = ContentFingerprint.fieldHashes(withoutHash);
    EnrichedGame doc = withoutHash.withContentHash(ContentFingerprint.contentHash(fieldHashes));
    return new Enrichment(doc, fieldHashes, c.dependencies(), c.missingPacked());
  }

  /**
   * True when every reference of {@code game} is known, i.e. {@link #enrich} would list no missing
   * reference. Cheaper than enriching: stops at the first unknown reference and builds nothing.
   */
  public static boolean complete(IgdbGame game, ReferenceLookup refs) {
    Long typeId = game.effectiveGameType();
    if (typeId != null && refs.name(IgdbEndpoint.GAME_TYPES, typeId) == null) {
      return false;
    }
    Long statusId =
        game.gameStatus() != null
            ? game.gameStatus()
            : (game.status() == null ? null : game.status().longValue());
    if (statusId != null && refs.name(IgdbEndpoint.GAME_STATUSES, statusId) == null) {
      return false;
    }
    if (!known(refs, IgdbEndpoint.GENRES, game.genres())
        || !known(refs, IgdbEndpoint.THEMES, game.themes())
        || !known(refs, IgdbEndpoint.GAME_MODES, game.gameModes())
        || !known(refs, IgdbEndpoint.PLAYER_PERSPECTIVES, game.playerPerspectives())
        || !known(refs, IgdbEndpoint.PLATFORMS, game.platforms())
        || !known(refs, IgdbEndpoint.KEYWORDS, game.keywords())
        || !known(refs, IgdbEndpoint.FRANCHISES, franchiseIds(game))
        || !known(refs, IgdbEndpoint.COLLECTIONS, game.effectiveCollections())
        || !known(refs, IgdbEndpoint.GAME_ENGINES, game.gameEngines())) {
      return false;
    }
    if (game.cover() != null && refs.coverImageId(game.cover()) == null) {
      return false;
    }
    if (game.involvedCompanies() != null) {
      for (Long icId : game.involvedCompanies()) {
        InvolvedCompanyLink link = refs.involvedCompany(icId);
        if (link == null || refs.name(IgdbEndpoint.COMPANIES, link.company()) == null) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean known(ReferenceLookup refs, IgdbEndpoint endpoint, List<Long> ids) {
    if (ids != null) {
      for (Long id : ids) {
        if (refs.name(endpoint, id) == null) {
          return false;
        }
      }
    }
    return true;
  }

  private static void companies(IgdbGame game, Context c, EnrichedGame.Builder b) {
    List<Long> ids = game.involvedCompanies();
    if (ids == null || ids.isEmpty()) {
      b.developers(List.of()).publishers(List.of());
      return;
    }
    // in the order of the involved companies, without repeats (short lists: see names)
    String[] developers = new String[ids.size()];
    String[] publishers = new String[ids.size()];
    int d = 0;
    int p = 0;
    for (Long icId : ids) {
      InvolvedCompanyLink link = c.involved(icId);
      if (link == null) {
        continue;
      }
      String company = c.name(IgdbEndpoint.COMPANIES, link.company());
      if (company == null) {
        continue;
      }
      if (link.developer() && !repeats(developers, d, company)) {
        developers[d++] = company;
      }
      if (link.publisher() && !repeats(publishers, p, company)) {
        publishers[p++] = company;
      }
    }
    b.developers(listOf(developers, d)).publishers(listOf(publishers, p));
  }

  /** The first {@code n} names, immutable. */
  private static List<String> listOf(String[] names, int n) {
    return n == 0 ? List.of() : List.of(n == names.length ? names : Arrays.copyOf(names, n));
  }

  /** True when {@code name} is among the first {@code n} of {@code names}. */
  private static boolean repeats(String[] names, int n, String name) {
    // a repeat is most often the same instance (the same reference), else a name's cached hash
    // tells most names apart before equals runs
    int hash = name.hashCode();
    for (int k = 0; k < n; k++) {
      String other = names[k];
      if (other == name || (other.hashCode() == hash && other.equals(name))) {
        return true;
      }
    }
    return false;
  }

  /** The main {@code franchise} first, then {@code franchises}, without repeats. */
  private static List<Long> franchiseIds(IgdbGame game) {
    if (game.franchise() == null) {
      return game.franchises();
    }
    List<Long> ids = new ArrayList<>();
    ids.add(game.franchise());
    if (game.franchises() != null) {
      for (Long id : game.franchises()) {
        if (!id.equals(game.franchise())) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  private static Instant instant(Long seconds) {
    return seconds == null ? null : Instant.ofEpochSecond(seconds);
  }

  private static Integer year(Long seconds) {
    // the UTC year, without building a zoned date
    return seconds == null ? null : LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L)).getYear();
  }

  /** Collects missing references and dependencies while looking references up. */
  private static final class Context {
    private final ReferenceLookup refs;
    private final List<String> missing = new ArrayList<>();
    private final List<Long> missingPacked = new ArrayList<>(0);
    private long[] deps = new long[32];
    private int depCount;

    Context(ReferenceLookup refs) {
      this.refs = refs;
    }

    private void depend(IgdbEndpoint endpoint, long id, boolean known) {
      Reference r = Reference.of(endpoint, id);
      if (depCount == deps.length) {
        deps = java.util.Arrays.copyOf(deps, depCount * 2);
      }
      deps[depCount++] = r.packed();
      if (!known) {
        String s = r.toString();
        if (!missing.contains(s)) {
          missing.add(s);
          missingPacked.add(r.packed());
        }
      }
    }

    String name(IgdbEndpoint endpoint, long id) {
      String name = refs.name(endpoint, id);
      depend(endpoint, id, name != null);
      return name;
    }

    List<String> names(IgdbEndpoint endpoint, List<Long> ids) {
      if (ids == null || ids.isEmpty()) {
        return List.of();
      }
      // a short list: a linear look for repeats beats hashing every name into a set
      // (ArrayList.contains was ~2% of the game threads' time)
      String[] names = new String[ids.size()];
      int n = 0;
      for (Long id : ids) {
        String name = name(endpoint, id);
        if (name != null && !repeats(names, n, name)) {
          names[n++] = name;
        }
      }
      return listOf(names, n);
    }

    InvolvedCompanyLink involved(long id) {
      InvolvedCompanyLink link = refs.involvedCompany(id);
      depend(IgdbEndpoint.INVOLVED_COMPANIES, id, link != null);
      return link;
    }

    String cover(long id) {
      String imageId = refs.coverImageId(id);
      depend(IgdbEndpoint.COVERS, id, imageId != null);
      return imageId;
    }

    long[] missingPacked() {
      if (missingPacked.isEmpty()) {
        return NO_REFERENCES;
      }
      return missingPacked.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** The references looked up, sorted, without repeats. */
    long[] dependencies() {
      long[] sorted = java.util.Arrays.copyOf(deps, depCount);
      java.util.Arrays.sort(sorted);
      int n = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (n == 0 || sorted[i] != sorted[n - 1]) {
          sorted[n++] = sorted[i];
        }
      }
      return n == sorted.length ? sorted : java.util.Arrays.copyOf(sorted, n);
    }
  }
}
