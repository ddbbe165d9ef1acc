package io.gamedata.recommender.engine;

import io.gamedata.contracts.enriched.EnrichedGame;
import java.util.Set;

/** Classifies games that stay out of results by default. */
public final class GameKind {

  /**
   * IGDB game_type ids kept out by default: DLC (1), expansion (2), bundle (3), pack (13), update
   * (14).
   */
  private static final Set<Long> VARIANT_TYPE_IDS = Set.of(1L, 2L, 3L, 13L, 14L);

  /** The same by name (lower case), for documents that carry only the name. */
  private static final Set<String> VARIANT_TYPE_NAMES =
      Set.of("dlc", "dlc_addon", "expansion", "bundle", "pack", "update");

  private GameKind() {}

  /**
   * True for DLC, expansions, bundles, packs, updates and editions: a {@code game_type} among
   * {@link #VARIANT_TYPE_IDS}, a {@code version_parent} (an edition of another game), or a {@code
   * parent_game} unless the game is a standalone expansion (type 4) or a main game (type 0).
   */
  public static boolean isVariant(EnrichedGame g) {
    Long type = g.gameTypeId();
    if (type != null && VARIANT_TYPE_IDS.contains(type)) {
      return true;
    }
    if (type == null
        && g.gameType() != null
        && VARIANT_TYPE_NAMES.contains(g.gameType().toLowerCase(java.util.Locale.ROOT))) {
      return true;
    }
    if (g.versionParentId() != null) {
      return true;
    }
    boolean standaloneOrMain = type != null && (type == 4L || type == 0L);
    return g.parentGameId() != null && !standaloneOrMain;
  }
}
