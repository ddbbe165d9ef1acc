package io.gamedata.streams.domain;

import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.IgdbGameReader;

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

  /**
   * The game without the fields enrichment never reads (kept small in the state store): the trim
   * the raw-game reader applies as it reads ({@link IgdbGameReader#trim}), one definition for both.
   */
  public static IgdbGame trimmed(IgdbGame g) {
    return IgdbGameReader.trim(g);
  }
}
