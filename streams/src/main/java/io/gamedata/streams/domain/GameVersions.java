package io.gamedata.streams.domain;

import io.gamedata.contracts.igdb.IgdbGame;
import java.util.LinkedHashMap;

/** Ordering and trimming of game versions, for the dedupe step. */
public final class GameVersions {

  private GameVersions() {}

  /**
   * True when {@code incoming} is older than what the state already holds: a lower {@code
   * updated_at} never overwrites a higher one. Versions without {@code updated_at} are not ordered.
   */
  public static boolean isOlder(IgdbGame incoming, GameState state) {
    return state != null
        && state.updatedAt() != null
        && incoming.updatedAt() != null
        && incoming.updatedAt() < state.updatedAt();
  }

  /** The game without the fields enrichment never reads (kept small in the state store). */
  public static IgdbGame trimmed(IgdbGame g) {
    return new IgdbGame(
        g.id(),
        g.name(),
        g.slug(),
        g.summary(),
        g.storyline(),
        g.url(),
        g.checksum(),
        g.versionTitle(),
        g.firstReleaseDate(),
        g.createdAt(),
        g.updatedAt(),
        g.rating(),
        g.ratingCount(),
        g.aggregatedRating(),
        g.aggregatedRatingCount(),
        g.totalRating(),
        g.totalRatingCount(),
        g.hypes(),
        g.cover(),
        g.gameType(),
        g.gameStatus(),
        g.parentGame(),
        g.versionParent(),
        g.franchise(),
        g.genres(),
        g.themes(),
        g.keywords(),
        g.gameModes(),
        g.playerPerspectives(),
        g.platforms(),
        g.involvedCompanies(),
        g.franchises(),
        g.collections(),
        g.gameEngines(),
        g.similarGames(),
        null,
        null,
        null,
        g.category(),
        g.status(),
        g.collection(),
        null,
        new LinkedHashMap<>());
  }
}
